"use client";

import { Download, Printer } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { apiJson, failureMessage } from "@/components/api/client";
import type { MatrixCell, MismatchMatrix } from "@/lib/analysis/matrix";
import type { PassageTarget } from "./model";
import { useAnalysisData } from "./useAnalysisData";

const selectClass = "h-8 rounded border border-stone-300 bg-white px-2 text-[13px]";

/**
 * Mismatch matrices (Tables 6.1 / 6.2): rows × columns of codes, optionally within a third
 * code. A sentence unit counts in a cell when it carries the row code and the column code
 * (each with its descendants) — and the "within" code when one is chosen. Each count opens
 * its passages; each cell holds a finding (a matrix-cell memo), printed and exported with it.
 */
export function MismatchPanel({ projectId, scopeQuery, onOpen }: { projectId: string; scopeQuery: string; onOpen: (t: PassageTarget) => void }) {
  const t = useTranslations("analysis.mismatch");
  const locale = useLocale();
  const [rows, setRows] = useState("PLACE,PRIORITY,ACTOR");
  const [cols, setCols] = useState("COE,CON,COO");
  const [within, setWithin] = useState("VERTICAL");
  const [reload, setReload] = useState(0);
  const params = new URLSearchParams(scopeQuery);
  params.set("rows", rows);
  params.set("cols", cols);
  if (within.trim() !== "") params.set("within", within.trim());
  const url = `/api/projects/${encodeURIComponent(projectId)}/analysis/matrix?${params}&r=${reload}`;
  const { data, error } = useAnalysisData<MismatchMatrix>(url);
  const label = (c: { labelZh: string; labelEn: string; shortName: string }) => `${c.shortName} ${locale === "zh" ? c.labelZh : c.labelEn}`;

  return (
    <div className="flex flex-col gap-2" data-testid="mismatch-panel">
      <div className="flex flex-wrap items-end gap-2 print:hidden">
        <label className="flex flex-col text-xs text-stone-600">
          {t("rows")}
          <input className={`${selectClass} w-56`} value={rows} onChange={(e) => setRows(e.target.value)} data-testid="mismatch-rows" />
        </label>
        <label className="flex flex-col text-xs text-stone-600">
          {t("cols")}
          <input className={`${selectClass} w-56`} value={cols} onChange={(e) => setCols(e.target.value)} data-testid="mismatch-cols" />
        </label>
        <label className="flex flex-col text-xs text-stone-600">
          {t("within")}
          <input className={`${selectClass} w-40`} value={within} onChange={(e) => setWithin(e.target.value)} data-testid="mismatch-within" />
        </label>
        <a href={`${url}&format=csv`} download className={`${selectClass} inline-flex items-center gap-1`} data-testid="mismatch-csv">
          <Download size={13} /> CSV
        </a>
        <button type="button" className={`${selectClass} inline-flex items-center gap-1`} onClick={() => window.print()} data-testid="mismatch-print">
          <Printer size={13} /> {t("print")}
        </button>
      </div>
      <p className="text-xs text-stone-500 print:hidden">{t("rule")}</p>
      {error ? <p className="text-xs text-red-700">{error}</p> : null}
      {data ? (
        <table className="w-full border-collapse text-[13px]" data-testid="mismatch-table">
          <caption className="mb-1 text-left text-sm font-medium">
            {data.within ? t("titleWithin", { within: label(data.within) }) : t("title")}
          </caption>
          <thead>
            <tr>
              <th className="border border-stone-200 p-1" />
              {data.cols.map((c) => (
                <th key={c.id} className="border border-stone-200 p-1 text-left">{label(c)}</th>
              ))}
              <th className="border border-stone-200 p-1 text-left">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r, i) => (
              <tr key={r.id}>
                <th className="border border-stone-200 p-1 text-left align-top">{label(r)}</th>
                {data.cols.map((c, j) => {
                  const cell = data.cells[i]![j]!;
                  const heat = data.maxUnits === 0 ? 0 : cell.units / data.maxUnits;
                  return (
                    <td key={c.id} className="border border-stone-200 p-1 align-top" style={{ background: `rgba(183, 28, 28, ${(heat * 0.35).toFixed(3)})` }} data-testid={`cell-${r.shortName}-${c.shortName}`}>
                      <button
                        type="button"
                        className="font-medium underline-offset-2 hover:underline"
                        data-testid="cell-count"
                        onClick={() =>
                          onOpen({ code: r.shortName, codeLabel: label(r), rollUp: true, cooccurrence: { mode: "unit", with: c.shortName, withLabel: label(c) }, within: data.within?.shortName })
                        }
                      >
                        {t("count", { units: cell.units, codings: cell.codings })}
                      </button>
                      <Finding projectId={projectId} cell={cell} onSaved={() => setReload((n) => n + 1)} />
                    </td>
                  );
                })}
                <td className="border border-stone-200 p-1 align-top text-stone-600">{t("count", { units: r.total.units, codings: r.total.codings })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** A cell's finding: shown as text (and printed), edited in place; saved as a matrix-cell memo with its version. */
function Finding({ projectId, cell, onSaved }: { projectId: string; cell: MatrixCell; onSaved: () => void }) {
  const t = useTranslations("analysis.mismatch");
  const [draft, setDraft] = useState<string | null>(null);
  const [err, setErr] = useState<string | null>(null);
  async function save() {
    if (draft === null) return;
    setErr(null);
    try {
      if (cell.finding) {
        await apiJson(`/api/memos/${encodeURIComponent(cell.finding.memoId)}`, {
          method: "PATCH",
          body: { version: cell.finding.version, body: draft },
        });
      } else {
        await apiJson(`/api/memos`, {
          method: "POST",
          body: { projectId, kind: "matrix-cell", cellKey: cell.cellKey, body: draft },
        });
      }
      setDraft(null);
      onSaved();
    } catch (e) {
      setErr(failureMessage(e));
    }
  }
  if (draft === null) {
    return (
      <div className="mt-1">
        {cell.finding ? <p className="whitespace-pre-wrap text-xs text-stone-800" data-testid="finding-text">{cell.finding.body}</p> : null}
        <button type="button" className="text-[11px] text-accent-700 hover:underline print:hidden" onClick={() => setDraft(cell.finding?.body ?? "")} data-testid="finding-edit">
          {cell.finding ? t("editFinding") : t("writeFinding")}
        </button>
      </div>
    );
  }
  return (
    <div className="mt-1 flex flex-col gap-1 print:hidden">
      <textarea className="min-h-16 rounded border border-stone-300 p-1 text-xs" value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="finding-input" />
      {err ? <p className="text-[11px] text-red-700">{err}</p> : null}
      <div className="flex gap-1">
        <button type="button" className="rounded bg-accent-600 px-2 text-[11px] text-white" onClick={save} data-testid="finding-save">
          {t("save")}
        </button>
        <button type="button" className="text-[11px] text-stone-600" onClick={() => setDraft(null)}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}
