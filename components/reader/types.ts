/**
 * Shapes the reader works with on the client. They mirror lib/coding's ReaderData after a
 * JSON round trip (dates become ISO strings). Every start/end counts Unicode CODE POINTS
 * over the document's canonical text; conversion to UTF-16 and ProseMirror positions
 * happens only in positions.ts (through lib/text/offsets.ts).
 */

import type { ReaderData } from "@/lib/coding/get-reader-data";
import type { AnchorStatus } from "@/lib/coding/verify-coding-anchors";

export type { AnchorStatus };

/** A domain shape after a JSON round trip: dates arrive as ISO strings. */
type Serialized<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

export type ReaderDocument = ReaderData["document"];
export type ReaderParagraph = ReaderData["paragraphs"][number];
export type ReaderSentence = ReaderData["sentences"][number];
export type ReaderCoding = Serialized<ReaderData["codings"][number]>;
export type ReaderCodeCount = ReaderData["codeCounts"][number];

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
