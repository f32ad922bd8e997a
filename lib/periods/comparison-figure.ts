/**
 * The comparison of groupings (the study's Table 4.1) as a figure: one layout — rows on a
 * shared year axis, stages as bands, junctures as markers — that the page draws as HTML and
 * that `comparisonSvg` draws as a standalone SVG for download (and, rasterised, as PNG).
 */
import { formatPeriodDate, formatSpan } from "./period-dates";
import type { ScopePeriods } from "./periods";
import type { Scope } from "./schemas";

export type ComparisonStage = {
  id: string;
  span: string;
  name: string;
  strategies: string[];
  /** Left edge and width as fractions of the axis (0–1). */
  x: number;
  width: number;
};
export type ComparisonJuncture = { id: string; date: string; title: string; x: number };
export type ComparisonRow = { scope: Scope; label: string; stages: ComparisonStage[]; junctures: ComparisonJuncture[] };
export type ComparisonLayout = {
  from: number;
  to: number;
  /** Labelled years, with the fraction of the axis at the middle of each year. */
  ticks: { year: number; x: number }[];
  rows: ComparisonRow[];
};

/**
 * Rows for the groupings that have stages or junctures, on one axis from the earliest to the
 * latest year any of them mentions; a running stage reaches `thisYear` (passed in so the
 * layout does not depend on the clock). Null when no grouping has periods.
 */
export function comparisonLayout(
  periods: readonly ScopePeriods[],
  opts: { label: (scope: Scope) => string; name: (zh: string, en: string) => string; thisYear: number },
): ComparisonLayout | null {
  const rows = periods.filter((p) => p.stages.length > 0 || p.junctures.length > 0);
  if (rows.length === 0) return null;
  const years = rows.flatMap((p) => [...p.stages.flatMap((s) => [s.start.year, s.end?.year ?? opts.thisYear]), ...p.junctures.map((j) => j.date.year)]);
  const from = Math.min(...years);
  const to = Math.max(...years);
  const span = to - from + 1;
  const at = (y: number) => (y - from) / span;
  return {
    from,
    to,
    ticks: Array.from({ length: span }, (_, i) => from + i)
      .filter((y) => y % 5 === 0 || y === from || y === to)
      .map((year) => ({ year, x: at(year) + 0.5 / span })),
    rows: rows.map((p) => ({
      scope: p.scope,
      label: opts.label(p.scope),
      stages: p.stages.map((s) => ({
        id: s.id,
        span: formatSpan(s.start, s.end),
        name: opts.name(s.nameZh, s.nameEn),
        strategies: s.strategies,
        x: at(s.start.year),
        width: ((s.end?.year ?? opts.thisYear) - s.start.year + 1) / span,
      })),
      junctures: p.junctures.map((j) => ({ id: j.id, date: formatPeriodDate(j.date), title: opts.name(j.titleZh, j.titleEn), x: at(j.date.year) })),
    })),
  };
}

const FONT = 'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const FONT_SIZE = 11;
const LINE = 14;
const LABEL_WIDTH = 120;
const MARGIN = 16;
const AXIS_HEIGHT = 28;
const BAND_COLORS = ["#f5f5f4", "#e7e5e4"];

