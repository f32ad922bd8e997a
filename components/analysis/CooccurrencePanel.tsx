"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { CooccurrenceTable } from "@/lib/analysis";
import type { Locale } from "@/lib/i18n/locale";
import { EChart } from "./EChart";
import { codeLabel, type PassageTarget } from "./model";

/** Co-occurrence: a heat map of n12 between codes that meet, and the table of pairs with the c-coefficient. */
export function CooccurrencePanel({ table, onOpen }: { table: CooccurrenceTable; onOpen: (t: PassageTarget) => void }) {
  const t = useTranslations("analysis.cooccurrence");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const involved = useMemo(() => {
    const ids = new Set(table.pairs.flatMap((p) => [p.a, p.b]));
    return table.codes.filter((c) => ids.has(c.id));
  }, [table]);
  const byId = useMemo(() => new Map(table.codes.map((c) => [c.id, c])), [table]);

  const option = useMemo(() => {
    const index = new Map(involved.map((c, i) => [c.id, i]));
    const data = table.pairs.flatMap((p) => {
      const a = index.get(p.a)!;
      const b = index.get(p.b)!;
      return [
        [a, b, p.n12],
        [b, a, p.n12],
      ];
    });
    const names = involved.map((c) => c.shortName);
    return {
      tooltip: { position: "top" },
      grid: { left: 80, right: 16, top: 8, bottom: 90 },
      xAxis: { type: "category", data: names, axisLabel: { rotate: 45, interval: 0 }, splitArea: { show: true } },
      yAxis: { type: "category", data: names, axisLabel: { interval: 0 }, splitArea: { show: true } },
      visualMap: { min: 0, max: Math.max(1, ...table.pairs.map((p) => p.n12)), calculable: true, orient: "horizontal", left: "center", bottom: 0, inRange: { color: ["#eff6ff", "#1d4ed8"] } },
      series: [{ type: "heatmap", data, label: { show: true } }],
    };
  }, [table, involved]);

  const open = (a: string, b: string) => {
    const ca = byId.get(a);
    const cb = byId.get(b);
    if (!ca || !cb) return;
    onOpen({ code: a, codeLabel: ca.shortName, cooccurrence: { mode: table.mode, with: b, withLabel: cb.shortName } });
  };

  if (table.pairs.length === 0) return <p className="text-xs text-stone-500">{t("none")}</p>;
  return (
    <div className="flex flex-col gap-3">
      <EChart
        option={option}
        height={Math.max(260, involved.length * 26 + 110)}
        fileName={`cooccurrence-${table.mode}`}
        testId="cooccurrence-chart"
        onClick={(e) => {
          const [x, y] = e.data as [number, number, number];
          open(involved[x]!.id, involved[y]!.id);
        }}
      />
      <table className="w-full border-collapse text-[13px]" data-testid="cooccurrence-table">
        <thead>
          <tr className="border-b border-stone-200 text-left text-[11px] text-stone-500">
            <th className="py-1 font-medium">{t("a")}</th>
            <th className="font-medium">{t("b")}</th>
            <th className="px-2 text-right font-medium">n12</th>
            <th className="px-2 text-right font-medium">n1</th>
            <th className="px-2 text-right font-medium">n2</th>
            <th className="px-2 text-right font-medium">c</th>
          </tr>
        </thead>
        <tbody>
          {table.pairs.map((p) => (
            <tr key={`${p.a}-${p.b}`} className="border-b border-stone-100">
              <td className="py-1">{codeLabel(byId.get(p.a)!, locale)}</td>
              <td>{codeLabel(byId.get(p.b)!, locale)}</td>
              <td className="px-2 text-right">
                <button type="button" className="text-accent-700 tabular-nums hover:underline" onClick={() => open(p.a, p.b)} data-testid={`pair-${p.aShortName}-${p.bShortName}`}>
                  {format.number(p.n12)}
                </button>
              </td>
              <td className="px-2 text-right tabular-nums">{format.number(p.n1)}</td>
              <td className="px-2 text-right tabular-nums">{format.number(p.n2)}</td>
              <td className="px-2 text-right tabular-nums" title={p.pairsExceedCodings ? t("bias") : undefined}>
                {format.number(p.c, { maximumFractionDigits: 3 })}
                {p.pairsExceedCodings ? " *" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {table.mode === "overlap" ? <p className="text-[11px] text-stone-500">{t("overlapNote")}</p> : null}
    </div>
  );
}
