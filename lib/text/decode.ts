/**
 * Bytes → text for plain-text sources (and HTML once its charset is known).
 *
 * Order of decisions, most certain first:
 *   1. a byte order mark (UTF-8, UTF-16LE/BE, GB18030) decides outright;
 *   2. bytes that are strictly valid UTF-8 are UTF-8 (ASCII included) — GBK text is
 *      practically never valid UTF-8, while the reverse confusion is common;
 *   3. otherwise chardet ranks candidates and iconv-lite verifies them: a candidate is
 *      accepted only if decoding yields (almost) no U+FFFD replacement characters.
 * Auto-detection only considers encodings Chinese policy texts actually come in
 * (UTF-8, GB18030 ⊇ GBK ⊇ GB2312, Big5): single-byte code pages decode *any* bytes
 * without error, so admitting them would make "undecodable" impossible to report and
 * would silently turn mis-detected Chinese into mojibake. Users can still force any
 * iconv-lite encoding with `opts.encoding`.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import { AppError } from "../errors";
import type { Bilingual } from "../i18n/locale";

export type DecodedText = {
  text: string;
  /** The encoding actually used, e.g. "UTF-8", "UTF-16LE", "GB18030", "Big5". */
  encoding: string;
  /** 0…1 for detected encodings (1 for BOM / strict UTF-8); null when the user forced it. */
  confidence: number | null;
  /** Non-fatal notes for the user in both languages; the web and the CLI pick one. */
  warnings: Bilingual[];
};

export type DecodeOptions = { encoding?: string };

const REPLACEMENT = "\uFFFD";
/** How many leading bytes the binary sniff looks at; enough to see any file header. */
const BINARY_SNIFF_BYTES = 64 * 1024;
/** Share of C0 control bytes (other than tab/LF/CR/FF/ESC) above which a file is binary. */
const MAX_CONTROL_RATIO = 0.02;

/** Display names for the encodings we report; other forced names are upper-cased. */
const DISPLAY_NAMES: Record<string, string> = {
  utf8: "UTF-8",
  "utf-8": "UTF-8",
  utf16le: "UTF-16LE",
  "utf-16le": "UTF-16LE",
  ucs2: "UTF-16LE",
  utf16be: "UTF-16BE",
  "utf-16be": "UTF-16BE",
  utf16: "UTF-16",
  "utf-16": "UTF-16",
  gb18030: "GB18030",
  gbk: "GBK",
  gb2312: "GB2312",
  cp936: "GBK",
  big5: "Big5",
  "big5-hkscs": "Big5-HKSCS",
  cp950: "Big5",
  latin1: "ISO-8859-1",
  "iso-8859-1": "ISO-8859-1",
  "windows-1252": "windows-1252",
  shift_jis: "Shift_JIS",
  "euc-jp": "EUC-JP",
  "euc-kr": "EUC-KR",
};

/** chardet names → the iconv-lite codec we decode with (GBK family → its superset GB18030). */
const DETECTABLE: Record<string, string> = {
  "UTF-8": "UTF-8",
  GB18030: "GB18030",
  GBK: "GB18030",
  GB2312: "GB18030",
  Big5: "Big5",
};

function displayName(encoding: string): string {
  return DISPLAY_NAMES[encoding.toLowerCase()] ?? encoding.toUpperCase();
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Too many U+FFFD for the decode to count as right? Real files carry the odd stray
 * byte (one broken byte inside a UTF-8 character yields up to four U+FFFD); a wrong
 * encoding produces them by the hundred. Both an absolute and a relative bound apply,
 * so a two-character text cannot pass as four replacement characters.
 */
function tooManyReplacements(text: string, bad: number): boolean {
  return bad > Math.max(4, Math.floor(text.length / 1000)) || bad * 50 > text.length;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf(REPLACEMENT); i !== -1; i = text.indexOf(REPLACEMENT, i + 1)) n++;
  return n;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

type Bom = { encoding: "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030"; length: number };

/** The encoding named by a byte order mark at the start of the bytes, if any. */
export function detectBom(bytes: Uint8Array): string | null {
  return sniffBom(bytes)?.encoding ?? null;
}

function sniffBom(b: Uint8Array): Bom | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "UTF-8", length: 3 };
  // FF FE 00 00 would be UTF-32LE; not supported, and then the NUL check refuses it.
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe && !(b.length >= 4 && b[2] === 0 && b[3] === 0)) {
    return { encoding: "UTF-16LE", length: 2 };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: "UTF-16BE", length: 2 };
  if (b.length >= 4 && b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33) {
    return { encoding: "GB18030", length: 4 };
  }
  return null;
}

