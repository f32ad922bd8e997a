/**
 * Query functions of the audit log (AuditEvent). Events are written by the domain functions
 * inside the transaction of the change they record; rules and messages live in lib/audit/.
 * Portable Prisma only (the filters compile to the same SQL shape on SQLite and PostgreSQL).
 */
import type { Prisma } from "./generated/client";
import type { DbClient } from "./shared";

export type AuditKind = "coding" | "codebook" | "memo" | "period";
export type AuditEntity = "coding" | "code" | "code-group" | "memo" | "stage" | "juncture" | "evidence";
export type AuditAction = "created" | "changed" | "deleted" | "merged" | "moved" | "copied" | "imported";

export type NewAuditEvent = {
  projectId: string;
  actor: string;
  kind: AuditKind;
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  documentId?: string | null;
  codeId?: string | null;
  /** Serialised as JSON: before/after of the fields that changed, or what a deletion lost. */
  detail: unknown;
};

function rowOf(e: NewAuditEvent): Prisma.AuditEventUncheckedCreateInput {
  return {
    projectId: e.projectId,
    actor: e.actor,
    kind: e.kind,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    documentId: e.documentId ?? null,
    codeId: e.codeId ?? null,
    detail: JSON.stringify(e.detail ?? {}),
  };
}

/** The row as raw SQL writes it (lib/db/bulk.ts, the coding write path). */
export function auditRowOf(e: NewAuditEvent, id: string) {
  const r = rowOf(e);
  return { ...r, id, documentId: r.documentId ?? null, codeId: r.codeId ?? null, detail: r.detail ?? "{}" };
}

/**
 * The insert of one event, not yet sent: a caller inside an interactive transaction awaits
 * it (the coding create path writes its event through lib/db/bulk.ts instead).
 */
export function auditEventInsert(db: DbClient, e: NewAuditEvent) {
  return db.auditEvent.create({ data: rowOf(e), select: { id: true } });
}

/** Several events in one statement (a merge, a bulk coding). */
export async function insertAuditEvents(db: DbClient, events: NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.auditEvent.createMany({ data: events.map(rowOf) });
}

export type AuditQuery = {
  projectId: string;
  actor?: string;
  documentId?: string;
  codeId?: string;
  kind?: AuditKind;
  from?: Date;
  to?: Date;
  /** How many to skip and take, newest first. */
  skip: number;
  take: number;
};

export type AuditEventRow = Prisma.AuditEventGetPayload<object>;

function whereOf(q: AuditQuery): Prisma.AuditEventWhereInput {
  return {
    projectId: q.projectId,
    ...(q.actor !== undefined ? { actor: q.actor } : {}),
    ...(q.documentId !== undefined ? { documentId: q.documentId } : {}),
    ...(q.codeId !== undefined ? { codeId: q.codeId } : {}),
    ...(q.kind !== undefined ? { kind: q.kind } : {}),
    ...(q.from || q.to ? { at: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) } } : {}),
  };
}

/** One page of events, newest first (ties, e.g. the events of one merge, in a stable order), and how many match. */
export async function listAuditEvents(db: DbClient, q: AuditQuery): Promise<{ total: number; events: AuditEventRow[] }> {
  const where = whereOf(q);
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: q.skip, take: q.take }),
  ]);
  return { total, events };
}

export function countAuditEventsOfCode(db: DbClient, projectId: string, codeId: string): Promise<number> {
  return db.auditEvent.count({ where: { projectId, codeId } });
}
