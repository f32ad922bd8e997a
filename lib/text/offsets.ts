/**
 * The one place where offsets change units. Stored offsets (units, codings) count
 * Unicode code points over a document's plain text — the unit REFI-QDA and SQL
 * substr()/length() use. JavaScript strings, the DOM and ProseMirror count UTF-16
 * code units, so every conversion between the two goes through here.
 */

/** Number of code points in a string. */
export function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low surrogate is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** A high surrogate followed by a low one: the only place where the two units differ. */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/**
 * Maps between code-point and UTF-16 offsets of one text, built in one pass.
 * Use it when converting many offsets of the same document.
 */
export class OffsetMap {
  /**
   * utf16At[cp] = UTF-16 index of code point cp; length cpCount + 1. Null when the text has
   * no surrogate pair: then both units count alike (most Chinese text), and the import and
   * the reader need not build a four-byte entry per character.
   */
  private readonly utf16At: Uint32Array | null;
  readonly cpCount: number;
  readonly text: string;

  constructor(text: string) {
    this.text = text;
    if (!SURROGATE_PAIR.test(text)) {
      this.utf16At = null;
      this.cpCount = text.length;
      return;
    }
    const tmp = new Uint32Array(text.length + 1);
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      tmp[cp++] = i;
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    tmp[cp] = text.length;
    this.cpCount = cp;
    this.utf16At = tmp.slice(0, cp + 1);
  }

  /** UTF-16 index of a code-point offset (0 … cpCount). */
  toUtf16(cp: number): number {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.cpCount) {
      throw new RangeError(`code point offset ${cp} outside 0…${this.cpCount}`);
    }
    return this.utf16At === null ? cp : this.utf16At[cp]!; // 0 … cpCount, checked above
  }

  /**
   * Code-point offset of a UTF-16 index. An index inside a surrogate pair is
   * rounded down to the pair's start (a selection never splits a character).
   */
  toCp(utf16: number): number {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.text.length) {
      throw new RangeError(`UTF-16 offset ${utf16} outside 0…${this.text.length}`);
    }
    const at = this.utf16At;
    if (at === null) return utf16;
    let lo = 0;
    let hi = this.cpCount;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid]! <= utf16) lo = mid; // 1 ≤ mid ≤ cpCount
      else hi = mid - 1;
    }
    return lo;
  }

  /** Substring by code-point offsets [start, end). */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/** Substring by code-point offsets, for one-off use (builds no map). */
export function cpSlice(text: string, start: number, end: number): string {
  const chars = Array.from(text);
  return chars.slice(start, end).join("");
}