/**
 * NUL bytes or many control bytes mean the file is not text in any byte-oriented
 * encoding (UTF-16 is handled before this check is made).
 */
function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, BINARY_SNIFF_BYTES);
  let control = 0;
  // Indexed, not for…of: the iterator made this scan a fifth of an HTML page's extraction.
  for (let i = 0; i < n; i++) {
    const c = b[i]!; // i < n <= b.length
    if (c === 0) return true;
    // Allowed: \t \n \v \f \r and ESC (ISO-2022 escapes).
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f) {
      control++;
    }
  }
  return n > 0 && control / n > MAX_CONTROL_RATIO;
}

/** The same test on decoded text, for UTF-16 input where NUL bytes are normal. */
function textLooksBinary(text: string): boolean {
  const n = Math.min(text.length, BINARY_SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f) {
      control++;
    }
  }
  return n > 0 && control / n > MAX_CONTROL_RATIO;
}

function binaryError(): AppError {
  return new AppError("unprocessable", { en: "binary file, not text", zh: "这是二进制文件，不是文本文件" }, { reason: "binary" });
}

function emptyError(): AppError {
  return new AppError("unprocessable", { en: "file is empty", zh: "文件为空" }, { reason: "empty" });
}

function undecodableError(tried: string, replacements: number): AppError {
  return new AppError(
    "unprocessable",
    {
      en:
        `cannot decode the file as ${tried} (${replacements} invalid byte sequences); ` +
        `pass the right encoding with --encoding (e.g. gb18030, big5, utf-16le)`,
      zh: `无法按 ${tried} 解码（${replacements} 处无效字节），请用 --encoding 指定正确的编码`,
    },
    { reason: "undecodable", tried, replacements },
  );
}

/** Strict UTF-8 check: the WHATWG decoder in fatal mode throws on any invalid sequence. */
function decodeStrictUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    return null;
  }
}

function hasNonAscii(b: Uint8Array): boolean {
  return b.some((c) => c >= 0x80);
}

