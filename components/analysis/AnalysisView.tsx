"use client";

import { Download, Loader2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { docTypeLabel, levelLabel, regionLabel } from "@/components/documents/labels";
import type { Facets } from "@/components/documents/types";
import { MultiSelect } from "@/components/search/MultiSelect";
import { ErrorNote, inputClass, selectClass } from "@/components/shell/ui";
import type { CooccurrenceTable, FrequencyTable, VariableTable } from "@/lib/analysis";
import type { Locale } from "@/lib/i18n/locale";
import { CooccurrencePanel } from "./CooccurrencePanel";
import { FrequencyPanel } from "./FrequencyPanel";
import { MatrixPanel } from "./MatrixPanel";
import { MismatchPanel } from "./MismatchPanel";
import { COMBINED_GROUPINGS, GROUPINGS, METRICS, NO_FILTERS, scopeParams, type CooccurrenceMode, type FilterField, type Metric, type PassageTarget, type Scope, type VariableInfo } from "./model";
import { PassagesPanel } from "./PassagesPanel";
import { VariablesPanel } from "./VariablesPanel";
import { WordsPanel } from "./WordsPanel";
import { useAnalysisData } from "./useAnalysisData";

type Tab = "frequencies" | "matrix" | "cooccurrence" | "mismatch" | "variables" | "words";
const TABS: readonly Tab[] = ["frequencies", "matrix", "cooccurrence", "mismatch", "variables", "words"];

/**
 * The analysis page: code frequencies (table and bar chart), the code × document table and
 * co-occurrence, over one scope (document filters, code selection, coders). Every number
 * opens the passages behind it; tables download as CSV, charts as PNG or SVG.
 */
export function AnalysisView({
  projectId,
  facets,
  codeSelections,
  variables,
  variableTable,
}: {
  projectId: string;
  facets: Facets;
  /** Code groups and top-level codes the analysis can be restricted to. */
  codeSelections: { value: string; label: string }[];
  /** The project's document variables: groupings and filters next to the built-in fields. */
  variables: VariableInfo[];
  /** Documents with their variable values (the Variables tab's editor). */
  variableTable: VariableTable;
}) {
  const t = useTranslations("analysis");
  const locale = useLocale() as Locale;
  const [tab, setTab] = useState<Tab>("frequencies");
  // A built-in grouping or a document variable's name.
  const [by, setBy] = useState<string>("code");
  const [matrixBy, setMatrixBy] = useState<string>("document");
  const [metric, setMetric] = useState<Metric>("codings");
  const [mode, setMode] = useState<CooccurrenceMode>("unit");
  const [scope, setScope] = useState<Scope>({ filters: NO_FILTERS, variables: {}, codes: "", coders: "" });
  const [coderDraft, setCoderDraft] = useState("");
  const [target, setTarget] = useState<PassageTarget | null>(null);

  const base = `/api/projects/${encodeURIComponent(projectId)}/analysis`;
  const params = scopeParams(scope);
  if (tab === "cooccurrence") params.set("mode", mode);
  else params.set("by", tab === "matrix" ? matrixBy : by);
  const url = `${base}/${tab === "cooccurrence" ? "cooccurrence" : "frequencies"}?${params}`;
  const variableLabel = (v: VariableInfo) => (locale === "zh" ? v.labelZh || v.labelEn : v.labelEn || v.labelZh) || v.name;
  // Variables with a closed set of values filter like the built-in fields.
  const filterable = variables
    .filter((v) => v.kind === "category" || v.kind === "boolean")
    .map((v) => ({ ...v, values: v.kind === "boolean" ? ["yes", "no"] : v.categories }));
  const { data, error, loading } = useAnalysisData<FrequencyTable | CooccurrenceTable>(url);
  const ready = data !== null && (tab === "cooccurrence" ? "pairs" in data : "groups" in data) ? data : null;

  const options: Record<FilterField, { value: string; label: string }[]> = {
    region: facets.regions.map((v) => ({ value: v, label: regionLabel(v)[locale] })),
    province: facets.provinces.map((v) => ({ value: v, label: v })),
    type: facets.docTypes.map((v) => ({ value: v, label: docTypeLabel(v)[locale] })),
    level: facets.levels.map((v) => ({ value: v, label: levelLabel(v)[locale] })),
    year: facets.years.map((v) => ({ value: String(v), label: String(v) })),
  };
  const setFilter = (field: FilterField, values: string[]) => setScope((s) => ({ ...s, filters: { ...s.filters, [field]: values } }));

  return (
    <div className="flex flex-col gap-3" data-testid="analysis-view">
      <div className="flex flex-wrap items-end gap-2 rounded-md border border-stone-200 bg-white px-3 py-2 print:hidden">
        <div className="flex gap-0.5" role="tablist">
          {TABS.map((x) => (
            <button
              key={x}
              type="button"
              role="tab"
              aria-selected={tab === x}
              onClick={() => setTab(x)}
              data-testid={`tab-${x}`}
              className={`h-8 rounded px-3 text-[13px] ${tab === x ? "bg-accent-600 font-medium text-white" : "text-stone-700 hover:bg-stone-100"}`}
            >
              {t(`tabs.${x}`)}
            </button>
          ))}
        </div>
        <span className="mx-1 h-6 border-l border-stone-200" />
        {(["region", "province", "type", "level", "year"] as const).map((field) => (
          <MultiSelect
            key={field}
            label={t(`fields.${field}`)}
            options={options[field]}
            value={scope.filters[field]}
            onChange={(v) => setFilter(field, v)}
            testId={`filter-${field}`}
          />
        ))}
        {filterable.map((v) => (
          <MultiSelect
            key={v.name}
            label={variableLabel(v)}
            options={v.values.map((x) => ({ value: x, label: v.kind === "boolean" ? t(`variables.${x as "yes" | "no"}`) : x }))}
            value={scope.variables[v.name] ?? []}
            onChange={(values) => setScope((s) => ({ ...s, variables: { ...s.variables, [v.name]: values } }))}
            testId={`filter-var-${v.name}`}
          />
        ))}
        <label className="flex items-center gap-1 text-[11px] whitespace-nowrap text-stone-500">
          {t("codes")}
          <select className={`${selectClass} w-44`} value={scope.codes} onChange={(e) => setScope((s) => ({ ...s, codes: e.target.value }))} data-testid="codes-select">
            <option value="">{t("allCodes")}</option>
            {codeSelections.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <form
          className="flex items-center gap-1 text-[11px] whitespace-nowrap text-stone-500"
          onSubmit={(e) => {
            e.preventDefault();
            setScope((s) => ({ ...s, coders: coderDraft }));
          }}
        >
          {t("coders")}
          <input className={`${inputClass} w-32`} value={coderDraft} onChange={(e) => setCoderDraft(e.target.value)} onBlur={() => setScope((s) => ({ ...s, coders: coderDraft }))} placeholder={t("codersHint")} />
          <label className="flex items-center gap-1" title={t("consensusHint")}>
            <input
              type="checkbox"
              checked={!!scope.consensus}
              onChange={(e) => {
                const consensus = e.target.checked;
                setScope((s) => ({ ...s, coders: coderDraft, consensus }));
              }}
              data-testid="consensus"
            />
            {t("consensus")}
          </label>
        </form>
      </div>

      <div className="flex flex-wrap items-center gap-2 text-[11px] text-stone-500 print:hidden">
        {tab === "variables" || tab === "words" ? null : tab !== "cooccurrence" ? (
          <>
            <label className="flex items-center gap-1 whitespace-nowrap">
              {t("groupBy")}
              <select
                className={`${selectClass} w-40`}
                value={tab === "matrix" ? matrixBy : by}
                onChange={(e) => (tab === "matrix" ? setMatrixBy : setBy)(e.target.value)}
                data-testid="group-by"
              >
                {GROUPINGS.filter((g) => tab !== "matrix" || g !== "code").map((g) => (
                  <option key={g} value={g}>
                    {t(`groupings.${g}`)}
                  </option>
                ))}
                {COMBINED_GROUPINGS.map((parts) => (
                  <option key={parts.join("+")} value={parts.join("+")}>
                    {parts.map((p) => t(`groupings.${p}`)).join(" × ")}
                  </option>
                ))}
                {variables.length > 0 ? (
                  <optgroup label={t("variables.title")}>
                    {variables.map((v) => (
                      <option key={v.name} value={v.name}>
                        {variableLabel(v)}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </select>
            </label>
            <label className="flex items-center gap-1 whitespace-nowrap">
              {t("measure")}
              <select className={`${selectClass} w-48`} value={metric} onChange={(e) => setMetric(e.target.value as Metric)} data-testid="metric">
                {METRICS.map((m) => (
                  <option key={m} value={m}>
                    {t(`metrics.${m}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : (
          <label className="flex items-center gap-1 whitespace-nowrap">
            {t("cooccurrence.mode")}
            <select className={`${selectClass} w-56`} value={mode} onChange={(e) => setMode(e.target.value as CooccurrenceMode)} data-testid="cooccurrence-mode">
              <option value="unit">{t("cooccurrence.unit")}</option>
              <option value="overlap">{t("cooccurrence.overlap")}</option>
            </select>
          </label>
        )}
        {tab === "variables" || tab === "mismatch" || tab === "words" ? null : (
        <a href={`${url}&format=csv`} download className="inline-flex h-8 items-center gap-1 rounded border border-stone-300 bg-white px-2 text-[13px] text-stone-700 hover:bg-stone-100" data-testid="csv">
          <Download size={13} /> {t("csv")}
        </a>
        )}
        {loading ? <Loader2 size={14} className="animate-spin text-stone-400" aria-label={t("loading")} /> : null}
      </div>

      <ErrorNote>{error}</ErrorNote>
      <section className="rounded-md border border-stone-200 bg-white px-3 py-2">
        {tab === "mismatch" ? (
          <MismatchPanel projectId={projectId} scopeQuery={scopeParams(scope).toString()} onOpen={setTarget} />
        ) : tab === "words" ? (
          <WordsPanel projectId={projectId} scope={scope} />
        ) : tab === "variables" ? (
          <VariablesPanel projectId={projectId} variables={variables} table={variableTable} />
        ) : ready === null ? (
          <p className="text-xs text-stone-500">{t("loading")}</p>
        ) : tab === "cooccurrence" ? (
          <CooccurrencePanel table={ready as CooccurrenceTable} onOpen={setTarget} />
        ) : (ready as FrequencyTable).codes.length === 0 ? (
          <p className="text-xs text-stone-500">{t("noCodes")}</p>
        ) : tab === "matrix" ? (
          <MatrixPanel table={ready as FrequencyTable} metric={metric} onOpen={setTarget} />
        ) : (
          <FrequencyPanel table={ready as FrequencyTable} metric={metric} onOpen={setTarget} />
        )}
      </section>
      {target ? <PassagesPanel projectId={projectId} scope={scope} target={target} onClose={() => setTarget(null)} /> : null}
    </div>
  );
}
