"use client";

import { ExternalLink, Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/shell/ui";
import type { DisagreementPassage, DisputedCode } from "./types";

/**
 * The passages the coders disagree on: the sentence, each coder's codes there (or "missing"
 * when the coder did not code the document), a link into the reader at the sentence, and per
 * disputed code the adjudication buttons (accept one coder's coding, all, or neither).
 */
export function DisagreementList({
  projectId,
  passages,
  busy,
  onDecide,
  onUndo,
}: {
  projectId: string;
  passages: DisagreementPassage[];
  busy: string | null;
  onDecide: (p: DisagreementPassage, d: DisputedCode, accept: string[]) => void;
  onUndo: (p: DisagreementPassage, d: DisputedCode) => void;
}) {
  const t = useTranslations("agreement");
  return (
    <ol className="flex flex-col gap-2" data-testid="disagreements">
      {passages.map((p) => (
        <li key={p.unitId} className="rounded-md border border-stone-200 bg-white px-3 py-2" data-testid="disagreement">
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-[11px] text-stone-500">
            <span>
              {p.documentTitle} · {t("sentence", { n: p.ordinal + 1 })}
            </span>
            <Link
              href={`/projects/${projectId}/documents/${p.documentId}?at=${p.start}`}
              className="inline-flex items-center gap-1 text-accent-700 hover:underline"
              data-testid="disagreement-link"
            >
              <ExternalLink size={12} aria-hidden /> {t("openInReader")}
            </Link>
          </div>
          <p className="mt-1 text-[14px] leading-relaxed text-stone-900">{p.text}</p>
          <ul className="mt-1.5 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-stone-600">
            {p.coders.map((c) => (
              <li key={c.coder}>
                <span className="font-medium text-stone-800">{c.coder}</span>:{" "}
                {c.codes === null ? (
                  <span className="italic text-stone-400">{t("missing")}</span>
                ) : c.codes.length === 0 ? (
                  <span className="text-stone-400">{t("noCodes")}</span>
                ) : (
                  c.codes.join(", ")
                )}
              </li>
            ))}
          </ul>
          <div className="mt-2 flex flex-col gap-1.5">
            {p.disputed.map((d) => {
              const key = `${p.unitId}:${d.codeId}`;
              return (
                <div key={d.codeId} className="flex flex-wrap items-center gap-2 text-xs" data-testid="disputed-code">
                  <span className="rounded bg-stone-100 px-1.5 py-0.5 font-mono">{d.shortName}</span>
                  <span className="text-stone-600">
                    {t("codedBy", { coders: d.coded.join(", ") })}; {t("notCodedBy", { coders: d.notCoded.join(", ") })}
                  </span>
                  {d.decision ? (
                    <>
                      <span className="rounded bg-emerald-50 px-1.5 py-0.5 font-medium text-emerald-800" data-testid="decision">
                        {d.decision.accepted.length ? t("decision", { coders: d.decision.accepted.join(" + ") }) : t("decisionNeither")}
                      </span>
                      {d.decision.decidedBy ? <span className="text-stone-400">{t("decidedBy", { name: d.decision.decidedBy })}</span> : null}
                      <Button size="sm" variant="ghost" disabled={busy === key} onClick={() => onUndo(p, d)}>
                        <Undo2 size={12} aria-hidden /> {t("undo")}
                      </Button>
                    </>
                  ) : (
                    <>
                      {d.coded.map((coder) => (
                        <Button key={coder} size="sm" disabled={busy === key} onClick={() => onDecide(p, d, [coder])}>
                          {t("accept", { coder })}
                        </Button>
                      ))}
                      {d.coded.length > 1 ? (
                        <Button size="sm" disabled={busy === key} onClick={() => onDecide(p, d, d.coded)}>
                          {t("acceptAll")}
                        </Button>
                      ) : null}
                      <Button size="sm" disabled={busy === key} onClick={() => onDecide(p, d, [])}>
                        {t("neither")}
                      </Button>
                    </>
                  )}
                </div>
              );
            })}
          </div>
        </li>
      ))}
    </ol>
  );
}
