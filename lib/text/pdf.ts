/**
 * PDF → paragraphs from pdfjs-dist's text layer.
 *
 * A PDF has no paragraphs, only positioned runs of glyphs. We rebuild lines from
 * baselines, then decide for each pair of consecutive lines whether a paragraph
 * ends between them, using the signals a typeset page gives:
 *   - a vertical gap clearly larger than the usual line spacing;
 *   - the next line starting further right than this one (first-line indent, centred heading);
 *   - this line stopping well short of the right margin after 。！？：； (last line of a paragraph),
 *     or being very short / itself indented (a heading or one-line paragraph).
 * Lines inside a paragraph are joined without a separator when either side is CJK
 * (Chinese wraps anywhere; a space there would corrupt the text and every offset) and
 * with one space between two Latin words.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { AppError } from "../errors";
import type { Bilingual } from "../i18n/locale";
import type { ExtractedParagraphs } from "./canonical";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

/** One visual line of one page, in PDF user-space units (y grows upwards). */
type Line = { text: string; x: number; xEnd: number; y: number; size: number };
type Page = { lines: Line[]; left: number; right: number };

let pdfjsPromise: Promise<PdfJs> | null = null;

/** pdfjs is a large ESM bundle: load it on first use only. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsPromise;
}

/** Directory of the pdfjs-dist package, for its CMaps (needed by CJK fonts without embedded CMaps). */
function pdfjsDir(): string {
  try {
    return path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  } catch {
    return path.join(process.cwd(), "node_modules", "pdfjs-dist");
  }
}

const CJK = /[\p{Script=Han}\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3200-\u32ff\ufe30-\ufe4f\uff00-\uffef\u2010-\u2027]/u;
/** Sentence/clause ends that, on a short line, end a paragraph (closing quotes may follow). */
const PARA_END = /[。！？：；!?:;…][”’」』）)】》"']*$/;
/** Running page numbers: "12", "- 12 -", "第 3 页", "3 / 20". */
const PAGE_NUMBER = /^(?:[-–—\s]*\d{1,4}[-–—\s]*|第\s*\d{1,4}\s*页(?:\s*[/／共]\s*\d{1,4}\s*页?)?|\d{1,4}\s*[/／]\s*\d{1,4})$/;
const LATIN_TAIL = /[\p{Script=Latin}\d.,;:!?%)\]'"]+$/u;
const LATIN_HEAD = /^[\p{Script=Latin}\d(\['"]+/u;
const HAS_LATIN_LETTER = /\p{Script=Latin}/u;

function lastChar(s: string): string {
  return Array.from(s.slice(-2)).pop() ?? "";
}

function firstChar(s: string): string {
  return String.fromCodePoint(s.codePointAt(0) ?? 32);
}

/** Join two wrapped lines of one paragraph (see the module comment). */
export function joinWrappedLines(a: string, b: string): string {
  if (a === "" || b === "") return a + b;
  if (CJK.test(lastChar(a)) || CJK.test(firstChar(b))) return a + b;
  if (/\s$/.test(a) || /^\s/.test(b) || a.endsWith("-")) return a + b;
  const tail = a.match(LATIN_TAIL)?.[0] ?? "";
  const head = b.match(LATIN_HEAD)?.[0] ?? "";
  const latinWords = tail !== "" && head !== "" && (HAS_LATIN_LETTER.test(tail) || HAS_LATIN_LETTER.test(head));
  return latinWords ? `${a} ${b}` : a + b;
}

type PdfTextItem = { str: string; transform: number[]; width: number; height: number };


/** Group text items into lines by baseline, in content-stream order. */
function buildLines(items: PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const item of items) {
    if (item.str === "") continue; // pdfjs emits empty items to mark line ends; baselines suffice
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform; // a 2D matrix [a b c d e f]
    const size = Math.hypot(c, d) || item.height || 10;
    const sameLine = cur !== null && Math.abs(y - cur.y) <= 0.5 * Math.max(size, cur.size) && x >= cur.x - size;
    if (cur !== null && sameLine) {
      const gap = x - cur.xEnd;
      const boundaryIsCjk = CJK.test(lastChar(cur.text)) || CJK.test(firstChar(item.str));
      // Visible gaps are separators: tiny ones between Latin words, only wide ones in CJK text.
      const needsSpace = !/\s$/.test(cur.text) && !/^\s/.test(item.str) && (gap > 1.5 * size || (!boundaryIsCjk && gap > 0.2 * size));
      cur.text += (needsSpace ? " " : "") + item.str;
      cur.xEnd = Math.max(cur.xEnd, x + item.width);
      cur.size = Math.max(cur.size, size);
    } else {
      cur = { text: item.str, x, xEnd: x + item.width, y, size };
      lines.push(cur);
    }
  }
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/[ \t\u00a0]+/g, " ").trim() }))
    .filter((l) => l.text !== "");
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!; // s is not empty
}

function toPage(lines: Line[]): Page {
  // Drop a running page number at the top or bottom of the page.
  const kept = lines.filter((l, i) => !((i === 0 || i === lines.length - 1) && PAGE_NUMBER.test(l.text)));
  const body = kept.filter((l) => Array.from(l.text).length >= 3);
  const ref = body.length > 0 ? body : kept;
  return {
    lines: kept,
    left: ref.length > 0 ? Math.min(...ref.map((l) => l.x)) : 0,
    right: ref.length > 0 ? Math.max(...ref.map((l) => l.xEnd)) : 0,
  };
}

