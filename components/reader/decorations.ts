import type { Node as PMNode } from "@tiptap/pm/model";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { rgba, safeColor } from "./colors";
import type { PositionMap } from "./positions";
import type { ReaderCoding } from "./types";

/** A coding the text can show: anchored (ok or relocated) and inside the text. */
export function isDrawable(c: ReaderCoding, cpCount: number): boolean {
  return c.anchor !== "orphaned" && c.start >= 0 && c.start < c.end && c.end <= cpCount;
}

/**
 * Coded-text highlights, built in ONE sweep over the coding boundaries: between two
 * consecutive boundaries the set of covering codings is constant, so each such segment
 * gets a single inline decoration carrying every covering coding (ids in
 * `data-coding-ids`, a tint of the innermost code's colour deepening with overlap, and one
 * underline per code, up to three). Offsets go through the same PositionMap in increasing
 * order, so converting all of them is one pass over the paragraphs.
 */
export function buildCodingDecorations(doc: PMNode, map: PositionMap, codings: readonly ReaderCoding[]): DecorationSet {
  const decos = codingDecorations(map, codings);
  return decos.length > 0 ? DecorationSet.create(doc, decos) : DecorationSet.empty;
}

/**
 * The decorations of buildCodingDecorations as a list, in increasing position order; with
 * `window` (code points), only the segments inside it, exactly as the whole build cuts them
 * there (codings keep their own starts, so overlaps stack in the same order).
 */
export function codingDecorations(map: PositionMap, codings: readonly ReaderCoding[], window?: { start: number; end: number }): Decoration[] {
  const cpCount = map.cpCount;
  const lo = window?.start ?? 0;
  const hi = window?.end ?? cpCount;
  const byStart = codings
    .filter((c) => isDrawable(c, cpCount) && c.start < hi && c.end > lo)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const n = byStart.length;
  if (n === 0) return [];
  const byEnd = byStart.slice().sort((a, b) => a.end - b.end);
  const decos: Decoration[] = [];
  const active: ReaderCoding[] = [];
  const hint = { p: 0 };
  let i = 0;
  let prev = -1;
  // Every coding starts before it ends, so byEnd still has entries whenever byStart has.
  for (let j = 0; j < n; ) {
    const opening = byStart[i];
    const closing = byEnd[j]!; // j < n
    const next = Math.min(opening ? opening.start : Infinity, closing.end);
    const [a, z] = [Math.max(prev, lo), Math.min(next, hi)];
    if (active.length > 0 && a < z) {
      const from = map.cpToPos(a, "start", hint);
      const to = map.cpToPos(z, "end", hint);
      if (from < to) decos.push(Decoration.inline(from, to, segmentAttrs(active)));
    }
    for (let c = byEnd[j]; c && c.end === next; c = byEnd[++j]) {
      const k = active.indexOf(c);
      if (k >= 0) active.splice(k, 1);
    }
    for (let c = byStart[i]; c && c.start === next; c = byStart[++i]) active.push(c);
    prev = next;
  }
  return decos;
}

/** What a coding contributes to the highlights: a change in any of these redraws it. */
const drawKey = (c: ReaderCoding) => `${c.id}\u0000${c.start}\u0000${c.end}\u0000${c.color}\u0000${c.anchor}`;

/** Beyond this many changed codings a whole rebuild is as cheap as patching. */
const PATCH_LIMIT = 64;

/** A stretch of text to redraw, in code points and editor positions, with its new segments in order. */
export type HighlightPatch = { start: number; end: number; from: number; to: number; decos: Decoration[] };

/**
 * What a change from `before` to `after` redraws: the stretch of text the changed codings
 * cover, widened to the nearest boundaries of unchanged codings (where a whole build cuts a
 * segment in both states), with its new segments. "unchanged" when nothing drawn changed;
 * null when many codings changed (rebuilding is as cheap).
 */
export function highlightPatch(map: PositionMap, before: readonly ReaderCoding[], after: readonly ReaderCoding[]): HighlightPatch | "unchanged" | null {
  const cpCount = map.cpCount;
  // Codings the change did not touch are the same objects in both lists: only the others are
  // compared by what they draw (thousands of codings, one or two changed).
  const [inBefore, inAfter] = [new Set(before), new Set(after)];
  const removed = new Map<string, ReaderCoding>();
  for (const c of before) if (!inAfter.has(c) && isDrawable(c, cpCount)) removed.set(drawKey(c), c);
  const added: ReaderCoding[] = [];
  for (const c of after) {
    if (inBefore.has(c) || !isDrawable(c, cpCount)) continue;
    const k = drawKey(c);
    if (removed.has(k)) removed.delete(k); // a new object drawn exactly as before (e.g. a comment edited)
    else added.push(c);
  }
  const changed = [...removed.values(), ...added];
  if (changed.length === 0) return "unchanged";
  if (changed.length > PATCH_LIMIT) return null;
  const first = Math.min(...changed.map((c) => c.start));
  const last = Math.max(...changed.map((c) => c.end));
  // Widen to the nearest boundaries of unchanged codings (or the text's ends).
  const fresh = new Set(added);
  let start = 0;
  let end = cpCount;
  for (const c of after) {
    if (fresh.has(c) || !isDrawable(c, cpCount)) continue;
    for (const b of [c.start, c.end]) {
      if (b <= first && b > start) start = b;
      if (b >= last && b < end) end = b;
    }
  }
  return { start, end, from: map.cpToPos(start, "start"), to: map.cpToPos(end, "end"), decos: codingDecorations(map, after, { start, end }) };
}

