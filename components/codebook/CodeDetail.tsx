"use client";

import { NotebookPen, Pencil } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/shell/ui";
import type { FlatCode } from "./tree";
import type { CodeNode } from "./types";

/** The selected code's codebook entry: what a second coder reads before applying it. */
export function CodeDetail({
  projectId,
  code,
  codes,
  onEdit,
}: {
  projectId: string;
  code: CodeNode;
  codes: readonly FlatCode[];
  /** Absent for a viewer (no edit button). */
  onEdit?: () => void;
}) {
  const t = useTranslations("codebook.detail");
  const tc = useTranslations("common");
  const locale = useLocale();
  // Both labels are part of the entry; the interface language's comes first.
  const labels = locale === "zh" ? [code.labelZh, code.labelEn] : [code.labelEn, code.labelZh];
  const path = codes.find((c) => c.id === code.id)?.path ?? [code.shortName];
  return (
    <div className="sticky top-14 flex flex-col gap-3 rounded-md border border-stone-200 bg-white p-3" data-testid="code-detail">
      <div className="flex items-start gap-2">
        <span className="mt-1 h-3.5 w-3.5 shrink-0 rounded-sm" style={{ background: code.color }} aria-hidden />
        <div className="min-w-0">
          <p className="text-[11px] text-stone-400">{path.join(" › ")}</p>
          <h2 className="text-sm font-semibold">{code.shortName}</h2>
          <p className="text-[13px] text-stone-800">{labels[0]}</p>
          <p className="text-xs text-stone-500">{labels[1]}</p>
        </div>
        {onEdit ? (
          <Button size="sm" variant="ghost" className="ml-auto" onClick={onEdit} aria-label={tc("edit")}>
            <Pencil size={13} />
          </Button>
        ) : null}
      </div>
      <dl className="grid grid-cols-2 gap-2 text-center">
        <div className="rounded bg-stone-50 py-1.5">
          <dd className="font-semibold tabular-nums">{code.codingCount}</dd>
          <dt className="text-[10px] text-stone-500">{t("own")}</dt>
        </div>
        <div className="rounded bg-stone-50 py-1.5">
          <dd className="font-semibold tabular-nums">{code.totalCodingCount}</dd>
          <dt className="text-[10px] text-stone-500">{t("total")}</dt>
        </div>
      </dl>
      <Section title={t("definition")}>{code.definition}</Section>
      <Section title={t("inclusion")}>{code.inclusion}</Section>
      <Section title={t("exclusion")}>{code.exclusion}</Section>
      <Section title={t("example")}>{code.example}</Section>
      <Section title={t("keywords")}>
        {code.keywords.length > 0 ? (
          <span className="flex flex-wrap gap-1">
            {code.keywords.map((k) => (
              <span key={k} className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">
                {k}
              </span>
            ))}
          </span>
        ) : null}
      </Section>
      {code.groups.length > 0 ? (
        <Section title={t("groups")}>{code.groups.map((g) => g.name).join("、")}</Section>
      ) : null}
      {code.pinned ? <Section title={t("key")}>{String(code.pinned)}</Section> : null}
      <div className="flex flex-wrap gap-x-3 gap-y-1 border-t border-stone-100 pt-2 text-xs">
        <Link href={`/projects/${projectId}/memos?codeId=${encodeURIComponent(code.id)}`} className="inline-flex items-center gap-1 text-accent-700 hover:underline">
          <NotebookPen size={12} /> {t("writeMemo")}
        </Link>
        {code.keywords.length > 0 ? (
          <Link href={`/projects/${projectId}/suggestions?codeId=${encodeURIComponent(code.id)}`} className="text-accent-700 hover:underline">
            {t("suggestions")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === "";
  return (
    <div>
      <h3 className="text-[11px] font-medium text-stone-500">{title}</h3>
      {empty ? (
        <p className="text-xs text-stone-300">—</p>
      ) : (
        <div className="text-[13px] whitespace-pre-line text-stone-800">{children}</div>
      )}
    </div>
  );
}
