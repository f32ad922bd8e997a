import type { Db } from "../db/client";
import { findReaderDocument, listCodingViewsForDocument, listSentenceUnits, type ReaderDocumentRow } from "../db/codings";
import { AppError } from "../errors";
import { OffsetMap } from "../text/offsets";
import { PARAGRAPH_SEPARATOR } from "../text/types";
import { verifyCodingAnchors, type AnchorStatus } from "./verify-coding-anchors";

export type ReaderCoding = {
  id: string;
  codeId: string;
  shortName: string;
  labelZh: string;
  labelEn: string;
  color: string;
  /** Where the coding is anchored now (code points); differs from the stored span when relocated. */
  start: number;
  end: number;
  quote: string;
  comment: string;
  coder: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  anchor: AnchorStatus;
};

export type ReaderCodeCount = {
  codeId: string;
  shortName: string;
  labelZh: string;
  labelEn: string;
  color: string;
  count: number;
};

export type ReaderData = {
  document: {
    id: string;
    projectId: string;
    title: string;
    region: string;
    province: string;
    city: string;
    year: number | null;
    docType: string;
    level: string;
    charCount: number;
    version: number;
  };
  text: string;
  paragraphs: { ordinal: number; start: number; end: number }[];
  sentences: { id: string; ordinal: number; paragraph: number; start: number; end: number }[];
  codings: ReaderCoding[];
  /** Codings per code in this document, most used first. */
  codeCounts: ReaderCodeCount[];
  /** True while the reader codes this document in a blind round: only their own codings are here. */
  blind: boolean;
};

/** Paragraph spans of a canonical text (paragraphs are separated by one line feed). */
function paragraphSpans(map: OffsetMap): ReaderData["paragraphs"] {
  const out: ReaderData["paragraphs"] = [];
  const s = map.text;
  if (s.length === 0) return out;
  let from = 0;
  for (;;) {
    const nl = s.indexOf(PARAGRAPH_SEPARATOR, from);
    const to = nl === -1 ? s.length : nl;
    if (to > from) out.push({ ordinal: out.length, start: map.toCp(from), end: map.toCp(to) });
    if (nl === -1) return out;
    from = nl + PARAGRAPH_SEPARATOR.length;
  }
}

const documentNotFound = (documentId: string) => new AppError("not_found", { en: `document ${documentId} not found`, zh: "未找到该文档" });

export type ReaderText = Pick<ReaderData, "text" | "paragraphs" | "sentences"> & {
  /** The document's version: the text and its units never change, but a cache key must name what it keys. */
  version: number;
};

/**
 * The document's text with its paragraph and sentence spans (code points): the part of the
 * reader's data that never changes after import, which the reader fetches apart from the
 * codings so that the browser can keep it (see app/api/documents/[documentId]/text). With
 * `startsBefore`, only the sentences starting before that code point (the page's first screen).
 */
export async function getReaderText(db: Db, documentId: string, opts: { startsBefore?: number } = {}): Promise<ReaderText> {
  const [doc, sentences] = await Promise.all([findReaderDocument(db, documentId), listSentenceUnits(db, documentId, opts)]);
  if (!doc) throw documentNotFound(documentId);
  return { version: doc.version, text: doc.plainText, paragraphs: paragraphSpans(new OffsetMap(doc.plainText)), sentences };
}

/** The codings' side of the reader's data: the document, its codings re-anchored against its text, and their counts per code. */
export type ReaderCodings = Pick<ReaderData, "document" | "text" | "codings" | "codeCounts" | "blind">;

/**
 * Everything the reader shows for one document, in code points (the UI converts at its
 * edge with OffsetMap): the text, paragraph and sentence spans, and the codings re-anchored
 * against the text. One query per table (document, units, codings + code + user).
 */
export async function getReaderData(db: Db, documentId: string, opts: { onlyCoderId?: string } = {}): Promise<ReaderData> {
  const [doc, sentences, codings] = await Promise.all([
    findReaderDocument(db, documentId),
    listSentenceUnits(db, documentId),
    listCodingViewsForDocument(db, documentId, opts.onlyCoderId),
  ]);
  if (!doc) throw documentNotFound(documentId);
  const map = new OffsetMap(doc.plainText);
  return { ...anchoredCodings(doc, map, codings, opts), paragraphs: paragraphSpans(map), sentences };
}

/**
 * The document and its codings (a blind coder's own only), each re-anchored against the
 * text, sorted by position; the text comes along (the anchors were verified against it).
 * One query per table (document, codings + code + user).
 */
export async function getReaderCodings(db: Db, documentId: string, opts: { onlyCoderId?: string } = {}): Promise<ReaderCodings> {
  const [doc, codings] = await Promise.all([findReaderDocument(db, documentId), listCodingViewsForDocument(db, documentId, opts.onlyCoderId)]);
  if (!doc) throw documentNotFound(documentId);
  return anchoredCodings(doc, new OffsetMap(doc.plainText), codings, opts);
}

/** The codings as the reader gets them: re-anchored against the document's text (`map`), counted per code, in text order. */
function anchoredCodings(
  doc: ReaderDocumentRow,
  map: OffsetMap,
  codings: Awaited<ReturnType<typeof listCodingViewsForDocument>>,
  opts: { onlyCoderId?: string },
): ReaderCodings {
  const { plainText, ...document } = doc;
  const anchors = verifyCodingAnchors(map, codings);

  const counts = new Map<string, ReaderCodeCount>();
  const readerCodings: ReaderCoding[] = codings.map((c, i) => {
    const anchor = anchors[i]!; // verifyCodingAnchors returns one result per coding, in order
    const entry = counts.get(c.codeId);
    if (entry) entry.count++;
    else
      counts.set(c.codeId, {
        codeId: c.codeId,
        shortName: c.shortName,
        labelZh: c.labelZh,
        labelEn: c.labelEn,
        color: c.color,
        count: 1,
      });
    return {
      id: c.id,
      codeId: c.codeId,
      shortName: c.shortName,
      labelZh: c.labelZh,
      labelEn: c.labelEn,
      color: c.color,
      start: anchor.start,
      end: anchor.end,
      quote: c.quote,
      comment: c.comment,
      coder: c.coder,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      version: c.version,
      anchor: anchor.status,
    };
  });
  readerCodings.sort((a, b) => a.start - b.start || a.end - b.end);
  const codeCounts = [...counts.values()].sort(
    (a, b) => b.count - a.count || (a.shortName < b.shortName ? -1 : a.shortName > b.shortName ? 1 : 0),
  );
  return { document, text: plainText, codings: readerCodings, codeCounts, blind: opts.onlyCoderId !== undefined };
}
