import type { MemoJoinedRow } from "../../db/memos";
import type { MemoKind, MemoLink } from "../schemas";

export type MemoView = {
  id: string;
  projectId: string;
  kind: MemoKind;
  documentId: string | null;
  codeId: string | null;
  codingId: string | null;
  /** A matrix-cell memo's cell (see lib/analysis/matrix.ts); null for other kinds. */
  cellKey: string | null;
  authorId: string;
  author: string;
  title: string;
  body: string;
  links: MemoLink[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

function parseLinks(json: string): MemoLink[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as MemoLink[]) : [];
  } catch {
    return [];
  }
}

export function toMemoView(r: MemoJoinedRow): MemoView {
  const { author, links, kind, ...rest } = r;
  return { ...rest, kind: kind as MemoKind, author: author.name, links: parseLinks(links) };
}
