import { OffsetMap } from "../text/offsets";

export type AnchorStatus = "ok" | "relocated" | "orphaned";
export type AnchorInput = { start: number; end: number; quote: string; prefix?: string; suffix?: string };
export type AnchorResult = { status: AnchorStatus; start: number; end: number };

/** Candidates examined per coding when its quote occurs very often. */
const MAX_CANDIDATES = 2000;

/** Characters shared at the end of `a` and the end of `b`. */
function commonTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Re-anchors stored codings against a text, the hypothesis/recogito way: resolve by
 * position and verify the stored quote; if it no longer matches, look for the quote
 * elsewhere and pick the occurrence whose surroundings best agree with the stored
 * prefix/suffix, the nearest to the old position breaking ties ("relocated"). If the
 * quote is nowhere in the text the coding is "orphaned" and keeps its stored offsets.
 * Offsets in and out are code points; results are in input order.
 */
export function verifyCodingAnchors(text: string | OffsetMap, codings: readonly AnchorInput[]): AnchorResult[] {
  const map = typeof text === "string" ? new OffsetMap(text) : text;
  const s = map.text;
  return codings.map((c) => {
    const inRange = Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.start < c.end && c.end <= map.cpCount;
    if (inRange && map.slice(c.start, c.end) === c.quote) return { status: "ok", start: c.start, end: c.end };
    if (c.quote.length === 0) return { status: "orphaned", start: c.start, end: c.end };

    const prefix = c.prefix ?? "";
    const suffix = c.suffix ?? "";
    const origin = map.toUtf16(Math.min(Math.max(0, Number.isInteger(c.start) ? c.start : 0), map.cpCount));
    let best = -1;
    let bestScore = -1;
    let bestDistance = Infinity;
    let seen = 0;
    for (let at = s.indexOf(c.quote); at !== -1 && seen < MAX_CANDIDATES; at = s.indexOf(c.quote, at + 1), seen++) {
      const after = at + c.quote.length;
      const score =
        commonTail(s.slice(Math.max(0, at - prefix.length), at), prefix) +
        commonHead(s.slice(after, after + suffix.length), suffix);
      const distance = Math.abs(at - origin);
      if (score > bestScore || (score === bestScore && distance < bestDistance)) {
        best = at;
        bestScore = score;
        bestDistance = distance;
      }
    }
    if (best === -1) return { status: "orphaned", start: c.start, end: c.end };
    return { status: "relocated", start: map.toCp(best), end: map.toCp(best + c.quote.length) };
  });
}
