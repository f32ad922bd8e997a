import type { ReaderCodeCount, ReaderCoding, ReaderSentence } from "./types";

/** Reading order: by start, then end, then id (stable across reloads). */
export function sortCodings(list: readonly ReaderCoding[]): ReaderCoding[] {
  return list.slice().sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
}

/** Codes used in the document with their counts, most used first. */
export function codeCountsOf(codings: readonly ReaderCoding[]): ReaderCodeCount[] {
  const m = new Map<string, ReaderCodeCount>();
  for (const c of codings) {
    const e = m.get(c.codeId);
    if (e) e.count++;
    else m.set(c.codeId, { codeId: c.codeId, shortName: c.shortName, labelZh: c.labelZh, labelEn: c.labelEn, color: c.color, count: 1 });
  }
  return [...m.values()].sort((a, b) => b.count - a.count || (a.shortName < b.shortName ? -1 : 1));
}

/** A quote cut to `n` code points for a heading (never splits a character outside the BMP). */
export function shorten(s: string, n = 40): string {
  const cps = Array.from(s);
  return cps.length > n ? cps.slice(0, n).join("") + "…" : s;
}

export type ResizeEdge = "start" | "end";
export type ResizeStep = "char" | "sentence";

/**
 * The span after moving one edge of a coding by a character or to the next/previous
 * sentence boundary; null when that edge cannot move (text bounds, empty span, no
 * boundary further). Sentences are in text order; offsets are code points.
 */
export function resizedSpan(o: {
  span: { start: number; end: number };
  edge: ResizeEdge;
  delta: -1 | 1;
  step: ResizeStep;
  sentences: readonly ReaderSentence[];
  cpCount: number;
}): { start: number; end: number } | null {
  let { start, end } = o.span;
  const { sentences } = o;
  if (o.step === "char") {
    if (o.edge === "start") start += o.delta;
    else end += o.delta;
  } else if (o.edge === "end") {
    const s = o.delta > 0 ? sentences.find((u) => u.end > end) : sentences.findLast((u) => u.end < end && u.end > start);
    if (s) end = s.end;
  } else {
    const s = o.delta < 0 ? sentences.findLast((u) => u.start < start) : sentences.find((u) => u.start > start && u.start < end);
    if (s) start = s.start;
  }
  if (start < 0 || end > o.cpCount || start >= end || (start === o.span.start && end === o.span.end)) return null;
  return { start, end };
}
