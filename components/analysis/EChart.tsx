"use client";

import { useEffect, useRef } from "react";
import type { EChartsOption } from "./echarts-setup";
import { downloadUrl, SaveImageButtons } from "./save-image";

/** What a click on a bar, heat-map cell, marked area or line hands back. */
export type ChartClick = { componentType: string; seriesIndex: number; dataIndex: number; name: string; data: unknown };

const FONT = 'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

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
  label,
}: {
  option: EChartsOption;
  height?: number;
  fileName: string;
  onClick?: (e: ChartClick) => void;
  testId?: string;
  /** An accessible name for the chart. */
  label?: string;
}) {
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
      c.on("click", (p: { componentType?: string; seriesIndex?: number; dataIndex?: number; name?: string; data?: unknown }) =>
        clickRef.current?.({ componentType: p.componentType ?? "series", seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex ?? 0, name: p.name ?? "", data: p.data }),
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
    if (url) downloadUrl(url, `${fileName}.png`);
  };
  const saveSvg = async () => {
    const { echarts } = await import("./echarts-setup");
    const el = document.createElement("div");
    const width = box.current?.clientWidth ?? 800;
    const off = echarts.init(el, null, { renderer: "svg", width, height });
    off.setOption({ textStyle: { fontFamily: FONT }, ...option, animation: false }, true);
    const url = off.getDataURL({ type: "svg", backgroundColor: "#fff" });
    off.dispose();
    downloadUrl(url, `${fileName}.svg`);
  };

  return (
    <div className="flex flex-col gap-1">
      <SaveImageButtons onPng={savePng} onSvg={saveSvg} testId={testId} />
      <div ref={box} style={{ height }} className="w-full" data-testid={testId} role={label ? "img" : undefined} aria-label={label} />
    </div>
  );
}
