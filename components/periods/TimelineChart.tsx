"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { EChart, type ChartClick } from "@/components/analysis/EChart";
import type { Timeline } from "@/lib/periods";
import { escapeXml } from "@/lib/periods/comparison-figure";
import { formatPeriodDate, formatSpan } from "@/lib/periods/period-dates";

const BAND_COLORS = ["rgba(120,113,108,0.07)", "rgba(120,113,108,0.15)"];

/** A name cut to about `n` characters (CJK count double) so band labels do not run into each other. */
function short(text: string, n: number): string {
  let width = 0;
  let out = "";
  for (const ch of text) {
    width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
    if (width > n) return out + "…";
    out += ch;
  }
  return out;
}

/**
 * The yearly code profile as stacked bars, with the stages as bands and the junctures as
 * marked lines (titles on top). Clicking a year, a band or a line reports it to the page.
 */
export function TimelineChart({
  timeline,
  name,
  onYear,
  onStage,
  onJuncture,
}: {
  timeline: Timeline;
  name: (zh: string, en: string) => string;
  onYear: (year: number) => void;
  onStage: (stageId: string) => void;
  onJuncture: (junctureId: string) => void;
}) {
  const t = useTranslations("periods");

  const option = useMemo(() => {
    const years = timeline.years.map((y) => String(y.year));
    const first = timeline.years[0]?.year ?? 0;
    const last = timeline.years[timeline.years.length - 1]?.year ?? 0;
    const clamp = (y: number) => String(Math.min(last, Math.max(first, y)));
    const stageAreas = timeline.stages
      .filter((s) => (s.end?.year ?? last) >= first && s.start.year <= last)
      .map((s, i) => [
        {
          // The band is labelled with its span and a short name; the full name is in the list below.
          name: `${formatSpan(s.start, s.end)}\n${short(name(s.nameZh, s.nameEn), 4 * (Math.min(last, s.end?.year ?? last) - Math.max(first, s.start.year) + 1))}`,
          xAxis: clamp(s.start.year),
          itemStyle: { color: BAND_COLORS[i % 2] },
          stageId: s.id,
        },
        { xAxis: clamp(s.end?.year ?? last) },
      ]);
    const junctureLines = timeline.junctures
      .filter((j) => j.date.year >= first && j.date.year <= last)
      .map((j) => ({ xAxis: String(j.date.year), name: `${formatPeriodDate(j.date)} ${name(j.titleZh, j.titleEn)}`, label: { formatter: formatPeriodDate(j.date) }, junctureId: j.id }));
    return {
      animation: false,
      grid: { left: 48, right: 16, top: 70, bottom: 30 },
      legend: { top: 0 },
      tooltip: {
        trigger: "axis",
        confine: true,
        axisPointer: { type: "shadow" },
        formatter: (items: { axisValue: string; marker: string; seriesName: string; value: number; dataIndex: number }[]) => {
          const y = timeline.years[items[0]?.dataIndex ?? 0];
          if (!y) return "";
          const head = `<b>${y.year}</b> · ${t("documents")} ${y.documents} · ${t("chars")} ${y.chars.toLocaleString()}`;
          return [head, ...items.map((i) => `${i.marker}${escapeXml(i.seriesName)}: ${Number(i.value).toFixed(timeline.per === "none" ? 0 : 2)}`)].join("<br/>");
        },
      },
      xAxis: { type: "category", data: years },
      yAxis: { type: "value", name: t(`perOption.${timeline.per}`), nameTextStyle: { align: "left" } },
      series: timeline.codes.map((c, ci) => ({
        name: `${c.shortName} ${name(c.labelZh, c.labelEn)}`,
        type: "bar",
        stack: "profile",
        itemStyle: { color: c.color },
        data: timeline.years.map((y) => y.values[ci]),
        ...(ci === 0
          ? {
              markArea: { silent: false, label: { position: "insideTop", fontSize: 10, color: "#44403c" }, data: stageAreas },
              // Lines carry the date; the title shows on hover and in the list below.
              markLine: {
                silent: false,
                symbol: "none",
                label: { fontSize: 10, position: "end", color: "#7c2d12" },
                tooltip: { show: true, formatter: (p: { name: string }) => escapeXml(p.name) },
                lineStyle: { color: "#c2410c", type: "dashed" },
                data: junctureLines,
              },
            }
          : {}),
      })),
    };
  }, [timeline, name, t]);

  const click = (p: ChartClick) => {
    const data = p.data as { stageId?: string; junctureId?: string } | undefined;
    if (p.componentType === "markArea" && data?.stageId) onStage(data.stageId);
    else if (p.componentType === "markLine" && data?.junctureId) onJuncture(data.junctureId);
    else if (p.componentType === "series" && p.name) onYear(Number(p.name));
  };

  return <EChart option={option} fileName={`timeline-${timeline.scope.value}`} onClick={click} testId="timeline-chart" label={t("timeline")} />;
}
