/** Memos as the memo page shows them: the stored memo plus what its targets and links point at. */

export type MemoKind = "project" | "document" | "code" | "coding" | "matrix-cell";

export type RawLink = { codeId: string } | { documentId: string; start: number; end: number };

export type LinkView =
  | { type: "code"; codeId: string; shortName: string; label: string; color: string; missing: boolean }
  | { type: "passage"; documentId: string; start: number; end: number; title: string; quote: string; href: string | null };

export type MemoItem = {
  id: string;
  kind: MemoKind;
  title: string;
  body: string;
  author: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** What a document / code / coding memo is about (null for a project memo). */
  target: { label: string; href: string | null } | null;
  links: LinkView[];
  rawLinks: RawLink[];
};

/** A passage offered for linking when the page is opened from a search hit. */
export type PassageDraft = { documentId: string; start: number; end: number; title: string; quote: string };

/** Memo kinds in display order; their labels are memos.kinds.<kind> in the catalogues. */
export const MEMO_KIND_ORDER: readonly MemoKind[] = ["project", "document", "code", "coding", "matrix-cell"];
