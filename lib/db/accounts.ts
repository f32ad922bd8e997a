/**
 * Query functions for accounts, sessions and project memberships. Rules (password strength,
 * throttling, the last-owner rule) live in lib/auth/accounts.ts.
 */
import type { ProjectRole } from "../auth/roles";
import type { DbClient } from "./shared";

export type AccountRow = { id: string; name: string; isAdmin: boolean; passwordHash: string | null; createdAt: Date };
export type MemberRow = { userId: string; name: string; role: ProjectRole };

const accountSelect = { id: true, name: true, isAdmin: true, passwordHash: true, createdAt: true } as const;

export function findAccountByName(db: DbClient, name: string): Promise<AccountRow | null> {
  return db.user.findUnique({ where: { name }, select: accountSelect });
}

export function findAccountById(db: DbClient, id: string): Promise<AccountRow | null> {
  return db.user.findUnique({ where: { id }, select: accountSelect });
}

export function insertAccount(db: DbClient, data: { name: string; passwordHash: string | null; isAdmin: boolean }): Promise<AccountRow> {
  return db.user.create({ data, select: accountSelect });
}

export function updateAccount(db: DbClient, id: string, data: { passwordHash?: string | null; isAdmin?: boolean }): Promise<AccountRow> {
  return db.user.update({ where: { id }, data, select: accountSelect });
}

export function selectAccounts(db: DbClient): Promise<AccountRow[]> {
  return db.user.findMany({ select: accountSelect, orderBy: { name: "asc" } });
}

export function countAdmins(db: DbClient): Promise<number> {
  return db.user.count({ where: { isAdmin: true } });
}

// ---- sessions -------------------------------------------------------------------

export function insertSession(db: DbClient, data: { tokenHash: string; userId: string; expiresAt: Date; now: Date }) {
  return db.session.create({
    data: { tokenHash: data.tokenHash, userId: data.userId, expiresAt: data.expiresAt, createdAt: data.now, lastSeenAt: data.now },
    select: { id: true },
  });
}

export function findSessionByHash(db: DbClient, tokenHash: string) {
  return db.session.findUnique({
    where: { tokenHash },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: { id: true, name: true, isAdmin: true } } },
  });
}

export async function touchSession(db: DbClient, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.session.updateMany({ where: { id }, data: { lastSeenAt: now, expiresAt } });
}

export async function deleteSessionByHash(db: DbClient, tokenHash: string): Promise<number> {
  return (await db.session.deleteMany({ where: { tokenHash } })).count;
}

/** Removes a user's sessions, all or all but one (the browser that changed its own password). */
export async function deleteSessionsOfUser(db: DbClient, userId: string, exceptHash?: string): Promise<number> {
  const where = exceptHash ? { userId, NOT: { tokenHash: exceptHash } } : { userId };
  return (await db.session.deleteMany({ where })).count;
}

// ---- memberships ----------------------------------------------------------------

export async function selectRole(db: DbClient, projectId: string, userId: string): Promise<ProjectRole | null> {
  const m = await db.membership.findUnique({ where: { projectId_userId: { projectId, userId } }, select: { role: true } });
  return (m?.role as ProjectRole | undefined) ?? null;
}

export async function selectMembers(db: DbClient, projectId: string): Promise<MemberRow[]> {
  const rows = await db.membership.findMany({
    where: { projectId },
    select: { userId: true, role: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name, role: r.role as ProjectRole }));
}

/**
 * Takes the project's row lock for the rest of the transaction (a no-op write), so that two
 * concurrent membership changes of one project run one after the other on PostgreSQL too and
 * the second sees the first's owners (SQLite serialises writers anyway). False: no such project.
 */
export async function lockProject(db: DbClient, projectId: string): Promise<boolean> {
  const r = await db.project.updateMany({ where: { id: projectId }, data: { updatedAt: new Date() } });
  return r.count > 0;
}

export async function selectOwnerIds(db: DbClient, projectId: string): Promise<string[]> {
  const rows = await db.membership.findMany({ where: { projectId, role: "owner" }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

export async function upsertMembership(db: DbClient, projectId: string, userId: string, role: ProjectRole): Promise<void> {
  await db.membership.upsert({
    where: { projectId_userId: { projectId, userId } },
    create: { projectId, userId, role },
    update: { role },
  });
}

export async function deleteMembership(db: DbClient, projectId: string, userId: string): Promise<number> {
  return (await db.membership.deleteMany({ where: { projectId, userId } })).count;
}

/** Ids of the projects a user is a member of. */
export async function selectProjectIdsOfUser(db: DbClient, userId: string): Promise<string[]> {
  const rows = await db.membership.findMany({ where: { userId }, select: { projectId: true } });
  return rows.map((r) => r.projectId);
}

// ---- the project a resource belongs to ------------------------------------------

export const RESOURCE_KINDS = ["project", "document", "coding", "code", "code-group", "memo", "stage", "juncture", "juncture-evidence"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The project of a resource, or null when there is no such resource. */
export async function projectIdOf(db: DbClient, kind: ResourceKind, id: string): Promise<string | null> {
  const select = { projectId: true } as const;
  switch (kind) {
    case "project":
      return (await db.project.findUnique({ where: { id }, select: { id: true } }))?.id ?? null;
    case "document":
      return (await db.document.findUnique({ where: { id }, select }))?.projectId ?? null;
    case "coding":
      return (await db.coding.findUnique({ where: { id }, select }))?.projectId ?? null;
    case "code":
      return (await db.code.findUnique({ where: { id }, select }))?.projectId ?? null;
    case "code-group":
      return (await db.codeGroup.findUnique({ where: { id }, select }))?.projectId ?? null;
    case "memo":
      return (await db.memo.findUnique({ where: { id }, select }))?.projectId ?? null;
    case "stage":
      return (await db.stage.findUnique({ where: { id }, select }))?.projectId ?? null;
    case "juncture":
      return (await db.juncture.findUnique({ where: { id }, select }))?.projectId ?? null;
    case "juncture-evidence":
      return (await db.junctureEvidence.findUnique({ where: { id }, select: { juncture: { select } } }))?.juncture.projectId ?? null;
  }
}
