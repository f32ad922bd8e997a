import type { CodeFields } from "./schemas";

/**
 * Domain shapes of the codebook. `keywords` is always a parsed array here; the JSON string
 * form (Code.keywords) never leaves lib/codebook. The describable fields come from
 * `codeFieldsSchema` (schemas.ts) and are not written out again here.
 */

/** One code as the domain sees it (a Code row with parsed keywords). */
export type CodeRecord = CodeFields & {
  id: string;
  projectId: string;
  parentId: string | null;
  /** Template key the code came from, if any. */
  template: string | null;
  sortOrder: number;
  /** 1–9: the reader's keyboard shortcut; unique per project. */
  pinned: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A code in the codebook tree, with its coding counts and group memberships. */
export type CodeNode = CodeFields & {
  id: string;
  parentId: string | null;
  pinned: number | null;
  version: number;
  template: string | null;
  sortOrder: number;
  /** Codings applied with this code itself. */
  codingCount: number;
  /** codingCount of this code plus all its descendants. */
  totalCodingCount: number;
  groups: { id: string; name: string }[];
  children: CodeNode[];
};

/** A tree node with its place in the tree: depth (roots are 0) and the shortNames from the root. */
export type FlatCodeNode = CodeNode & { depth: number; path: string[] };

export type CodeSearchField = "shortName" | "labelZh" | "labelEn" | "definition" | "keywords";

/** A search match: the code, its path ("COE › COE-1") and the fields the query matched. */
export type CodeSearchHit = FlatCodeNode & { pathLabel: string; matchedFields: CodeSearchField[] };

export type CodeGroupInfo = {
  id: string;
  projectId: string;
  name: string;
  labelZh: string;
  /** Member code ids. */
  codeIds: string[];
};
