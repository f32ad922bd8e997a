/** Shapes shared by the text pipeline: extraction → canonical text → units → tokens. */
import type { Bilingual } from "../i18n/locale";

/** The format the content was read as ("doc" also for a .wps that is a Word file inside). */
export type SourceFormat = "txt" | "docx" | "pdf" | "html" | "doc" | "rtf" | "odt" | "epub";

/** A span of the canonical plain text, in code points, end exclusive. */
export type Span = { start: number; end: number };

/**
 * The canonical plain text of a document, fixed at import. Paragraphs are joined by
 * PARAGRAPH_SEPARATOR; `paragraphs` gives each paragraph's span (never empty).
 */
export type CanonicalText = {
  text: string;
  paragraphs: Span[];
};

export type ExtractedDocument = CanonicalText & {
  format: SourceFormat;
  /**
   * Encoding the bytes were decoded with (TXT, HTML), or the container's: UTF-8 for
   * DOCX/PDF/ODT/EPUB, UTF-16LE for Word .doc; for RTF the code page of its \'xx bytes
   * (e.g. cp936), or UTF-16 when its text is all \uN escapes.
   */
  encoding: string;
  /** A title found in the file itself (HTML <title>/<h1>, DOCX core title), if any. */
  title?: string;
  /** Non-fatal notes for the user in both languages, e.g. "encoding detected as GB18030 (confidence 0.92)". */
  warnings: Bilingual[];
};

export type SentenceUnit = Span & {
  /** Ordinal of the paragraph the sentence lies in. */
  paragraph: number;
};

/** Paragraphs in the canonical text are separated by a single line feed. */
export const PARAGRAPH_SEPARATOR = "\n";
