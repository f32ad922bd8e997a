import { OffsetMap } from "@/lib/text/offsets";
import type { ReaderParagraph } from "./types";

/**
 * The reader's one mapping between stored offsets and editor positions:
 *
 *   code point  ⇄  UTF-16 index (OffsetMap, lib/text/offsets.ts)  ⇄  ProseMirror position
 *
 * The editor document is one paragraph node per stored paragraph, so paragraph i's text
 * starts at ProseMirror position `pmStart[i]` (its content start) and a UTF-16 index u
 * inside it maps to `pmStart[i] + (u - u16Start[i])`. The canonical text separates
 * paragraphs with ONE "\n" whereas ProseMirror spends two positions between paragraphs
 * (close + open), so the arithmetic is per paragraph, never "pos = offset + 1".
 */
/**
 * A read from one of the per-paragraph arrays. Every caller passes an index in
 * 0 … paragraphCount - 1 (the arrays' length), so the read is never out of range.
 */
const at = (a: Int32Array, i: number): number => a[i]!;

export class PositionMap {
  readonly offsets: OffsetMap;
  readonly paragraphCount: number;
  /** Per paragraph: code-point span, UTF-16 start and length, ProseMirror content start. */
  private readonly cpStart: Int32Array;
  private readonly cpEnd: Int32Array;
  private readonly u16Start: Int32Array;
  private readonly u16Len: Int32Array;
  private readonly pmStart: Int32Array;

  constructor(text: string | OffsetMap, paragraphs: readonly ReaderParagraph[]) {
    this.offsets = typeof text === "string" ? new OffsetMap(text) : text;
    const n = paragraphs.length;
    this.paragraphCount = n;
    this.cpStart = new Int32Array(n);
    this.cpEnd = new Int32Array(n);
    this.u16Start = new Int32Array(n);
    this.u16Len = new Int32Array(n);
    this.pmStart = new Int32Array(n);
    let pm = 1; // inside the first paragraph node
    for (const [i, p] of paragraphs.entries()) {
      const a = this.offsets.toUtf16(p.start);
      const b = this.offsets.toUtf16(p.end);
      this.cpStart[i] = p.start;
      this.cpEnd[i] = p.end;
      this.u16Start[i] = a;
      this.u16Len[i] = b - a;
      this.pmStart[i] = pm;
      pm += b - a + 2; // this paragraph's text, its closing token, the next opening token
    }
  }

  /** Code-point span of paragraph i. */
  paragraphSpan(i: number): { start: number; end: number } {
    return { start: at(this.cpStart, i), end: at(this.cpEnd, i) };
  }

  /** ProseMirror content range of paragraph i. */
  paragraphPosRange(i: number): { from: number; to: number } {
    return { from: at(this.pmStart, i), to: at(this.pmStart, i) + at(this.u16Len, i) };
  }

  /** Text of paragraph i (what the editor's paragraph node holds). */
  paragraphText(i: number): string {
    return this.offsets.text.slice(at(this.u16Start, i), at(this.u16Start, i) + at(this.u16Len, i));
  }

  /** Index of the last paragraph starting at or before `cp` (0 when before all). */
  private paragraphOfCp(cp: number, hint = 0): number {
    const n = this.paragraphCount;
    // Sequential callers (decoration building walks offsets in order) pass the last
    // paragraph found; moving forward from it makes a sorted sweep one pass overall.
    let i = hint >= 0 && hint < n && at(this.cpStart, hint) <= cp ? hint : 0;
    if (i + 1 < n && at(this.cpStart, i + 1) <= cp) {
      if (i + 2 < n && at(this.cpStart, i + 2) <= cp) {
        let lo = i + 2;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (at(this.cpStart, mid) <= cp) lo = mid;
          else hi = mid - 1;
        }
        i = lo;
      } else i++;
    }
    return i;
  }

  /** Index of the paragraph holding `cp` (a separator belongs to the paragraph before it). */
  paragraphAt(cp: number): number {
    return this.paragraphOfCp(cp);
  }

  /**
   * ProseMirror position of a code-point offset. An offset on a paragraph separator
   * belongs to the next paragraph's start when it starts a range (`bias` "start") and to
   * the previous paragraph's end when it ends one, so a range never covers the gap.
   */
  cpToPos(cp: number, bias: "start" | "end" = "start", hint?: { p: number }): number {
    if (this.paragraphCount === 0) return 1;
    const i = this.paragraphOfCp(cp, hint?.p ?? 0);
    if (hint) hint.p = i;
    if (cp < at(this.cpStart, i)) return at(this.pmStart, i); // before the first paragraph
    if (cp > at(this.cpEnd, i)) {
      // inside the separator after paragraph i
      if (bias === "start" && i + 1 < this.paragraphCount) return at(this.pmStart, i + 1);
      return at(this.pmStart, i) + at(this.u16Len, i);
    }
    const u = this.offsets.toUtf16(Math.min(cp, this.offsets.cpCount));
    return at(this.pmStart, i) + (u - at(this.u16Start, i));
  }

  /** Code-point offset of a ProseMirror position (positions between paragraphs clamp to the previous end). */
  posToCp(pos: number): number {
    const n = this.paragraphCount;
    if (n === 0) return 0;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at(this.pmStart, mid) <= pos) lo = mid;
      else hi = mid - 1;
    }
    const within = Math.max(0, Math.min(pos - at(this.pmStart, lo), at(this.u16Len, lo)));
    return this.offsets.toCp(at(this.u16Start, lo) + within);
  }

  /** A selection [from, to) in ProseMirror positions as code points, trimmed of separators. */
  rangeToCp(from: number, to: number): { start: number; end: number } {
    const a = this.posToCp(Math.min(from, to));
    const b = this.posToCp(Math.max(from, to));
    return { start: a, end: b };
  }

  /** The text [start, end) in code points. */
  slice(start: number, end: number): string {
    return this.offsets.slice(start, end);
  }

  get cpCount(): number {
    return this.offsets.cpCount;
  }
}