/** Text as XML character data or an attribute value: the five markup characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Approximate rendered width: CJK and other wide characters take a full em, the rest about 0.6. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! > 0x2e80 ? size : size * 0.6;
  return w;
}

/** Greedy line breaking to `max` pixels: anywhere in Chinese, at the last space in Latin text. */
export function wrapText(text: string, max: number, size = FONT_SIZE): string[] {
  const lines: string[] = [];
  let line = "";
  for (const ch of text) {
    if (line && textWidth(line + ch, size) > max) {
      const space = line.lastIndexOf(" ");
      if (ch !== " " && space > 0 && ch.codePointAt(0)! <= 0x2e80) {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1);
      } else {
        lines.push(line);
        line = "";
      }
      if (ch === " ") continue;
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

type Line = { text: string; bold?: boolean; color?: string; indent?: number };

function stageLines(s: ComparisonStage, width: number): Line[] {
  const inner = Math.max(width - 8, FONT_SIZE * 2);
  return [
    { text: s.span, bold: true },
    ...wrapText(s.name, inner).map((text) => ({ text })),
    ...s.strategies.flatMap((b) => wrapText(`• ${b}`, inner).map((text, i) => ({ text, color: "#57534e", indent: i ? 8 : 0 }))),
  ];
}

function textEl(x: number, y: number, line: Line, extra = ""): string {
  const weight = line.bold ? ' font-weight="600"' : "";
  return `<text x="${round(x + (line.indent ?? 0))}" y="${round(y)}" fill="${line.color ?? "#1c1917"}"${weight}${extra}>${escapeXml(line.text)}</text>`;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The layout as a standalone SVG document: the axis on top, each row's stages as bands with
 * their span, name and key strategies wrapped inside, the junctures as orange lines marked
 * with their date, and under each row the junctures' dates and titles in full.
 */
export function comparisonSvg(layout: ComparisonLayout, opts: { width?: number; title?: string } = {}): { svg: string; width: number; height: number } {
  const width = opts.width ?? 1200;
  const plotLeft = MARGIN + LABEL_WIDTH;
  const plot = width - plotLeft - MARGIN;
  const parts: string[] = [];
  let y = MARGIN;
  if (opts.title) {
    parts.push(textEl(MARGIN, y + 12, { text: opts.title, bold: true }, ' font-size="14"'));
    y += 24;
  }
  // The axis: a baseline with the labelled years centred on their year.
  const axisY = y + AXIS_HEIGHT - 8;
  parts.push(`<line x1="${plotLeft}" y1="${axisY}" x2="${plotLeft + plot}" y2="${axisY}" stroke="#d6d3d1"/>`);
  for (const t of layout.ticks) parts.push(`<text x="${round(plotLeft + t.x * plot)}" y="${axisY - 4}" fill="#78716c" font-size="10" text-anchor="middle">${t.year}</text>`);
  y += AXIS_HEIGHT;

  for (const row of layout.rows) {
    const stages = row.stages.map((s) => ({ s, x: plotLeft + s.x * plot, w: s.width * plot, lines: stageLines(s, s.width * plot) }));
    const bandHeight = Math.max(60, ...stages.map((st) => st.lines.length * LINE + 20));
    const captions = row.junctures.flatMap((j) => wrapText(`◆ ${j.date} ${j.title}`, plot).map((text, i) => ({ text, color: "#7c2d12", indent: i ? 12 : 0 })));
    parts.push(`<g data-row="${escapeXml(row.scope.value)}">`);
    wrapText(row.label, LABEL_WIDTH - 8).forEach((text, i) => parts.push(textEl(MARGIN, y + 14 + i * LINE, { text, bold: true })));
    parts.push(`<rect x="${plotLeft}" y="${y}" width="${round(plot)}" height="${bandHeight}" fill="#fafaf9"/>`);
    stages.forEach(({ s, x, w, lines }, i) => {
      parts.push(`<g><title>${escapeXml(`${s.span} ${s.name}`)}</title>`);
      parts.push(`<rect x="${round(x)}" y="${y}" width="${round(w)}" height="${bandHeight}" fill="${BAND_COLORS[i % 2]}" stroke="#fff"/>`);
      lines.forEach((line, k) => parts.push(textEl(x + 4, y + 14 + 16 + k * LINE, line)));
      parts.push("</g>");
    });
    for (const j of row.junctures) {
      const x = round(plotLeft + j.x * plot);
      parts.push(`<g><title>${escapeXml(`${j.date} ${j.title}`)}</title>`);
      parts.push(`<line x1="${x}" y1="${y}" x2="${x}" y2="${y + bandHeight}" stroke="#ea580c" stroke-width="2"/>`);
      parts.push(`<rect x="${x + 2}" y="${y + 2}" width="${round(textWidth(j.date, 9) + 4)}" height="12" fill="#ffedd5"/>`);
      parts.push(textEl(x + 4, y + 11, { text: j.date, color: "#7c2d12" }, ' font-size="9"'));
      parts.push("</g>");
    }
    y += bandHeight + 4;
    captions.forEach((line, i) => parts.push(textEl(plotLeft, y + 12 + i * LINE, line)));
    y += captions.length * LINE + (captions.length ? 8 : 0) + 12;
    parts.push("</g>");
  }
  const height = Math.ceil(y + MARGIN - 12);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}" font-size="${FONT_SIZE}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...parts,
    "</svg>",
  ].join("\n");
  return { svg, width, height };
}
