/**
 * Paragraphs → the one canonical plain text of a document (see ARCHITECTURE.md):
 * paragraphs trimmed, never empty, joined by a single PARAGRAPH_SEPARATOR, with their
 * spans in code points. Every stored offset refers to this text, so it must be
 * deterministic for the same input.
 */
import type { Bilingual } from "../i18n/locale";
import { cpLength } from "./offsets";
import { PARAGRAPH_SEPARATOR, type CanonicalText } from "./types";

/** What each format extractor (plain, docx, word, rtf, odt, epub, pdf, html) hands to the canonicaliser. */
export type ExtractedParagraphs = {
  paragraphs: string[];
  /** A title found in the file itself, if any. */
  title?: string;
  /** Encoding the text was read in; see ExtractedDocument.encoding. */
  encoding: string;
  warnings: Bilingual[];
};

/** Any line break: CRLF, CR, LF, NEL, LINE/PARAGRAPH SEPARATOR, and form feed (page breaks). */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029\f\v]/;

/**
 * Edge whitespace removed from paragraphs: ASCII whitespace, NBSP, ideographic space
 * (U+3000, the usual Chinese first-line indent) and stray byte order marks.
 */
const EDGE_SPACE = /^[\t\n\v\f\r \u00a0\u3000\ufeff]+|[\t\n\v\f\r \u00a0\u3000\ufeff]+$/g;

export function trimParagraph(s: string): string {
  return s.replace(EDGE_SPACE, "");
}

/**
 * Builds the canonical text. A line break inside a given paragraph becomes a paragraph
 * boundary: the canonical text may contain no line feed other than the separator,
 * otherwise a reader (or SQL) splitting on "\n" would see different paragraphs.
 */
export function buildCanonicalText(paragraphs: string[]): CanonicalText {
  const kept: string[] = [];
  for (const p of paragraphs) {
    for (const line of p.split(LINE_BREAK)) {
      const t = trimParagraph(line);
      if (t !== "") kept.push(t);
    }
  }
  const spans = [];
  let pos = 0;
  const sepLength = cpLength(PARAGRAPH_SEPARATOR);
  for (const [i, paragraph] of kept.entries()) {
    if (i > 0) pos += sepLength;
    const len = cpLength(paragraph);
    spans.push({ start: pos, end: pos + len });
    pos += len;
  }
  return { text: kept.join(PARAGRAPH_SEPARATOR), paragraphs: spans };
}

/** Plain text → paragraphs: one line is one paragraph; blank lines are dropped. */
export function paragraphsFromPlainText(text: string): string[] {
  return text
    .split(LINE_BREAK)
    .map(trimParagraph)
    .filter((line) => line !== "");
}
