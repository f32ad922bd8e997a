/**
 * Shapes the reader works with on the client. They mirror lib/coding's ReaderData after a
 * JSON round trip (dates become ISO strings). Every start/end counts Unicode CODE POINTS
 * over the document's canonical text; conversion to UTF-16 and ProseMirror positions
 * happens only in positions.ts (through lib/text/offsets.ts).
 */

export type AnchorStatus = "ok" | "relocated" | "orphaned";

export type ReaderDocument = {
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

export type ReaderParagraph = { ordinal: number; start: number; end: number };
export type ReaderSentence = { id: string; ordinal: number; paragraph: number; start: number; end: number };

export type ReaderCoding = {
  id: string;
  codeId: string;
  shortName: string;
  labelZh: string;
  labelEn: string;
  color: string;
  start: number;
  end: number;
  quote: string;
  comment: string;
  coder: string;
  createdAt: string;
  updatedAt: string;
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

export type ReaderPayload = {
  document: ReaderDocument;
  text: string;
  paragraphs: ReaderParagraph[];
  sentences: ReaderSentence[];
  codings: ReaderCoding[];
  codeCounts: ReaderCodeCount[];
};

/** A code as the picker and the side panel list it (flattened codebook, reading order). */
export type PickerCode = {
  id: string;
  parentId: string | null;
  shortName: string;
  labelZh: string;
  labelEn: string;
  definition: string;
  color: string;
  pinned: number | null;
  version: number;
  depth: number;
};

export type MemoKind = "project" | "document" | "code" | "coding";

export type ReaderMemo = {
  id: string;
  projectId: string;
  kind: MemoKind;
  documentId: string | null;
  codeId: string | null;
  codingId: string | null;
  author: string;
  title: string;
  body: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** A span the user has chosen to code (code points) and the text the client sees there. */
export type PendingSpan = {
  start: number;
  end: number;
  quote: string;
  /** Set when the span is one whole sentence chosen by its handle (coded via codeUnits). */
  unitId?: string;
};
