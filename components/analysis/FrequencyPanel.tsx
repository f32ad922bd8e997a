"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { FrequencyGroup, FrequencyTable } from "@/lib/analysis";
import type { Locale } from "@/lib/i18n/locale";
import { EChart } from "./EChart";
import { codeLabel, groupLabel, isShare, metricValue, type Metric, type PassageTarget } from "./model";

const MAX_SERIES = 12;

/** Frequencies: a bar chart of the chosen measure and the table of every measure; each number opens its passages. */
export function FrequencyPanel({ table, metric, onOpen }: { table: FrequencyTable; metric: Metric; onOpen: (t: PassageTarget) => void }) {
  const t = useTranslations("analysis");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const fmt = (v: number | null, m: Metric) =>
    v === null ? "–" : isShare(m) ? format.number(v, { style: "percent", maximumFractionDigits: 1 }) : m === "per10k" ? format.number(v, { maximumFractionDigits: 2 }) : format.number(v);
  const grouped = table.by !== "code";
  const groups = table.groups.slice(0, MAX_SERIES);
  const glabel = (g: FrequencyGroup) => groupLabel(table.by, g, locale, t("unknown"), t("outsideStages"));

  const option = useMemo(() => {
    const codes = table.codes.map((c) => c.shortName);
    const series = grouped
      ? groups.map((g) => ({
          type: "bar" as const,
          name: groupLabel(table.by, g, locale, t("unknown"), t("outsideStages")),
          data: table.codes.map((c) => metricValue(c.cells[g.key]!, metric) ?? 0),
        }))
      : [{ type: "bar" as const, name: t(`metrics.${metric}`), data: table.codes.map((c) => metricValue(c.total, metric) ?? 0), itemStyle: { color: "#2563eb" } }];
    return {
      tooltip: { trigger: "axis" },
      ...(grouped ? { legend: { type: "scroll", top: 0 } } : {}),
      grid: { left: 48, right: 16, top: grouped ? 32 : 16, bottom: 56 },
      xAxis: { type: "category", data: codes, axisLabel: { rotate: codes.length > 12 ? 45 : 0, interval: 0 } },
      // Only set axisLabel when it differs: an explicit undefined hides ECharts' default labels.
      yAxis: isShare(metric) ? { type: "value", axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } } : { type: "value" },
      series,
    };
  }, [table, metric, grouped, groups, locale, t]);

  const open = (codeIndex: number, groupKey: string | null, rollUp = true) => {
    const c = table.codes[codeIndex];
    if (!c) return;
    const g = groupKey === null ? undefined : table.groups.find((x) => x.key === groupKey);
    onOpen({ code: c.id, codeLabel: c.shortName, rollUp, group: g && grouped ? { by: table.by, key: g.key, label: glabel(g) } : undefined });
  };

  const num = (value: number, onClick: () => void, testId?: string) =>
    value === 0 ? (
      <span className="text-stone-300">0</span>
    ) : (
      <button type="button" className="text-accent-700 tabular-nums hover:underline" onClick={onClick} data-testid={testId}>
        {format.number(value)}
      </button>
    );

  return (
    <div className="flex flex-col gap-3">
      <EChart
        option={option}
        fileName={`frequencies-${table.by}`}
        testId="frequency-chart"
        onClick={(e) => open(e.dataIndex, grouped ? (groups[e.seriesIndex]?.key ?? null) : null)}
      />
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-[13px]" data-testid="frequency-table">
          <thead>
            <tr className="border-b border-stone-200 text-left text-[11px] text-stone-500">
              <th className="py-1 pr-3 font-medium">{t("code")}</th>
              <th className="px-2 text-right font-medium">{t("metrics.codings")}</th>
              <th className="px-2 text-right font-medium">{t("metrics.units")}</th>
              <th className="px-2 text-right font-medium">{t("metrics.shareOfParent")}</th>
              <th className="px-2 text-right font-medium">{t("metrics.shareOfAll")}</th>
              <th className="px-2 text-right font-medium">{t("metrics.per10k")}</th>
              {grouped
                ? table.groups.map((g) => (
                    <th key={g.key} className="px-2 text-right font-medium" title={t(`metrics.${metric}`)}>
                      {glabel(g)}
                    </th>
                  ))
                : null}
            </tr>
          </thead>
          <tbody>
            {table.codes.map((c, i) => (
              <tr key={c.id} className="border-b border-stone-100" data-testid="frequency-row" data-code={c.shortName}>
                <td className="py-1 pr-3" style={{ paddingLeft: `${c.depth * 1.1}rem` }}>
                  <span className="mr-1.5 inline-block h-2.5 w-2.5 rounded-sm align-middle" style={{ background: c.color }} />
                  <span title={codeLabel(c, locale === "zh" ? "en" : "zh")}>{codeLabel(c, locale)}</span>
                </td>
                <td className="px-2 text-right">{num(c.total.codings, () => open(i, null), `codings-${c.shortName}`)}</td>
                <td className="px-2 text-right">{num(c.total.units, () => open(i, null))}</td>
                <td className="px-2 text-right tabular-nums">{fmt(c.total.shareOfParent, "shareOfParent")}</td>
                <td className="px-2 text-right tabular-nums">{fmt(c.total.shareOfAll, "shareOfAll")}</td>
                <td className="px-2 text-right tabular-nums">{fmt(c.total.per10k, "per10k")}</td>
                {grouped
                  ? table.groups.map((g) => {
                      const cell = c.cells[g.key]!;
                      const v = metricValue(cell, metric);
                      return (
                        <td key={g.key} className="px-2 text-right tabular-nums">
                          {cell.codings === 0 ? (
                            <span className="text-stone-300">{fmt(v, metric)}</span>
                          ) : (
                            <button type="button" className="text-accent-700 hover:underline" onClick={() => open(i, g.key)} data-testid={`cell-${c.shortName}-${g.key}`}>
                              {fmt(v, metric)}
                            </button>
                          )}
                        </td>
                      );
                    })
                  : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-stone-300 text-stone-600">
              <td className="py-1 pr-3 text-[11px]">{t("totalRow", { documents: table.total.documents, chars: table.total.chars })}</td>
              <td className="px-2 text-right tabular-nums">{format.number(table.total.codings)}</td>
              <td className="px-2 text-right tabular-nums">{format.number(table.total.codedUnits)}</td>
              <td colSpan={3} />
              {grouped ? table.groups.map((g) => <td key={g.key} className="px-2 text-right tabular-nums">{format.number(g.codings)}</td>) : null}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