/**
 * `set` with the patch's stretch redrawn: its old segments (each lies wholly inside the
 * stretch) out, the new ones starting before `upTo` in. (A copy goes to add(), which
 * consumes the array it is given.)
 */
function redraw(set: DecorationSet, doc: PMNode, p: HighlightPatch, upTo = Infinity): DecorationSet {
  const stale = set.find(p.from, p.to).filter((d) => d.from >= p.from && d.to <= p.to);
  return set.remove(stale).add(doc, p.decos.filter((d) => d.from < upTo));
}

/**
 * The highlights of `after`, made from `set` (the highlights of `before`) by redrawing only
 * the stretch highlightPatch finds: creating, editing or deleting one coding in a document with
 * thousands redraws a few segments, not the whole text, and equals buildCodingDecorations(after).
 */
export function patchCodingDecorations(
  set: DecorationSet,
  doc: PMNode,
  map: PositionMap,
  before: readonly ReaderCoding[],
  after: readonly ReaderCoding[],
): DecorationSet | null {
  const p = highlightPatch(map, before, after);
  if (p === null) return null;
  if (p === "unchanged") return set;
  return redraw(set, doc, p);
}

/**
 * The same patch for highlights being added in position order (the reader's first seconds):
 * `all` is every decoration of `before` in order, of which those starting before `shownTo`
 * are in `set`. Returns the new list, the new set (still exactly the decorations that start
 * before `shownTo`) and how many of the list that is.
 */
export function patchStreamedDecorations(
  stream: { all: readonly Decoration[]; set: DecorationSet; shownTo: number },
  doc: PMNode,
  p: HighlightPatch,
): { all: Decoration[]; set: DecorationSet; shown: number } {
  const at = firstFrom(stream.all, p.from);
  let past = at;
  while (past < stream.all.length && stream.all[past]!.to <= p.to) past++;
  const all = [...stream.all.slice(0, at), ...p.decos, ...stream.all.slice(past)];
  return { all, set: redraw(stream.set, doc, p, stream.shownTo), shown: firstFrom(all, stream.shownTo) };
}

/** Index of the first decoration starting at or after `pos` (decorations in position order). */
export function firstFrom(all: readonly Decoration[], pos: number): number {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid]?.from ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Attributes of a segment covered by `active` (not empty; in the order the codings started). */
function segmentAttrs(active: readonly ReaderCoding[]): Record<string, string> {
  // The innermost coding (started last) gives the tint; deeper overlap, stronger tint.
  const inward = active.slice().reverse();
  const top = inward[0]!; // the caller only builds segments that some coding covers
  // In hundredths, so the style attribute reads 0.22 rather than 0.22000000000000003.
  const alpha = Math.min(14 + 8 * (active.length - 1), 38) / 100;
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const c of inward) {
    if (lines.length >= 3) break;
    const color = safeColor(c.color);
    if (seen.has(color)) continue;
    seen.add(color);
    lines.push(`inset 0 -${2 * (lines.length + 1)}px 0 ${rgba(color, 0.85)}`);
  }
  return {
    class: active.length > 1 ? "coded coded-multi" : "coded",
    style: `background-color:${rgba(top.color, alpha)};box-shadow:${lines.join(",")}`,
    "data-coding-ids": active.map((c) => c.id).join(" "),
  };
}

export type OverlayInput = {
  selected?: { start: number; end: number; color: string; id: string } | null;
  pending?: { start: number; end: number } | null;
  flash?: { start: number; end: number; color: string; nonce: number } | null;
};

/** The few decorations that change on every click: selected coding, pending span, flash. */
export function buildOverlayDecorations(doc: PMNode, map: PositionMap, o: OverlayInput): DecorationSet {
  const decos: Decoration[] = [];
  const cpCount = map.cpCount;
  const range = (s: { start: number; end: number }) => {
    const a = Math.max(0, Math.min(s.start, cpCount));
    const b = Math.max(0, Math.min(s.end, cpCount));
    const from = map.cpToPos(a, "start");
    const to = map.cpToPos(b, "end");
    return from < to ? { from, to } : null;
  };
  if (o.selected) {
    const r = range(o.selected);
    const tint = rgba(o.selected.color, 0.4);
    if (r)
      decos.push(
        Decoration.inline(r.from, r.to, {
          class: "coded-selected",
          style: `background-image:linear-gradient(${tint},${tint})`,
          "data-selected-coding": o.selected.id,
        }),
      );
  }
  if (o.pending) {
    const r = range(o.pending);
    // background-image paints over a coded segment's inline background-color.
    const tint = "rgba(47,125,145,0.38)";
    if (r)
      decos.push(
        Decoration.inline(r.from, r.to, { class: "pending-span", style: `background-image:linear-gradient(${tint},${tint})` }),
      );
  }
  if (o.flash) {
    const r = range(o.flash);
    if (r)
      decos.push(
        Decoration.inline(r.from, r.to, {
          // A new class name per flash restarts the CSS animation.
          class: o.flash.nonce % 2 ? "flash-span flash-a" : "flash-span flash-b",
        }),
      );
  }
  return decos.length ? DecorationSet.create(doc, decos) : DecorationSet.empty;
}
