"use client";

import { Loader2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { apiJson, failureMessage } from "@/components/api/client";
import { MultiSelect } from "@/components/search/MultiSelect";
import { ErrorNote } from "@/components/shell/ui";
import { DisagreementList } from "./DisagreementList";
import { FiguresTable } from "./FiguresTable";
import {
  selectionQuery,
  type AgreementChoices,
  type AgreementReportView,
  type AgreementSelection,
  type DisagreementPassage,
  type DisputedCode,
} from "./types";

/**
 * Intercoder agreement of a project: choose coders (none chosen = all who coded), codes
 * (none = those the coders used) and documents (none = all); the figures per code and
 * overall, what they mean, and the disagreements with adjudication into the consensus layer.
 * The choice lives in the URL, so coming back from the reader shows the same report.
 */
export function AgreementView({
  projectId,
  choices,
  initial,
}: {
  projectId: string;
  choices: AgreementChoices;
  initial: AgreementSelection;
}) {
  const t = useTranslations("agreement");
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const allCoders = choices.coders.map((c) => c.name);
  /** None chosen means every coder of the project; the API query always names them. */
  const effective = (s: AgreementSelection) => {
    const coders = s.coders.length ? s.coders : allCoders;
    return { enough: coders.length >= 2, query: selectionQuery({ ...s, coders }) };
  };
  const [selection, setSelection] = useState(initial);
  const [report, setReport] = useState<AgreementReportView | null>(null);
  // Loading starts where a fetch starts: at mount, or when a choice changes the query.
  const [loading, setLoading] = useState(() => effective(initial).enough);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { enough, query } = effective(selection);

  const load = useCallback(
    (q: string, signal?: AbortSignal) =>
      apiJson<AgreementReportView>(`/api/projects/${encodeURIComponent(projectId)}/agreement?${q}`, { signal }).then(
        (r) => {
          setReport(r);
          setError(null);
        },
        (e: unknown) => {
          if (e instanceof DOMException && e.name === "AbortError") return;
          setError(failureMessage(e));
          setReport(null);
        },
      ),
    [projectId],
  );

  useEffect(() => {
    if (!enough) return;
    const controller = new AbortController();
    // State changes happen in the promise's callbacks, once the answer is in.
    void load(query, controller.signal).finally(() => {
      if (!controller.signal.aborted) setLoading(false);
    });
    return () => controller.abort();
  }, [enough, load, query]);

  const choose = (next: AgreementSelection) => {
    const after = effective(next);
    if (after.enough && after.query !== query) setLoading(true);
    setSelection(next);
    const q = selectionQuery(next);
    router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false });
  };

  const decide = async (p: DisagreementPassage, d: DisputedCode, accept: string[] | null) => {
    const key = `${p.unitId}:${d.codeId}`;
    setBusy(key);
    try {
      const base = `/api/projects/${encodeURIComponent(projectId)}/agreement/decisions`;
      if (accept === null) {
        await apiJson(`${base}?unitId=${encodeURIComponent(p.unitId)}&codeId=${encodeURIComponent(d.codeId)}`, { method: "DELETE" });
      } else {
        await apiJson(base, { body: { unitId: p.unitId, codeId: d.codeId, accept } });
      }
      await load(query);
    } catch (e) {
      setError(failureMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const codeLabel = (c: AgreementChoices["codes"][number]) =>
    `${"\u00a0\u00a0".repeat(c.depth)}${c.shortName} ${(locale === "zh" ? c.labelZh || c.labelEn : c.labelEn || c.labelZh) ?? ""}`.trimEnd();

  return (
    <div className="mx-auto flex max-w-[92rem] flex-col gap-3" data-testid="agreement-view">
      <header>
        <h2 className="text-lg font-semibold text-stone-900">{t("title")}</h2>
        <p className="mt-1 max-w-3xl text-[13px] text-stone-600">{t("intro")}</p>
      </header>

      <div className="flex flex-wrap items-center gap-2">
        <MultiSelect
          label={t("coders")}
          testId="agreement-coders"
          options={choices.coders.map((c) => ({ value: c.name, label: c.name }))}
          value={selection.coders}
          onChange={(v) => choose({ ...selection, coders: v })}
        />
        <MultiSelect
          label={t("codes")}
          testId="agreement-codes"
          options={choices.codes.map((c) => ({ value: c.id, label: codeLabel(c) }))}
          value={selection.codes}
          onChange={(v) => choose({ ...selection, codes: v })}
        />
        <MultiSelect
          label={t("documents")}
          testId="agreement-documents"
          options={choices.documents.map((d) => ({ value: d.id, label: d.title }))}
          value={selection.documents}
          onChange={(v) => choose({ ...selection, documents: v })}
        />
        {loading ? (
          <span className="inline-flex items-center gap-1 text-xs text-stone-500">
            <Loader2 size={12} className="animate-spin" aria-hidden /> {t("loading")}
          </span>
        ) : null}
      </div>

      {choices.coders.length < 2 ? <p className="text-sm text-stone-500">{t("noCoders")}</p> : !enough ? <p className="text-sm text-stone-500">{t("chooseCoders")}</p> : null}
      {error ? <ErrorNote>{error}</ErrorNote> : null}

      {enough && report ? (
        <>
          <p className="text-xs text-stone-500" data-testid="agreement-scope">
            {t("scope", { documents: report.documents.length })}
            {report.documentsLeftOut.length ? ` · ${t("leftOut", { count: report.documentsLeftOut.length })}` : ""}
          </p>
          {report.overall.units === 0 ? (
            <p className="text-sm text-stone-500">{t("nothing")}</p>
          ) : (
            <FiguresTable report={report} />
          )}
          <details className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-xs text-stone-700">
            <summary className="cursor-pointer font-medium">{t("help.title")}</summary>
            <ul className="mt-1.5 flex list-disc flex-col gap-1 pl-4">
              <li>{t("help.units")}</li>
              <li>{t("help.percent")}</li>
              <li>{t("help.kappa")}</li>
              <li>{t("help.fleiss")}</li>
              <li>{t("help.alpha")}</li>
              <li>{t("help.chars")}</li>
              <li>{t("help.undefined")}</li>
            </ul>
          </details>

          <section className="flex flex-col gap-2">
            <h3 className="text-[15px] font-semibold text-stone-900">{t("disagreements")}</h3>
            {report.disagreements.total === 0 ? (
              <p className="text-sm text-stone-500">{t("noDisagreements")}</p>
            ) : (
              <>
                <p className="text-xs text-stone-600" data-testid="disagreement-summary">
                  {t("disagreementsSummary", { total: report.disagreements.total, undecided: report.disagreements.undecided })}
                  {report.disagreements.passages.length < report.disagreements.total
                    ? ` ${t("listedFirst", { count: report.disagreements.passages.length })}`
                    : ""}
                </p>
                <p className="text-xs text-stone-500">{t("consensusNote")}</p>
                <DisagreementList
                  projectId={projectId}
                  passages={report.disagreements.passages}
                  busy={busy}
                  onDecide={(p, d, accept) => void decide(p, d, accept)}
                  onUndo={(p, d) => void decide(p, d, null)}
                />
              </>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
