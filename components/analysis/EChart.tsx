"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/shell/ui";
import type { EChartsOption } from "./echarts-setup";

/** What a click on a bar or heat-map cell hands back: the series and data indexes. */
export type ChartClick = { seriesIndex: number; dataIndex: number; data: unknown };

const FONT = 'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

function download(url: string, fileName: string) {
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * One ECharts chart on a canvas, with PNG and SVG downloads. SVG needs the SVG renderer,
 * so it is drawn once more off-screen with the same option (animation off) and read back.
 */
export function EChart({
  option,
  height = 320,
  fileName,
  onClick,
  testId,
}: {
  option: EChartsOption;
  height?: number;
  fileName: string;
  onClick?: (e: ChartClick) => void;
  testId?: string;
}) {
  const t = useTranslations("analysis.chart");
  const box = useRef<HTMLDivElement | null>(null);
  const chart = useRef<{ dispose(): void; setOption(o: EChartsOption, notMerge?: boolean): void; resize(): void; getDataURL(o: object): string } | null>(null);
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    void import("./echarts-setup").then(({ echarts }) => {
      if (cancelled || !box.current) return;
      const c = echarts.init(box.current, null, { renderer: "canvas" });
      c.on("click", (p: { seriesIndex?: number; dataIndex?: number; data?: unknown }) =>
        clickRef.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex ?? 0, data: p.data }),
      );
      chart.current = c;
      observer = new ResizeObserver(() => c.resize());
      observer.observe(box.current);
      c.setOption({ textStyle: { fontFamily: FONT }, ...option }, true);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The chart is created once; option changes go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, ...option }, true);
  }, [option]);

  const savePng = () => {
    const url = chart.current?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    if (url) download(url, `${fileName}.png`);
  };
  const saveSvg = async () => {
    const { echarts } = await import("./echarts-setup");
    const el = document.createElement("div");
    const width = box.current?.clientWidth ?? 800;
    const off = echarts.init(el, null, { renderer: "svg", width, height });
    off.setOption({ textStyle: { fontFamily: FONT }, ...option, animation: false }, true);
    const url = off.getDataURL({ type: "svg", backgroundColor: "#fff" });
    off.dispose();
    download(url, `${fileName}.svg`);
  };

  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-end gap-1">
        <Button size="sm" variant="ghost" onClick={savePng} data-testid={testId ? `${testId}-png` : undefined}>
          <Download size={12} /> {t("png")}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => void saveSvg()} data-testid={testId ? `${testId}-svg` : undefined}>
          <Download size={12} /> {t("svg")}
        </Button>
      </div>
      <div ref={box} style={{ height }} className="w-full" data-testid={testId} />
    </div>
  );
}
