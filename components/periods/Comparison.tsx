"use client";

import { useTranslations } from "next-intl";
import type { ScopePeriods } from "@/lib/periods";
import { formatPeriodDate, formatSpan } from "@/lib/periods/period-dates";
import type { Grouping } from "./PeriodsView";

/**
 * Several groupings as aligned rows on one year axis — the layout of the study's Table 4.1:
 * each row shows its stages (with their key strategies) as bands and the junctures between
 * them as markers. Printable as it is (the page's print button).
 */
export function Comparison({ periods, name, groupings }: { periods: ScopePeriods[]; name: (zh: string, en: string) => string; groupings: { label: string; field: string; value: string }[] }) {
  const t = useTranslations("periods");
  const withStages = periods.filter((p) => p.stages.length > 0 || p.junctures.length > 0);
  if (withStages.length === 0) return <p className="text-sm text-stone-500">{t("noStages")}</p>;
  const thisYear = new Date().getFullYear();
  const years = withStages.flatMap((p) => [...p.stages.flatMap((s) => [s.start.year, s.end?.year ?? thisYear]), ...p.junctures.map((j) => j.date.year)]);
  const from = Math.min(...years);
  const to = Math.max(...years);
  const span = to - from + 1;
  const left = (y: number) => `${((y - from) / span) * 100}%`;
  const width = (a: number, b: number) => `${((b - a + 1) / span) * 100}%`;
  const label = (p: ScopePeriods) => (groupings as Grouping[]).find((g) => g.field === p.scope.field && g.value === p.scope.value)?.label ?? p.scope.value;
  const ticks = Array.from({ length: span }, (_, i) => from + i).filter((y) => y % 5 === 0 || y === from || y === to);
  return (
    <section className="flex flex-col gap-2" data-testid="comparison">
      <p className="text-[12px] text-stone-600">{t("comparisonIntro")}</p>
      <div className="relative ml-28 h-5 border-b border-stone-300 text-[10px] text-stone-500">
        {ticks.map((y) => (
          <span key={y} className="absolute -translate-x-1/2" style={{ left: `calc(${left(y)} + ${50 / span}%)` }}>
            {y}
          </span>
        ))}
      </div>
      {withStages.map((p) => (
        <div key={`${p.scope.field}=${p.scope.value}`} className="flex items-stretch gap-2" data-comparison-row={p.scope.value}>
          <div className="w-26 flex-none pt-1 text-[12px] font-semibold">{label(p)}</div>
          <div className="relative min-h-28 flex-1 rounded bg-stone-50">
            {p.stages.map((s, i) => (
              <div
                key={s.id}
                className={`absolute top-0 bottom-0 overflow-hidden border-r border-white p-1 text-[10px] leading-tight ${i % 2 ? "bg-stone-200/70" : "bg-stone-100"}`}
                style={{ left: left(s.start.year), width: width(s.start.year, s.end?.year ?? thisYear) }}
                title={[`${formatSpan(s.start, s.end)} ${name(s.nameZh, s.nameEn)}`, ...s.strategies.map((b) => `• ${b}`)].join("\n")}
                data-stage={formatSpan(s.start, s.end)}
              >
                <div className="font-medium">{formatSpan(s.start, s.end)}</div>
                <div>{name(s.nameZh, s.nameEn)}</div>
                <ul className="mt-0.5 list-disc pl-3 text-stone-600 print:block">
                  {s.strategies.map((b, k) => (
                    <li key={k}>{b}</li>
                  ))}
                </ul>
              </div>
            ))}
            {p.junctures.map((j) => (
              <div
                key={j.id}
                className="absolute top-0 bottom-0 w-0.5 bg-orange-600"
                style={{ left: left(j.date.year) }}
                title={`${formatPeriodDate(j.date)} ${name(j.titleZh, j.titleEn)}`}
                data-juncture={formatPeriodDate(j.date)}
              >
                <span className="absolute -top-0.5 left-1 rounded bg-orange-100 px-0.5 text-[9px] whitespace-nowrap text-orange-900">{formatPeriodDate(j.date)}</span>
              </div>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
