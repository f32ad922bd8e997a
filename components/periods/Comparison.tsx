"use client";

import { useTranslations } from "next-intl";
import { downloadUrl, SaveImageButtons, svgDataUrl, svgToPng } from "@/components/analysis/save-image";
import type { ScopePeriods } from "@/lib/periods";
import { comparisonLayout, comparisonSvg } from "@/lib/periods/comparison-figure";
import type { Grouping } from "./PeriodsView";

const pct = (f: number) => `${f * 100}%`;

/**
 * Several groupings as aligned rows on one year axis — the layout of the study's Table 4.1:
 * each row shows its stages (with their key strategies) as bands and the junctures between
 * them as markers. Printable as it is (the page's print button); the PNG and SVG downloads
 * draw the same layout as a standalone SVG (rasterised for PNG).
 */
export function Comparison({ periods, name, groupings }: { periods: ScopePeriods[]; name: (zh: string, en: string) => string; groupings: { label: string; field: string; value: string }[] }) {
  const t = useTranslations("periods");
  const layout = comparisonLayout(periods, {
    label: (s) => (groupings as Grouping[]).find((g) => g.field === s.field && g.value === s.value)?.label ?? s.value,
    name,
    thisYear: new Date().getFullYear(),
  });
  if (!layout) return <p className="text-sm text-stone-500">{t("noStages")}</p>;
  const figure = () => comparisonSvg(layout, { title: t("comparison") });
  const savePng = async () => {
    const { svg, width, height } = figure();
    downloadUrl(await svgToPng(svg, width, height), "periods-comparison.png");
  };
  const saveSvg = () => downloadUrl(svgDataUrl(figure().svg), "periods-comparison.svg");
  return (
    <section className="flex flex-col gap-2" data-testid="comparison">
      <div className="flex items-start justify-between gap-2">
        <p className="text-[12px] text-stone-600">{t("comparisonIntro")}</p>
        <SaveImageButtons onPng={savePng} onSvg={saveSvg} testId="comparison" />
      </div>
      <div className="relative ml-28 h-5 border-b border-stone-300 text-[10px] text-stone-500">
        {layout.ticks.map((tick) => (
          <span key={tick.year} className="absolute -translate-x-1/2" style={{ left: pct(tick.x) }}>
            {tick.year}
          </span>
        ))}
      </div>
      {layout.rows.map((row) => (
        <div key={`${row.scope.field}=${row.scope.value}`} className="flex items-stretch gap-2" data-comparison-row={row.scope.value}>
          <div className="w-26 flex-none pt-1 text-[12px] font-semibold">{row.label}</div>
          <div className="relative min-h-28 flex-1 rounded bg-stone-50">
            {row.stages.map((s, i) => (
              <div
                key={s.id}
                className={`absolute top-0 bottom-0 overflow-hidden border-r border-white p-1 text-[10px] leading-tight ${i % 2 ? "bg-stone-200/70" : "bg-stone-100"}`}
                style={{ left: pct(s.x), width: pct(s.width) }}
                title={[`${s.span} ${s.name}`, ...s.strategies.map((b) => `• ${b}`)].join("\n")}
                data-stage={s.span}
              >
                <div className="font-medium">{s.span}</div>
                <div>{s.name}</div>
                <ul className="mt-0.5 list-disc pl-3 text-stone-600 print:block">
                  {s.strategies.map((b, k) => (
                    <li key={k}>{b}</li>
                  ))}
                </ul>
              </div>
            ))}
            {row.junctures.map((j) => (
              <div key={j.id} className="absolute top-0 bottom-0 w-0.5 bg-orange-600" style={{ left: pct(j.x) }} title={`${j.date} ${j.title}`} data-juncture={j.date}>
                <span className="absolute -top-0.5 left-1 rounded bg-orange-100 px-0.5 text-[9px] whitespace-nowrap text-orange-900">{j.date}</span>
              </div>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
