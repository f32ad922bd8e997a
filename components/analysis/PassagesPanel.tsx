"use client";

import { Download, ExternalLink, Loader2, X } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { apiJson, failureMessage } from "@/components/api/client";
import { Button, ErrorNote } from "@/components/shell/ui";
import type { PassageList } from "@/lib/analysis";
import { passageParams, readerHref, type PassageTarget, type Scope } from "./model";

const PAGE = 200;

/** The passages behind a number: quote in context, document, year, region, coder, and a link into the reader. */
export function PassagesPanel({ projectId, scope, target, onClose }: { projectId: string; scope: Scope; target: PassageTarget; onClose: () => void }) {
  const t = useTranslations("analysis.passages");
  const format = useFormatter();
  const [state, setState] = useState<{ key: string; list?: PassageList; error?: string } | null>(null);
  const params = passageParams(scope, target);
  const key = params.toString();
  const base = `/api/projects/${encodeURIComponent(projectId)}/analysis/passages`;

  useEffect(() => {
    const ctrl = new AbortController();
    const p = new URLSearchParams(key);
    p.set("limit", String(PAGE));
    apiJson<PassageList>(`${base}?${p}`, { signal: ctrl.signal }).then(
      (list) => setState({ key, list }),
      (e: unknown) => {
        if (!ctrl.signal.aborted) setState({ key, error: failureMessage(e) });
      },
    );
    return () => ctrl.abort();
  }, [base, key]);

  const current = state?.key === key ? state : null;
  const list = current?.list;
  const title = [target.codeLabel, target.cooccurrence ? `× ${target.cooccurrence.withLabel}` : null, target.group ? `· ${target.group.label}` : null]
    .filter(Boolean)
    .join(" ");

  return (
    <aside
      className="fixed top-10 right-0 bottom-0 z-40 flex w-[30rem] max-w-full flex-col border-l border-stone-200 bg-white shadow-xl print:hidden"
      aria-label={t("title")}
      data-testid="passages-panel"
    >
      <header className="flex items-start justify-between gap-2 border-b border-stone-200 px-3 py-2">
        <div className="min-w-0">
          <p className="text-[11px] text-stone-500">{t("title")}</p>
          <h3 className="truncate text-sm font-semibold" title={title}>
            {title}
          </h3>
          {list ? (
            <p className="text-xs text-stone-600" data-testid="passages-count">
              {t("count", { total: list.total, units: list.units })}
            </p>
          ) : null}
        </div>
        <div className="flex shrink-0 gap-1">
          <a href={`${base}?${key}&format=csv`} download className="inline-flex h-7 items-center gap-1 rounded px-2 text-xs text-stone-600 hover:bg-stone-100">
            <Download size={12} /> CSV
          </a>
          <Button size="sm" variant="ghost" onClick={onClose} aria-label={t("close")}>
            <X size={14} />
          </Button>
        </div>
      </header>
      <div className="flex-1 overflow-y-auto px-3 py-2">
        {current?.error ? <ErrorNote>{current.error}</ErrorNote> : null}
        {!current ? (
          <p className="flex items-center gap-1.5 text-xs text-stone-500">
            <Loader2 size={12} className="animate-spin" /> {t("loading")}
          </p>
        ) : null}
        {list && list.total === 0 ? <p className="text-xs text-stone-500">{t("empty")}</p> : null}
        <ol className="flex flex-col gap-2">
          {list?.passages.map((p) => (
            <li key={p.codingId} className="rounded border border-stone-200 px-2.5 py-2" data-testid="passage">
              <p className="text-[13px] leading-relaxed text-stone-800">
                <span className="text-stone-500">…{p.before}</span>
                <mark className="bg-amber-100 px-0.5 text-stone-900">{p.quote}</mark>
                <span className="text-stone-500">{p.after}…</span>
              </p>
              <div className="mt-1 flex items-center justify-between gap-2 text-[11px] text-stone-500">
                <span className="min-w-0 truncate">
                  {p.title} · {p.year ?? t("unknownYear")} · {p.region} · {p.coder} · {p.shortName}
                </span>
                <Link href={readerHref(projectId, p)} className="inline-flex shrink-0 items-center gap-1 text-accent-700 hover:underline" data-testid="passage-open">
                  <ExternalLink size={11} /> {t("open")}
                </Link>
              </div>
            </li>
          ))}
        </ol>
        {list && list.total > list.passages.length ? (
          <p className="mt-2 text-xs text-stone-500">{t("more", { shown: format.number(list.passages.length), total: format.number(list.total) })}</p>
        ) : null}
      </div>
    </aside>
  );
}
