/**
 * Query functions of the codebook context: codes, code groups and group memberships. The
 * rows that point at a code from other contexts (codings, memos, suggestion decisions) are
 * queried by their own modules (codings.ts, memos.ts, suggestion-decisions.ts) even when the
 * codebook reshapes itself (merge, delete). Only Prisma calls live here; rules and messages
 * live in lib/codebook/. Everything is portable Prisma (no raw SQL), so it runs unchanged on
 * PostgreSQL. Functions take `DbClient` so the domain can compose them inside one transaction.
 */
export { type DbTx, type DbClient, inTransaction, isUniqueViolation, projectExists } from "./shared";
import { visibleCodingWhere, type BlindScope } from "./rounds";
import type { DbClient } from "./shared";
import { Prisma, type Code, type CodeGroup } from "./generated/client";

export type CodeRow = Code;
export type CodeGroupRow = CodeGroup;


// ---------------------------------------------------------------- codes

/** The skeleton of a project's tree: enough to walk ancestors and descendants in memory. */
export type CodeSkeleton = { id: string; parentId: string | null; shortName: string; sortOrder: number };

export function findCodeById(db: DbClient, id: string): Promise<CodeRow | null> {
  return db.code.findUnique({ where: { id } });
}

export function findCodesByIds(db: DbClient, ids: string[]): Promise<CodeRow[]> {
  return db.code.findMany({ where: { id: { in: ids } } });
}

export function findCodeByExactShortName(db: DbClient, projectId: string, shortName: string): Promise<CodeRow | null> {
  return db.code.findUnique({ where: { projectId_shortName: { projectId, shortName } } });
}

export function listCodeSkeleton(db: DbClient, projectId: string): Promise<CodeSkeleton[]> {
  return db.code.findMany({
    where: { projectId },
    select: { id: true, parentId: true, shortName: true, sortOrder: true },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
}

export type CodeWithCounts = CodeRow & {
  _count: { codings: number };
  memberships: { group: { id: string; name: string } }[];
};

/**
 * Every code of a project with its own coding count and its groups (the codebook view); the
 * count leaves out codings an open blind round hides from the asker.
 */
export function listCodesWithCounts(db: DbClient, projectId: string, blind: BlindScope = null): Promise<CodeWithCounts[]> {
  return db.code.findMany({
    where: { projectId },
    include: {
      _count: { select: { codings: blind ? { where: visibleCodingWhere(blind) } : true } },
      memberships: { select: { group: { select: { id: true, name: true } } } },
    },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
}

export function insertCode(db: DbClient, data: Prisma.CodeUncheckedCreateInput): Promise<CodeRow> {
  return db.code.create({ data });
}

/**
 * Optimistic update: writes only if the row still has `expectedVersion`, and bumps it.
 * Returns the number of rows written (0 = missing or stale).
 */
export async function updateCodeAtVersion(
  db: DbClient,
  id: string,
  expectedVersion: number,
  data: Omit<Prisma.CodeUncheckedUpdateManyInput, "version" | "id" | "projectId">,
): Promise<number> {
  const r = await db.code.updateMany({
    where: { id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  return r.count;
}

/** Unversioned structural update (parent, sort order) or a merge's own bump. */
export function updateCodeRow(
  db: DbClient,
  id: string,
  data: Omit<Prisma.CodeUncheckedUpdateInput, "id" | "projectId">,
): Promise<CodeRow> {
  return db.code.update({ where: { id }, data });
}

/** Frees a pin number (1–9) held by any other code of the project. */
export async function clearPinnedNumber(db: DbClient, projectId: string, pinned: number, exceptId: string): Promise<number> {
  const r = await db.code.updateMany({
    where: { projectId, pinned, id: { not: exceptId } },
    data: { pinned: null },
  });
  return r.count;
}

export async function maxSiblingSortOrder(db: DbClient, projectId: string, parentId: string | null): Promise<number | null> {
  const r = await db.code.aggregate({ where: { projectId, parentId }, _max: { sortOrder: true } });
  return r._max.sortOrder;
}

export function listSiblings(db: DbClient, projectId: string, parentId: string | null): Promise<CodeSkeleton[]> {
  return db.code.findMany({
    where: { projectId, parentId },
    select: { id: true, parentId: true, shortName: true, sortOrder: true },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
}

/** Writes sort orders one row at a time; callers pass only the rows whose order changed. */
export async function setSortOrders(db: DbClient, updates: { id: string; sortOrder: number }[]): Promise<void> {
  for (const u of updates) {
    await db.code.update({ where: { id: u.id }, data: { sortOrder: u.sortOrder } });
  }
}

export async function reparentCodes(db: DbClient, fromParentId: string, toParentId: string): Promise<number> {
  const r = await db.code.updateMany({ where: { parentId: fromParentId }, data: { parentId: toParentId } });
  return r.count;
}

export async function deleteCodesByIds(db: DbClient, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.code.deleteMany({ where: { id: { in: ids } } });
  return r.count;
}

// ---------------------------------------------------------------- code groups

export function insertCodeGroup(
  db: DbClient,
  data: { projectId: string; name: string; labelZh: string },
): Promise<CodeGroupRow> {
  return db.codeGroup.create({ data });
}

export function findCodeGroupById(db: DbClient, id: string): Promise<CodeGroupRow | null> {
  return db.codeGroup.findUnique({ where: { id } });
}

export function findCodeGroupByName(db: DbClient, projectId: string, name: string): Promise<CodeGroupRow | null> {
  return db.codeGroup.findUnique({ where: { projectId_name: { projectId, name } } });
}

export type CodeGroupWithMembers = CodeGroupRow & { members: { codeId: string }[] };

export function listCodeGroupsWithMembers(db: DbClient, projectId: string): Promise<CodeGroupWithMembers[]> {
  return db.codeGroup.findMany({
    where: { projectId },
    include: { members: { select: { codeId: true } } },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
  });
}

export async function deleteCodeGroupRow(db: DbClient, id: string): Promise<void> {
  await db.codeGroupMember.deleteMany({ where: { groupId: id } });
  await db.codeGroup.delete({ where: { id } });
}

export function listMembershipsOfCodes(db: DbClient, codeIds: string[]): Promise<{ groupId: string; codeId: string }[]> {
  return db.codeGroupMember.findMany({ where: { codeId: { in: codeIds } }, select: { groupId: true, codeId: true } });
}

export function listMembershipsOfGroup(db: DbClient, groupId: string): Promise<{ groupId: string; codeId: string }[]> {
  return db.codeGroupMember.findMany({ where: { groupId }, select: { groupId: true, codeId: true } });
}

/** Inserts memberships; callers filter out existing pairs first (createMany has no skipDuplicates on SQLite). */
export async function insertMemberships(db: DbClient, rows: { groupId: string; codeId: string }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db.codeGroupMember.createMany({ data: rows });
  return r.count;
}

export async function deleteMembership(db: DbClient, groupId: string, codeId: string): Promise<number> {
  const r = await db.codeGroupMember.deleteMany({ where: { groupId, codeId } });
  return r.count;
}

export async function deleteMembershipsOfCodes(db: DbClient, codeIds: string[]): Promise<number> {
  if (codeIds.length === 0) return 0;
  const r = await db.codeGroupMember.deleteMany({ where: { codeId: { in: codeIds } } });
  return r.count;
}

// ---------------------------------------------------------------- lookups for other contexts

export function findCodesBrief(db: DbClient, ids: string[]): Promise<{ id: string; projectId: string }[]> {
  return db.code.findMany({ where: { id: { in: ids } }, select: { id: true, projectId: true } });
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
