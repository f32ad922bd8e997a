import type { Db } from "../db/client";
import { countAuditEventsOfCode, listAuditEvents, type AuditAction, type AuditEntity, type AuditKind } from "../db/audit";
import { findCodeById } from "../db/codes";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { findCodeByShortName } from "../codebook/find-code-by-short-name";
import { auditFilterSchema, type AuditFilterInput } from "./schemas";

export type AuditEventView = {
  id: string;
  at: string;
  user: string;
  kind: AuditKind;
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  documentId: string | null;
  codeId: string | null;
  detail: Record<string, unknown>;
};

export type AuditPage = { total: number; page: number; pageSize: number; events: AuditEventView[] };

function parseDetail(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A code filter names a code by id or by short name (what the CLI user types); unknown ones are refused. */
async function resolveCodeId(db: Db, projectId: string, code: string): Promise<string> {
  const byId = await findCodeById(db, code);
  if (byId && byId.projectId === projectId) return byId.id;
  const byName = await findCodeByShortName(db, projectId, code);
  if (byName) return byName.id;
  // A deleted code is still a valid filter: its events keep its id.
  if ((await countAuditEventsOfCode(db, projectId, code)) > 0) return code;
  throw new AppError("not_found", { en: `no code ${code} in this project`, zh: `本项目没有编码 ${code}` });
}

/**
 * The project's audit log, newest first, one page at a time, filtered by user (name),
 * document (id), code (id or short name), kind (coding, codebook, memo, period) and time.
 */
export async function listAuditLog(db: Db, projectId: string, filter: AuditFilterInput = {}): Promise<AuditPage> {
  const f = parseInput(auditFilterSchema, filter);
  const codeId = f.code === undefined ? undefined : await resolveCodeId(db, projectId, f.code);
  const { total, events } = await listAuditEvents(db, {
    projectId,
    actor: f.user,
    documentId: f.document,
    codeId,
    kind: f.kind,
    from: f.from,
    to: f.to,
    skip: (f.page - 1) * f.pageSize,
    take: f.pageSize,
  });
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      user: e.actor,
      kind: e.kind as AuditKind,
      entity: e.entity as AuditEntity,
      entityId: e.entityId,
      action: e.action as AuditAction,
      documentId: e.documentId,
      codeId: e.codeId,
      detail: parseDetail(e.detail),
    })),
  };
}

/** Every matching event, newest first, read a page at a time (the CSV download; paging in `filter` is ignored). */
export async function listWholeAuditLog(db: Db, projectId: string, filter: AuditFilterInput = {}): Promise<AuditEventView[]> {
  const out: AuditEventView[] = [];
  for (let page = 1; ; page++) {
    const p = await listAuditLog(db, projectId, { ...filter, page, pageSize: 1000 });
    out.push(...p.events);
    if (p.events.length < p.pageSize || out.length >= p.total) return out;
  }
}
