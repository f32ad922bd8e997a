/**
 * Sentence units: the default segments a coder selects and search results point to.
 *
 * Each paragraph is cut (a) after a sentence terminator together with any further
 * terminators and the closing quotes/brackets that follow it, and (b) before a
 * numbered item marker (一、 （一） 1. ① …), so that an enumerated clause becomes its
 * own unit that keeps its number. Units never cross paragraphs; offsets are code
 * points over the canonical text (see lib/text/offsets.ts).
 */
import type { SentenceUnit, Span } from "./types";

/** Terminators that always end a sentence (full-width, CJK and small forms, ASCII !?;). */
const STRONG_TERMINATORS = new Set([
  "。", "！", "？", "；", "｡", "︒", "﹒", "﹗", "﹖", "﹔", "!", "?", ";", "‼", "⁇", "⁈", "⁉",
]);
/** Full stops that are also decimal points or item-number dots: ASCII "." and full-width "．". */
const DOTS = new Set([".", "．"]);
/** Characters that may continue a terminator cluster: "！！", "？！", "……。" stay together. */
const CLUSTER = new Set([...STRONG_TERMINATORS, ...DOTS, "…", "⋯"]);
/** Closing quotes and brackets stay with the sentence they close. */
const CLOSERS = new Set([
  "”", "’", "」", "』", "）", ")", "】", "》", "〉", '"', "'", "］", "]", "〕", "〗", "〙", "｝", "}", "»", "›", "﹂", "﹄",
]);
/** Opening quotes and brackets: never leave one behind as a unit of its own. */
const OPENERS = new Set(["“", "‘", "「", "『", "（", "(", "【", "《", "〈", "［", "[", "〔", "〖", "〘", "｛", "{", "«", "‹", "﹁", "﹃"]);
/** After these an item marker may begin (besides paragraph start and unit start). */
const ITEM_LEAD = new Set(["：", ":", "；", ";", ".", "．", "。", "！", "？", "!", "?"]);

const DIGIT = /[0-9０-９]/;
const ASCII_WORD = /[A-Za-z0-9=&_/%#+\-]/;
const CN_NUMERAL = "一二三四五六七八九十百零〇两";
const CN_NUMERAL_RE = new RegExp(`[${CN_NUMERAL}]`);

/** Abbreviations whose "." is not a full stop (rare in Chinese policy texts, cheap to honour). */
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "prof", "no", "vs", "e.g", "i.e", "etc", "fig", "st", "jr", "co", "inc", "ltd"]);

/** Circled and parenthesised number characters (① ⑴ ⒈ ㈠ ㉑ …): item markers anywhere. */
function isSymbolItem(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x2460 && c <= 0x249b) || // ①…⑳ ⑴…⒇ ⒈…⒛
    (c >= 0x24f5 && c <= 0x24fe) || // ⓵…⓾
    (c >= 0x2776 && c <= 0x2793) || // ❶…➓
    (c >= 0x3220 && c <= 0x3229) || // ㈠…㈩
    (c >= 0x3251 && c <= 0x325f) || // ㉑…㉟
    (c >= 0x32b1 && c <= 0x32bf) // ㊱…㊿
  );
}

/** Same set as the regex's \s plus U+3000 and NBSP, by char code: this runs for every character. */
function isSpace(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x3000 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff
  );
}

/**
 * Length of a numbered-item marker starting at chars[i], or 0. `atUnitStart` is true at
 * the start of a paragraph or of a unit; otherwise the caller checked the position rules.
 */
function itemMarkerLength(chars: string[], i: number, atUnitStart: boolean): number {
  const at = (k: number) => chars[i + k] ?? "";
  // 一、 二、 … 十一、 (up to four numerals)
  let k = 0;
  while (k < 4 && CN_NUMERAL.includes(at(k)) && at(k) !== "") k++;
  if (k > 0 && at(k) === "、") {
    // Mid-paragraph "：一、二产业…" is a list of numerals, not item 一.
    if (!atUnitStart && CN_NUMERAL_RE.test(at(k + 1))) return 0;
    return at(k + 1) === "" ? 0 : k + 1;
  }
  // （一） (一) （1） (1)
  if (at(0) === "（" || at(0) === "(") {
    let j = 1;
    if (CN_NUMERAL.includes(at(1)) && at(1) !== "") {
      while (j < 5 && CN_NUMERAL.includes(at(j)) && at(j) !== "") j++;
    } else {
      while (j < 4 && DIGIT.test(at(j))) j++;
    }
    if (j > 1 && (at(j) === "）" || at(j) === ")") && at(j + 1) !== "") return j + 1;
    return 0;
  }
  // 1. 1、 1． 2) 2）: at most three digits, and not a decimal ("1.5%") or a range ("3、4个")
  let d = 0;
  while (d < 3 && DIGIT.test(at(d))) d++;
  if (d > 0 && !DIGIT.test(at(d)) && [".", "．", "、", ")", "）"].includes(at(d))) {
    const next = at(d + 1);
    if (next === "" || DIGIT.test(next)) return 0;
    return d + 1;
  }
  return 0;
}

