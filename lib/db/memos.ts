/**
 * Query functions for memos, including the memos of codes the codebook merges or deletes.
 * Lookups of a memo's targets live in their own modules (codes.ts, documents.ts, codings.ts).
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
  cellKey: true,
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
  cellKey?: string | null;
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

export type MemoFilterRow = { kind?: string; documentId?: string; codeId?: string; codingId?: string; cellKey?: string };

export function listMemoRows(db: DbClient, projectId: string, filter: MemoFilterRow): Promise<MemoJoinedRow[]> {
  return db.memo.findMany({
    where: { projectId, ...filter },
    select: memoSelect,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
}

// ---------------------------------------------------------------- memos of codes (merge, delete)

export async function reassignCodeMemos(db: DbClient, fromCodeId: string, toCodeId: string): Promise<number> {
  const r = await db.memo.updateMany({ where: { codeId: fromCodeId }, data: { codeId: toCodeId } });
  return r.count;
}

export async function reassignCodingMemos(db: DbClient, fromCodingId: string, toCodingId: string): Promise<number> {
  const r = await db.memo.updateMany({ where: { codingId: fromCodingId }, data: { codingId: toCodingId } });
  return r.count;
}

/** Memos attached to the codes or to their codings (both go when the codes are deleted). */
export function countMemosOfCodes(db: DbClient, codeIds: string[]): Promise<number> {
  if (codeIds.length === 0) return Promise.resolve(0);
  return db.memo.count({
    where: { OR: [{ codeId: { in: codeIds } }, { coding: { codeId: { in: codeIds } } }] },
  });
}

export async function deleteMemosOfCodes(db: DbClient, codeIds: string[]): Promise<number> {
  if (codeIds.length === 0) return 0;
  const r = await db.memo.deleteMany({
    where: { OR: [{ codeId: { in: codeIds } }, { coding: { codeId: { in: codeIds } } }] },
  });
  return r.count;
}

/** Free memos whose JSON `links` mention a code id (a LIKE on the JSON text, then parsed by the caller). */
export function listMemosLinkingCode(db: DbClient, projectId: string, codeId: string): Promise<{ id: string; links: string }[]> {
  return db.memo.findMany({
    where: { projectId, links: { contains: codeId } },
    select: { id: true, links: true },
  });
}

export async function setMemoLinks(db: DbClient, memoId: string, links: string): Promise<void> {
  await db.memo.update({ where: { id: memoId }, data: { links, version: { increment: 1 } } });
}
