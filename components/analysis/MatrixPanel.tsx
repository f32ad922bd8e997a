"use client";

import { ArrowDown } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { FrequencyGroup, FrequencyTable } from "@/lib/analysis";
import type { Locale } from "@/lib/i18n/locale";
import { codeLabel, groupLabel, groupMetric, heat, isShare, metricValue, type Metric, type PassageTarget } from "./model";

/**
 * Code × document (or × a group of documents) table: the chosen measure in each cell with
 * heat colouring, row totals and column totals; a column header sorts the rows by it.
 */
export function MatrixPanel({ table, metric, onOpen }: { table: FrequencyTable; metric: Metric; onOpen: (t: PassageTarget) => void }) {
  const t = useTranslations("analysis");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const [sortBy, setSortBy] = useState<string | null>(null);
  const fmt = (v: number | null) =>
    v === null ? "–" : isShare(metric) ? format.number(v, { style: "percent", maximumFractionDigits: 1 }) : format.number(v, { maximumFractionDigits: 2 });
  const glabel = (g: FrequencyGroup) => groupLabel(table.by, g, locale, t("unknown"), t("outsideStages"));
  const max = Math.max(0, ...table.codes.flatMap((c) => table.groups.map((g) => metricValue(c.cells[g.key]!, metric) ?? 0)));
  const rows =
    sortBy === null
      ? table.codes
      : [...table.codes].sort((a, b) => {
          const va = (sortBy === "" ? metricValue(a.total, metric) : metricValue(a.cells[sortBy]!, metric)) ?? -1;
          const vb = (sortBy === "" ? metricValue(b.total, metric) : metricValue(b.cells[sortBy]!, metric)) ?? -1;
          return vb - va;
        });
  const sortButton = (key: string, label: string) => (
    <button type="button" className="inline-flex items-center gap-0.5 hover:text-stone-900" onClick={() => setSortBy(sortBy === key ? null : key)} title={t("matrix.sort")}>
      {label}
      {sortBy === key ? <ArrowDown size={10} /> : null}
    </button>
  );

  return (
    <div className="overflow-x-auto">
      <table className="border-collapse text-[12px]" data-testid="matrix-table">
        <thead>
          <tr className="text-[11px] text-stone-500">
            <th className="sticky left-0 bg-white py-1 pr-3 text-left font-medium">{t("code")}</th>
            {table.groups.map((g) => (
              <th key={g.key} className="max-w-32 px-1.5 text-right align-bottom font-medium" title={g.label}>
                <span className="line-clamp-2">{sortButton(g.key, glabel(g))}</span>
              </th>
            ))}
            <th className="border-l border-stone-200 px-2 text-right font-medium">{sortButton("", t("matrix.total"))}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} className="border-t border-stone-100">
              <td className="sticky left-0 bg-white py-0.5 pr-3 whitespace-nowrap" style={{ paddingLeft: `${sortBy === null ? c.depth * 1.1 : 0}rem` }}>
                {codeLabel(c, locale)}
              </td>
              {table.groups.map((g) => {
                const cell = c.cells[g.key]!;
                const v = metricValue(cell, metric);
                return (
                  <td key={g.key} className="px-1.5 text-right tabular-nums" style={{ background: heat(v, max) }}>
                    {cell.codings === 0 ? (
                      <span className="text-stone-300">{fmt(v)}</span>
                    ) : (
                      <button
                        type="button"
                        className="hover:underline"
                        onClick={() => onOpen({ code: c.id, codeLabel: c.shortName, group: { by: table.by, key: g.key, label: glabel(g) } })}
                      >
                        {fmt(v)}
                      </button>
                    )}
                  </td>
                );
              })}
              <td className="border-l border-stone-200 px-2 text-right font-medium tabular-nums">
                {c.total.codings === 0 ? (
                  fmt(metricValue(c.total, metric))
                ) : (
                  <button type="button" className="hover:underline" onClick={() => onOpen({ code: c.id, codeLabel: c.shortName })}>
                    {fmt(metricValue(c.total, metric))}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-stone-300 font-medium text-stone-700">
            <td className="sticky left-0 bg-white py-1 pr-3 text-[11px]">{t("matrix.total")}</td>
            {table.groups.map((g) => (
              <td key={g.key} className="px-1.5 text-right tabular-nums">
                {fmt(groupMetric(g, metric))}
              </td>
            ))}
            <td className="border-l border-stone-200 px-2 text-right tabular-nums">{fmt(groupMetric(table.total, metric))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