export function decodeText(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  if (bytes.length === 0) throw emptyError();
  if (opts.encoding !== undefined && opts.encoding.trim() !== "") return decodeForced(bytes, opts.encoding.trim());

  const bom = sniffBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (body.length === 0) throw emptyError();
    const isUtf16 = bom.encoding.startsWith("UTF-16");
    if (!isUtf16 && looksBinary(body)) throw binaryError();
    const text = stripBom(iconv.decode(asBuffer(body), bom.encoding, { stripBOM: false }));
    if (isUtf16 && textLooksBinary(text)) throw binaryError();
    // A strictly valid UTF-8 body may carry genuine U+FFFD characters; only count the rest.
    const genuine = bom.encoding === "UTF-8" && decodeStrictUtf8(body) !== null;
    const bad = genuine ? 0 : countReplacements(text);
    if (tooManyReplacements(text, bad)) throw undecodableError(bom.encoding, bad);
    const warnings = replacementWarnings(text, genuine);
    return { text, encoding: bom.encoding, confidence: 1, warnings };
  }

  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) return utf16;

  if (looksBinary(bytes)) throw binaryError();

  const strict = decodeStrictUtf8(bytes);
  if (strict !== null) {
    return { text: stripBom(strict), encoding: "UTF-8", confidence: 1, warnings: replacementWarnings(strict, true) };
  }

  // Not valid UTF-8. A few broken sequences in otherwise UTF-8 text (a truncated copy,
  // one corrupted byte) still decode best as UTF-8; a legacy encoding read as UTF-8
  // produces an invalid sequence for nearly every Chinese character.
  const lenient = new TextDecoder("utf-8").decode(bytes);
  const lenientBad = countReplacements(lenient);
  if (hasNonAscii(bytes) && !tooManyReplacements(lenient, lenientBad) && lenientBad * 50 < nonAsciiChars(lenient)) {
    return {
      text: stripBom(lenient),
      encoding: "UTF-8",
      confidence: 0.9,
      warnings: [
        { en: `${lenientBad} invalid UTF-8 byte sequence(s) replaced by U+FFFD`, zh: `${lenientBad} 处无效 UTF-8 字节已替换为 U+FFFD` },
      ],
    };
  }

  // Decode with every candidate, then prefer the most plausible Chinese text: chardet
  // alone confuses GBK and Big5 on short inputs (both decode almost any byte pair).
  const results = rankCandidates(bytes).map(({ name, confidence }, rank) => {
    const text = iconv.decode(asBuffer(bytes), name, { stripBOM: false });
    return { name, confidence, rank, text, bad: countReplacements(text), plausibility: plausibility(bytes, name) };
  });
  const viable = results
    .filter((r) => !tooManyReplacements(r.text, r.bad))
    .sort((a, b) => {
      if (Math.abs(a.plausibility - b.plausibility) > 0.05) return b.plausibility - a.plausibility;
      return a.bad - b.bad || a.rank - b.rank;
    });
  const chosen = viable[0];
  if (chosen === undefined) {
    const tried = results.map((r) => r.name).join(", ");
    throw undecodableError(tried, Math.min(...results.map((r) => r.bad)));
  }
  // Report the stronger of the two signals: chardet's score and the character statistics.
  const confidence = Math.round(Math.max(chosen.confidence, chosen.plausibility) * 100) / 100;
  const warnings: Bilingual[] = [
    {
      en: `encoding detected as ${chosen.name} (confidence ${confidence.toFixed(2)})`,
      zh: `检测到编码 ${chosen.name}（置信度 ${confidence.toFixed(2)}）`,
    },
  ];
  if (chosen.bad > 0) warnings.push(undecodableWarning(chosen.bad));
  return { text: stripBom(chosen.text), encoding: chosen.name, confidence, warnings };
}

/**
 * Share of double-byte characters that fall in the encoding's everyday region:
 * GB2312 level-1 hanzi (lead B0–D7) and punctuation (A1–A3) for GB18030; Big5's
 * frequently-used hanzi (lead A4–C6) and symbols (A1–A3) for Big5. The right
 * encoding scores near 1; the wrong one lands its pairs in rare regions.
 */
function plausibility(b: Uint8Array, encoding: string): number {
  let good = 0;
  let total = 0;
  for (let i = 0; i < b.length; ) {
    const lead = b[i]!; // i < b.length
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = b[i + 1] ?? 0;
    total++;
    if (encoding === "GB18030") {
      if (lead >= 0x81 && lead <= 0xfe && trail >= 0x30 && trail <= 0x39) {
        i += 4; // four-byte sequence: rare characters
        continue;
      }
      if (((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xd7)) && trail >= 0xa1 && trail <= 0xfe) good++;
    } else {
      const trailOk = (trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe);
      if (lead >= 0xa1 && lead <= 0xc6 && trailOk) good++;
    }
    i += 2;
  }
  return total === 0 ? 0 : good / total;
}

/**
 * UTF-16 without a BOM: the NUL high bytes of ASCII characters (digits, line breaks)
 * all sit on one byte parity. Binary files have NULs on both parities.
 */
