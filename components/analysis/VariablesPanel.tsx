"use client";

import { useCan } from "@/components/auth/ProjectRole";
import { Upload } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiJson, failureMessage } from "@/components/api/client";
import { Button, ErrorNote, inputClass, selectClass } from "@/components/shell/ui";
import type { VariableTable } from "@/lib/analysis";
import type { Locale } from "@/lib/i18n/locale";
import type { VariableInfo } from "./model";

const KINDS = ["text", "number", "date", "boolean", "category"] as const;

/**
 * Document variables of the project: the list, a new variable, the study's template, and
 * values from a CSV (document id, title or file name, then one column per variable).
 */
export function VariablesPanel({ projectId, variables, table }: { projectId: string; variables: VariableInfo[]; table: VariableTable }) {
  const t = useTranslations("analysis.variables");
  // Viewers read the values; defining and setting them is for those who may edit documents.
  const canEdit = useCan("import");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState({ name: "", kind: "category", categories: "" });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState({ name: "", value: "" });
  const base = `/api/projects/${encodeURIComponent(projectId)}/analysis/variables`;

  const run = async (fn: () => Promise<string | null>) => {
    setError(null);
    setNotice(null);
    try {
      setNotice(await fn());
      router.refresh();
    } catch (e) {
      setError(failureMessage(e));
    }
  };
  const define = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const categories = draft.categories.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
      await apiJson(base, { body: { name: draft.name, kind: draft.kind, categories } });
      setDraft({ name: "", kind: "category", categories: "" });
      return t("defined", { name: draft.name });
    });
  };
  const setValues = (name: string, documentIds: string[], value: string) =>
    run(async () => {
      const r = await apiJson<{ updated: number }>(`${base}/${encodeURIComponent(name)}/values`, {
        method: "PUT",
        body: { values: documentIds.map((documentId) => ({ documentId, value: value === "" ? null : value })) },
      });
      return t("updated", { count: r.updated });
    });
  const bulkVariable = variables.find((v) => v.name === bulk.name);
  const upload = (file: File) =>
    run(async () => {
      const r = await apiJson<{ documents: number; values: number; unmatched: string[] }>(`${base}/csv`, { body: { csv: await file.text() } });
      return [t("imported", { documents: r.documents, values: r.values }), ...r.unmatched.map((k) => t("unmatched", { key: k }))].join(" ");
    });

  return (
    <div className="flex flex-col gap-3 text-[13px]" data-testid="variables-panel">
      <p className="text-xs text-stone-600">{t("intro")}</p>
      {variables.length === 0 ? (
        <p className="text-xs text-stone-500">{t("none")}</p>
      ) : (
        <table className="border-collapse">
          <thead>
            <tr className="text-left text-[11px] text-stone-500">
              <th className="pr-4 font-medium">{t("name")}</th>
              <th className="pr-4 font-medium">{t("kind")}</th>
              <th className="font-medium">{t("categories")}</th>
            </tr>
          </thead>
          <tbody>
            {variables.map((v) => (
              <tr key={v.name} className="border-t border-stone-100" data-testid="variable-row">
                <td className="py-1 pr-4">
                  <span className="font-mono">{v.name}</span> {(locale === "zh" ? v.labelZh || v.labelEn : v.labelEn || v.labelZh) || null}
                </td>
                <td className="pr-4">{t(`kinds.${v.kind as (typeof KINDS)[number]}`)}</td>
                <td>{v.categories.join(" · ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className={`flex flex-wrap items-end gap-3 ${canEdit ? "" : "hidden"}`}>
        <form className="flex items-end gap-1.5" onSubmit={define}>
          <input className={`${inputClass} w-36`} placeholder={t("name")} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} aria-label={t("name")} />
          <select className={`${selectClass} w-28`} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })} aria-label={t("kind")}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
          {draft.kind === "category" ? (
            <input className={`${inputClass} w-56`} placeholder={t("categoriesHint")} value={draft.categories} onChange={(e) => setDraft({ ...draft, categories: e.target.value })} aria-label={t("categories")} />
          ) : null}
          <Button type="submit" disabled={draft.name.trim() === ""}>
            {t("define")}
          </Button>
        </form>
        <Button onClick={() => void run(async () => (await apiJson(`${base}/template`, { method: "POST" }), t("templateDone")))} data-testid="variables-template">
          {t("template")}
        </Button>
        <label className="inline-flex h-8 cursor-pointer items-center gap-1.5 rounded border border-stone-300 bg-white px-3 hover:bg-stone-100">
          <Upload size={13} /> {t("csv")}
          <input
            type="file"
            accept=".csv,text/csv"
            className="hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void upload(file);
            }}
          />
        </label>
      </div>
      <p className="text-[11px] text-stone-500">{t("csvHint")}</p>
      {canEdit && variables.length > 0 && table.documents.length > 0 ? (
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-1.5 text-xs text-stone-600">
            <span>{t("bulk", { count: selected.size })}</span>
            <select className={`${selectClass} w-40`} value={bulk.name} onChange={(e) => setBulk({ name: e.target.value, value: "" })} aria-label={t("name")}>
              <option value="">{t("pickVariable")}</option>
              {variables.map((v) => (
                <option key={v.name} value={v.name}>
                  {v.name}
                </option>
              ))}
            </select>
            {bulkVariable ? <ValueInput variable={bulkVariable} value={bulk.value} onCommit={(value) => setBulk({ ...bulk, value })} /> : null}
            <Button size="sm" disabled={!bulkVariable || selected.size === 0} onClick={() => void setValues(bulk.name, [...selected], bulk.value)} data-testid="variables-apply">
              {t("apply")}
            </Button>
          </div>
          <div className="overflow-x-auto">
            <table className="border-collapse text-[12px]" data-testid="variables-grid">
              <thead>
                <tr className="text-left text-[11px] text-stone-500">
                  <th className="pr-2">
                    <input
                      type="checkbox"
                      aria-label={t("selectAll")}
                      checked={selected.size === table.documents.length}
                      onChange={(e) => setSelected(e.target.checked ? new Set(table.documents.map((d) => d.id)) : new Set())}
                    />
                  </th>
                  <th className="pr-3 font-medium">{t("document")}</th>
                  {variables.map((v) => (
                    <th key={v.name} className="pr-3 font-mono font-medium">
                      {v.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.documents.map((d) => (
                  <tr key={d.id} className="border-t border-stone-100">
                    <td className="pr-2">
                      <input
                        type="checkbox"
                        aria-label={d.title}
                        checked={selected.has(d.id)}
                        onChange={(e) => {
                          const next = new Set(selected);
                          if (e.target.checked) next.add(d.id);
                          else next.delete(d.id);
                          setSelected(next);
                        }}
                      />
                    </td>
                    <td className="max-w-72 truncate py-0.5 pr-3" title={d.title}>
                      {d.title} <span className="text-stone-400">{[d.year, d.region].filter(Boolean).join(" · ")}</span>
                    </td>
                    {variables.map((v) => {
                      const current = table.values[d.id]?.[v.name] ?? "";
                      return (
                        <td key={v.name} className="pr-3">
                          <ValueInput key={current} variable={v} value={current} onCommit={(value) => value !== current && void setValues(v.name, [d.id], value)} />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      {notice ? <p className="text-xs text-emerald-700">{notice}</p> : null}
      <ErrorNote>{error}</ErrorNote>
    </div>
  );
}

/** One value of a variable: a list for categories and yes/no, a field for the rest (committed on blur or Enter). */
function ValueInput({ variable, value, onCommit }: { variable: VariableInfo; value: string; onCommit: (value: string) => void }) {
  const t = useTranslations("analysis.variables");
  const [draft, setDraft] = useState(value);
  const options = variable.kind === "boolean" ? ["yes", "no"] : variable.kind === "category" ? variable.categories : null;
  if (options) {
    return (
      <select className={`${selectClass} h-7 w-32`} value={value} onChange={(e) => onCommit(e.target.value)} aria-label={variable.name}>
        <option value="">—</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {variable.kind === "boolean" ? t(o as "yes" | "no") : o}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      className={`${inputClass} h-7 w-32`}
      type={variable.kind === "number" ? "number" : variable.kind === "date" ? "date" : "text"}
      value={draft}
      aria-label={variable.name}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => onCommit(draft)}
      onKeyDown={(e) => {
        if (e.key === "Enter") onCommit(draft);
      }}
    />
  );
}