/** Does a paragraph end between line p (on page pp) and line l (on page lp)? */
function paragraphBreak(p: Line, pp: Page, l: Line, lp: Page, lineGap: number): boolean {
  const em = Math.max(p.size, l.size);
  const width = pp.right - pp.left;
  // Extra vertical space (only measurable on the same page).
  if (pp === lp && lineGap > 0) {
    const dy = p.y - l.y;
    if (dy > lineGap * 1.25 && dy - lineGap > 0.25 * em) return true;
  }
  // The next line starts further right: a first-line indent or a centred heading.
  // Relative to each page's own margin, so it also works across a page break.
  const pIndent = p.x - pp.left;
  const lIndent = l.x - lp.left;
  if (lIndent - pIndent > 0.8 * em) return true;
  // Text wraps only when a line is full; a line ending 2 em short of the margin ended
  // its paragraph if it closes a sentence, or if it is itself indented (a heading or
  // one-line paragraph). Ragged-right Latin lines stop short too, hence the conditions.
  const short = pp.right - p.xEnd > 2 * em;
  if (short && PARA_END.test(p.text)) return true;
  if (short && pIndent > 0.8 * em) return true;
  // Under 60% of the text width: a heading or a list line, never a wrapped line.
  if (width > 0 && p.xEnd - p.x < 0.6 * width) return true;
  return false;
}

function pagesToParagraphs(pages: Page[]): string[] {
  // The usual distance between consecutive baselines, over the whole document.
  const gaps: number[] = [];
  for (const page of pages) {
    page.lines.forEach((line, i) => {
      const above = page.lines[i - 1];
      if (above === undefined) return;
      const dy = above.y - line.y;
      if (dy > 0 && dy < 3 * line.size) gaps.push(dy);
    });
  }
  const lineGap = median(gaps);

  const paragraphs: string[] = [];
  let current = "";
  let prev: { line: Line; page: Page } | null = null;
  for (const page of pages) {
    for (const line of page.lines) {
      if (prev !== null && paragraphBreak(prev.line, prev.page, line, page, lineGap)) {
        paragraphs.push(current);
        current = "";
      }
      current = current === "" ? line.text : joinWrappedLines(current, line.text);
      prev = { line, page };
    }
  }
  if (current !== "") paragraphs.push(current);
  return paragraphs;
}

function pdfError(e: unknown): AppError {
  const name = e instanceof Error ? e.name : "";
  const message = e instanceof Error ? e.message : String(e);
  if (name === "PasswordException") {
    return new AppError(
      "unprocessable",
      { en: "PDF is encrypted (password-protected) — remove the password and import again", zh: "PDF 已加密，请先移除密码再导入" },
    );
  }
  return new AppError("unprocessable", { en: `corrupt or invalid PDF file: ${message}`, zh: "PDF 文件已损坏或无效" });
}

/** A metadata title, unless it is the usual producer noise ("Microsoft Word - x.doc"). */
function metadataTitle(info: unknown): string | undefined {
  if (typeof info !== "object" || info === null || !("Title" in info)) return undefined;
  const title = typeof info.Title === "string" ? info.Title.replace(/\s+/g, " ").trim() : "";
  if (title === "" || /^microsoft (word|powerpoint|excel)\b/i.test(title) || /\.(docx?|wps|pdf|txt)$/i.test(title)) {
    return undefined;
  }
  return title;
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedParagraphs> {
  const pdfjs = await loadPdfJs();
  const dir = pdfjsDir();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs may transfer (detach) its input; keep the caller's bytes intact
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    cMapUrl: path.join(dir, "cmaps") + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, "standard_fonts") + path.sep,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      throw pdfError(e);
    }
    const pages: Page[] = [];
    let emptyPages = 0;
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        // Items without `str` are marked-content brackets, not text.
        const items: PdfTextItem[] = content.items.flatMap((it) =>
          "str" in it ? [{ str: it.str, transform: it.transform as number[], width: it.width, height: it.height }] : [],
        );
        const lines = buildLines(items);
        if (lines.length === 0) emptyPages++;
        pages.push(toPage(lines));
        page.cleanup();
      }
    } catch (e) {
      throw pdfError(e);
    }
    if (doc.numPages > 0 && emptyPages === doc.numPages) {
      throw new AppError(
        "unprocessable",
        { en: "no text layer — scanned PDF; run OCR first", zh: "无文本层（扫描版 PDF），请先进行 OCR" },
      );
    }
    const warnings: Bilingual[] = [];
    if (emptyPages > 0) {
      warnings.push({
        en: `${emptyPages} of ${doc.numPages} pages have no text layer (scanned?) and were skipped`,
        zh: `${doc.numPages} 页中有 ${emptyPages} 页无文本层（可能是扫描页），已跳过`,
      });
    }
    let title: string | undefined;
    try {
      title = metadataTitle((await doc.getMetadata()).info);
    } catch {
      title = undefined; // a broken Info dictionary is no reason to refuse the text
    }
    return { paragraphs: pagesToParagraphs(pages), title, encoding: "UTF-8", warnings };
  } finally {
    await task.destroy();
  }
}