/** Is the "." / "．" at chars[i] a full stop (not a decimal point, abbreviation or item dot)? */
function dotEndsSentence(chars: string[], i: number): boolean {
  const prev = chars[i - 1] ?? "";
  const next = chars[i + 1];
  if (DIGIT.test(prev) && next !== undefined && DIGIT.test(next)) return false; // 1.5%  2018.3
  if (chars[i] === "．") return true; // full-width: a CJK full stop unless decimal (item dots are skipped earlier)
  // ASCII ".": a full stop only when whitespace or the paragraph end follows
  // (after any further dots and closing quotes: 'done."', "etc...").
  let j = i + 1;
  while (j < chars.length && (CLUSTER.has(chars[j]!) || CLOSERS.has(chars[j]!))) j++;
  if (j < chars.length && !isSpace(chars[j])) return false;
  // "Dr. Li", "e.g. this": look at the word before the dot.
  let w = i;
  while (w > 0 && /[A-Za-z.]/.test(chars[w - 1]!)) w--;
  const word = chars.slice(w, i).join("").toLowerCase();
  if (word !== "" && (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word))) return false;
  return true;
}

// A lookup table by UTF-16 code: this test runs for every character of every import,
// and a typed-array read is several times cheaper than hashing the string into a Set.
const IS_STRONG = 1;
const IS_DOT = 2;
const TERMINATOR_FLAGS = new Uint8Array(0x10000);
for (const c of STRONG_TERMINATORS) TERMINATOR_FLAGS[c.charCodeAt(0)] = IS_STRONG;
for (const c of DOTS) TERMINATOR_FLAGS[c.charCodeAt(0)] = IS_DOT; // no character is in both sets

/** Characters that can begin an item marker: numerals, digits, opening parentheses, ①-style symbols. */
const MAY_START_ITEM = new Uint8Array(0x10000);
for (const c of `${CN_NUMERAL}0123456789０１２３４５６７８９（(`) MAY_START_ITEM[c.charCodeAt(0)] = 1;
for (let c = 0; c < 0x10000; c++) if (isSymbolItem(String.fromCharCode(c))) MAY_START_ITEM[c] = 1;

/** Does the character `ch` at chars[i] end a sentence? */
function isTerminatorAt(chars: string[], i: number, ch: string): boolean {
  // A one-unit string's char code is below 0x10000, the table's length.
  const flags = ch.length === 1 ? TERMINATOR_FLAGS[ch.charCodeAt(0)]! : 0;
  if (flags === 0) return false;
  if (flags & IS_DOT) return dotEndsSentence(chars, i);
  // ASCII ? ! ; inside a URL or code ("a?id=1", "x;y") is not punctuation of the text.
  if (ch === "?" || ch === "!" || ch === ";") {
    const prev = chars[i - 1] ?? "";
    const next = chars[i + 1] ?? "";
    if (/[A-Za-z0-9/]/.test(prev) && ASCII_WORD.test(next)) return false;
  }
  return true;
}

/** Cut positions (paragraph-relative code points) inside one paragraph. */
function cutPoints(chars: string[]): number[] {
  const cuts: number[] = [];
  let unitStart = 0; // first non-space position after the last cut
  const n = chars.length;
  let i = 0;
  const cutAt = (pos: number) => {
    if (pos <= 0 || pos >= n || cuts[cuts.length - 1] === pos) return;
    cuts.push(pos);
    unitStart = pos;
    while (unitStart < n && isSpace(chars[unitStart])) unitStart++;
  };
  while (i < n) {
    const ch = chars[i]!; // i < n
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const atUnitStart = i <= unitStart;
    // Item markers begin a unit: ① anywhere; the others at unit start or after ：；. or a space.
    // Most characters cannot begin a marker at all: test that first (this loop sees every character).
    let marker = 0;
    if (ch.length === 1 && MAY_START_ITEM[ch.charCodeAt(0)] === 1) {
      const prev = chars[i - 1] ?? "";
      const markerPlace = atUnitStart || isSpace(prev) || ITEM_LEAD.has(prev);
      marker = isSymbolItem(ch) ? 1 : markerPlace ? itemMarkerLength(chars, i, atUnitStart) : 0;
    }
    if (marker > 0) {
      // Don't strand an opening bracket or quote ("（①…"): cut only if the unit so far has content.
      const before = chars.slice(unitStart, i).filter((c) => !isSpace(c) && !OPENERS.has(c));
      if (!atUnitStart && before.length > 0) cutAt(i);
      i += marker; // skip the marker, so the dot of "1." is never read as a full stop
      continue;
    }
    if (isTerminatorAt(chars, i, ch)) {
      let j = i + 1;
      while (j < n && (CLUSTER.has(chars[j]!) || CLOSERS.has(chars[j]!))) j++;
      cutAt(j);
      i = j;
      continue;
    }
    i++;
  }
  return cuts;
}

/**
 * Splits each paragraph span of `text` into sentence units. Every unit is trimmed,
 * non-empty, lies inside its paragraph, and its text is the code-point substring
 * [start, end) of `text`.
 */
export function splitSentences(text: string, paragraphs: Span[]): SentenceUnit[] {
  const all = Array.from(text); // code points, so indices are stored offsets
  const units: SentenceUnit[] = [];
  paragraphs.forEach((para, index) => {
    if (para.start < 0 || para.end > all.length || para.start > para.end) {
      throw new RangeError(`paragraph ${index} span ${para.start}…${para.end} outside the text (0…${all.length})`);
    }
    const chars = all.slice(para.start, para.end);
    const bounds = [0, ...cutPoints(chars), chars.length];
    for (let b = 1; b < bounds.length; b++) {
      let s = bounds[b - 1]!;
      let e = bounds[b]!;
      while (s < e && isSpace(chars[s])) s++;
      while (e > s && isSpace(chars[e - 1])) e--;
      if (s < e) units.push({ start: para.start + s, end: para.start + e, paragraph: index });
    }
  });
  return units;
}
