/** Query functions of the audit log (AuditEvent): one insert path, one filtered read. */
import type { DbClient } from "./shared";
import type { Prisma } from "./generated/client";

export type NewAuditEvent = {
  projectId: string;
  actor: string;
  entity: "coding" | "code" | "code-group";
  action: string;
  entityId: string;
  documentId?: string | null;
  codeId?: string | null;
  /** Serialised as JSON. */
  detail?: Record<string, unknown>;
};

/** Records events in the caller's transaction (so a change and its record land together). */
export async function insertAuditEvents(db: DbClient, events: NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.auditEvent.createMany({
    data: events.map((e) => ({
      projectId: e.projectId,
      actor: e.actor,
      entity: e.entity,
      action: e.action,
      entityId: e.entityId,
      documentId: e.documentId ?? null,
      codeId: e.codeId ?? null,
      detail: JSON.stringify(e.detail ?? {}),
    })),
  });
}

export type AuditFilter = {
  projectId: string;
  actor?: string;
  documentId?: string;
  codeId?: string;
  entity?: string;
  from?: Date;
  to?: Date;
};

export type AuditEventRow = {
  id: string;
  at: Date;
  actor: string;
  entity: string;
  action: string;
  entityId: string;
  documentId: string | null;
  codeId: string | null;
  detail: string;
};

function whereOf(f: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    projectId: f.projectId,
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.documentId ? { documentId: f.documentId } : {}),
    ...(f.codeId ? { codeId: f.codeId } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
}

/** Newest first; `limit` rows after skipping `offset`. */
export function selectAuditEvents(db: DbClient, f: AuditFilter, page: { limit: number; offset: number }): Promise<AuditEventRow[]> {
  return db.auditEvent.findMany({
    where: whereOf(f),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: page.limit,
    skip: page.offset,
    select: { id: true, at: true, actor: true, entity: true, action: true, entityId: true, documentId: true, codeId: true, detail: true },
  });
}

export function countAuditEvents(db: DbClient, f: AuditFilter): Promise<number> {
  return db.auditEvent.count({ where: whereOf(f) });
}

/** The distinct actors of a project's log (for the filter's choices). */
export async function selectAuditActors(db: DbClient, projectId: string): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ where: { projectId }, select: { actor: true }, distinct: ["actor"], orderBy: { actor: "asc" } });
  return rows.map((r) => r.actor);
}