function sniffUtf16WithoutBom(b: Uint8Array): DecodedText | null {
  if (b.length < 4 || b.length % 2 !== 0) return null;
  const n = Math.min(b.length, BINARY_SNIFF_BYTES);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const nuls = even + odd;
  // Some CJK characters have a zero low byte (一 is U+4E00), so allow a few on the other parity.
  if (nuls < 2 || Math.min(even, odd) > nuls * 0.2) return null;
  const encoding = odd > even ? "UTF-16LE" : "UTF-16BE";
  const text = stripBom(iconv.decode(asBuffer(b), encoding, { stripBOM: false }));
  if (textLooksBinary(text) || countReplacements(text) > 0 || !mostlyCommonText(text)) return null;
  return {
    text,
    encoding,
    confidence: 0.8,
    warnings: [{ en: `encoding detected as ${encoding} without byte order mark`, zh: `检测到无 BOM 的 ${encoding} 编码` }],
  };
}

/** Most code units fall in ranges real (Chinese or Latin) text uses. */
function mostlyCommonText(text: string): boolean {
  const n = Math.min(text.length, BINARY_SNIFF_BYTES);
  let common = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0x09 || c === 0x0a || c === 0x0d ||
      (c >= 0x20 && c <= 0x7e) ||
      (c >= 0xa0 && c <= 0x24f) ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x3000 && c <= 0x9fff) ||
      (c >= 0xff00 && c <= 0xffef)
    ) {
      common++;
    }
  }
  return common >= n * 0.9;
}

function nonAsciiChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) n++;
  return n;
}

/** Candidates in chardet's order, restricted to the encodings we auto-detect; GB18030 and Big5 always tried. */
function rankCandidates(bytes: Uint8Array): { name: string; confidence: number }[] {
  const out: { name: string; confidence: number }[] = [];
  for (const match of chardet.analyse(bytes)) {
    const name = DETECTABLE[match.name];
    if (name === undefined || name === "UTF-8") continue; // UTF-8 was settled above
    if (!out.some((c) => c.name === name)) out.push({ name, confidence: match.confidence / 100 });
  }
  for (const name of ["GB18030", "Big5"]) {
    if (!out.some((c) => c.name === name)) out.push({ name, confidence: 0 });
  }
  return out;
}

function undecodableWarning(n: number): Bilingual {
  return { en: `${n} undecodable byte sequence(s) replaced by U+FFFD`, zh: `${n} 处无法解码的字节已替换为 U+FFFD` };
}

function replacementWarnings(text: string, genuine: boolean): Bilingual[] {
  const n = countReplacements(text);
  if (n === 0) return [];
  return genuine
    ? [{ en: `text contains ${n} U+FFFD replacement character(s) already present in the file`, zh: `文件本身含有 ${n} 个替换字符 U+FFFD` }]
    : [undecodableWarning(n)];
}

/** The user named the encoding: use it, but still refuse binary input and failed decodes. */
function decodeForced(bytes: Uint8Array, requested: string): DecodedText {
  if (!iconv.encodingExists(requested)) {
    throw new AppError(
      "invalid_input",
      { en: `unknown encoding "${requested}" — use e.g. utf-8, gb18030, gbk, big5, utf-16le`, zh: `未知编码“${requested}”，可用如 utf-8、gb18030、gbk、big5、utf-16le` },
      { encoding: requested },
    );
  }
  const name = displayName(requested);
  const wide = /^(utf-?16|utf-?32|ucs-?2|ucs-?4)/i.test(requested);
  if (!wide && looksBinary(bytes)) throw binaryError();
  const text = stripBom(iconv.decode(asBuffer(bytes), requested));
  if (text === "") throw emptyError();
  if (wide && textLooksBinary(text)) throw binaryError();
  const genuine = name === "UTF-8" && decodeStrictUtf8(bytes) !== null;
  const bad = genuine ? 0 : countReplacements(text);
  if (tooManyReplacements(text, bad)) throw undecodableError(name, bad);
  return { text, encoding: name, confidence: null, warnings: replacementWarnings(text, genuine) };
}
