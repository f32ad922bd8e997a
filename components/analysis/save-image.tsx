"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/shell/ui";

/** Hands a data URL to the browser as a file download. */
export function downloadUrl(url: string, fileName: string) {
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A standalone SVG rasterised through an image and a canvas (white background, `pixelRatio` × its size). */
export async function svgToPng(svg: string, width: number, height: number, pixelRatio = 2): Promise<string> {
  const img = new Image();
  img.src = svgDataUrl(svg);
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("canvas 2d context unavailable");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL("image/png");
}

/** The PNG and SVG buttons every chart and figure carries (test ids `<testId>-png`, `<testId>-svg`). */
export function SaveImageButtons({ onPng, onSvg, testId }: { onPng: () => void | Promise<void>; onSvg: () => void | Promise<void>; testId?: string }) {
  const t = useTranslations("analysis.chart");
  return (
    <div className="flex justify-end gap-1 print:hidden">
      <Button size="sm" variant="ghost" onClick={() => void onPng()} data-testid={testId ? `${testId}-png` : undefined}>
        <Download size={12} /> {t("png")}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => void onSvg()} data-testid={testId ? `${testId}-svg` : undefined}>
        <Download size={12} /> {t("svg")}
      </Button>
    </div>
  );
}
