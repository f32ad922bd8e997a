/**
 * Query functions for memos and the lookups that validate a memo's target and links.
 * Rules and messages live in lib/coding/memos/. Portable Prisma only.
 */
import type { Prisma } from "./generated/client";
import type { DbClient } from "./shared";
export { projectExists } from "./shared";

const memoSelect = {
  id: true,
  projectId: true,
  kind: true,
  documentId: true,
  codeId: true,
  codingId: true,
  authorId: true,
  title: true,
  body: true,
  links: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true } },
} satisfies Prisma.MemoSelect;

export type MemoJoinedRow = Prisma.MemoGetPayload<{ select: typeof memoSelect }>;

export type NewMemoRow = {
  projectId: string;
  kind: string;
  documentId: string | null;
  codeId: string | null;
  codingId: string | null;
  authorId: string;
  title: string;
  body: string;
  links: string;
};

export function insertMemo(db: DbClient, data: NewMemoRow): Promise<MemoJoinedRow> {
  return db.memo.create({ data, select: memoSelect });
}

export function findMemo(db: DbClient, memoId: string): Promise<MemoJoinedRow | null> {
  return db.memo.findUnique({ where: { id: memoId }, select: memoSelect });
}

export type MemoPatchRow = Partial<Pick<NewMemoRow, "title" | "body" | "links">>;

/** Applies the patch only at `expectedVersion`; returns the rows changed (0 or 1). */
export async function updateMemoIfVersion(
  db: DbClient,
  memoId: string,
  expectedVersion: number,
  data: MemoPatchRow,
): Promise<number> {
  const r = await db.memo.updateMany({
    where: { id: memoId, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  return r.count;
}

/** Deletes the memo only if it still has `version`; returns the rows deleted (0 = missing or stale). */
export async function deleteMemoAtVersion(db: DbClient, opts: { id: string; version: number }): Promise<number> {
  const r = await db.memo.deleteMany({ where: { id: opts.id, version: opts.version } });
  return r.count;
}

export type MemoFilterRow = { kind?: string; documentId?: string; codeId?: string; codingId?: string };

export function listMemoRows(db: DbClient, projectId: string, filter: MemoFilterRow): Promise<MemoJoinedRow[]> {
  return db.memo.findMany({
    where: { projectId, ...filter },
    select: memoSelect,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
}

// ---------------------------------------------------------------- targets and links


export function findDocumentsBrief(
  db: DbClient,
  ids: string[],
): Promise<{ id: string; projectId: string; charCount: number }[]> {
  return db.document.findMany({ where: { id: { in: ids } }, select: { id: true, projectId: true, charCount: true } });
}

export function findCodesBrief(db: DbClient, ids: string[]): Promise<{ id: string; projectId: string }[]> {
  return db.code.findMany({ where: { id: { in: ids } }, select: { id: true, projectId: true } });
}

export function findCodingBrief(db: DbClient, id: string): Promise<{ id: string; projectId: string } | null> {
  return db.coding.findUnique({ where: { id }, select: { id: true, projectId: true } });
}

export type CodeLabelRow = { id: string; shortName: string; labelZh: string; labelEn: string; color: string };

/** Display fields of the codes a project's memos point at (targets and links). */
export function findCodeLabels(db: DbClient, projectId: string, ids: readonly string[]): Promise<CodeLabelRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.code.findMany({
    where: { projectId, id: { in: [...ids] } },
    select: { id: true, shortName: true, labelZh: true, labelEn: true, color: true },
  });
}

/** Titles of the project's documents that memos point at. */
export function findDocumentTitles(db: DbClient, projectId: string, ids: readonly string[]): Promise<{ id: string; title: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.document.findMany({ where: { projectId, id: { in: [...ids] } }, select: { id: true, title: true } });
}
