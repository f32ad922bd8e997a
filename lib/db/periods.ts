/**
 * Query functions for periods: stages, junctures, their evidence and the change log.
 * Rules and messages live in lib/periods/. Portable Prisma only.
 */
import { Prisma } from "./generated/client";
import type { DbClient } from "./shared";
import { auditEventInsert, type AuditAction, type AuditEntity } from "./audit";

export type ScopeKey = { projectId: string; scopeField: string; scopeValue: string };

export type StageRow = Prisma.StageGetPayload<object>;
export type JunctureRow = Prisma.JunctureGetPayload<{ include: { evidence: true } }>;
export type EvidenceRow = Prisma.JunctureEvidenceGetPayload<object>;

export function stagesInScope(db: DbClient, k: ScopeKey): Promise<StageRow[]> {
  return db.stage.findMany({ where: k, orderBy: [{ startYear: "asc" }, { startMonth: "asc" }, { createdAt: "asc" }] });
}

export function juncturesInScope(db: DbClient, k: ScopeKey): Promise<JunctureRow[]> {
  return db.juncture.findMany({
    where: k,
    include: { evidence: { orderBy: { createdAt: "asc" } } },
    orderBy: [{ year: "asc" }, { month: "asc" }, { createdAt: "asc" }],
  });
}

/** The groupings of a project that have stages or junctures, each once. */
export async function periodScopes(db: DbClient, projectId: string, field?: string, value?: string): Promise<{ scopeField: string; scopeValue: string }[]> {
  const where = { projectId, ...(field ? { scopeField: field } : {}), ...(value ? { scopeValue: value } : {}) };
  const [a, b] = await Promise.all([
    db.stage.findMany({ where, select: { scopeField: true, scopeValue: true }, distinct: ["scopeField", "scopeValue"] }),
    db.juncture.findMany({ where, select: { scopeField: true, scopeValue: true }, distinct: ["scopeField", "scopeValue"] }),
  ]);
  const seen = new Map<string, { scopeField: string; scopeValue: string }>();
  for (const s of [...a, ...b]) seen.set(`${s.scopeField}\u0000${s.scopeValue}`, s);
  return [...seen.values()].sort((x, y) => x.scopeField.localeCompare(y.scopeField) || x.scopeValue.localeCompare(y.scopeValue));
}

export function findStage(db: DbClient, id: string): Promise<StageRow | null> {
  return db.stage.findUnique({ where: { id } });
}

export function findJuncture(db: DbClient, id: string): Promise<JunctureRow | null> {
  return db.juncture.findUnique({ where: { id }, include: { evidence: { orderBy: { createdAt: "asc" } } } });
}

export function findEvidence(db: DbClient, id: string): Promise<(EvidenceRow & { juncture: { projectId: string; scopeField: string; scopeValue: string } }) | null> {
  return db.junctureEvidence.findUnique({
    where: { id },
    include: { juncture: { select: { projectId: true, scopeField: true, scopeValue: true } } },
  });
}

export function insertStage(db: DbClient, data: Prisma.StageUncheckedCreateInput): Promise<StageRow> {
  return db.stage.create({ data });
}

export function insertJuncture(db: DbClient, data: Prisma.JunctureUncheckedCreateInput): Promise<JunctureRow> {
  return db.juncture.create({ data, include: { evidence: true } });
}

export function insertEvidence(db: DbClient, data: Prisma.JunctureEvidenceUncheckedCreateInput): Promise<EvidenceRow> {
  return db.junctureEvidence.create({ data });
}

/** Rows changed (0 when the version moved on meanwhile). */
export async function updateStageIfVersion(db: DbClient, id: string, version: number, data: Prisma.StageUncheckedUpdateManyInput): Promise<number> {
  return (await db.stage.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })).count;
}

export async function updateJunctureIfVersion(
  db: DbClient,
  id: string,
  version: number,
  data: Prisma.JunctureUncheckedUpdateManyInput,
): Promise<number> {
  return (await db.juncture.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })).count;
}

/** Marks a juncture changed (its evidence moved) so that concurrent editors see a new version. */
export async function touchJuncture(db: DbClient, id: string, actor: string): Promise<void> {
  await db.juncture.update({ where: { id }, data: { version: { increment: 1 }, updatedBy: actor } });
}

export async function deleteStageIfVersion(db: DbClient, id: string, version: number): Promise<number> {
  return (await db.stage.deleteMany({ where: { id, version } })).count;
}

export async function deleteJunctureIfVersion(db: DbClient, id: string, version: number): Promise<number> {
  return (await db.juncture.deleteMany({ where: { id, version } })).count;
}

export async function deleteEvidenceRow(db: DbClient, id: string): Promise<number> {
  return (await db.junctureEvidence.deleteMany({ where: { id } })).count;
}

export async function recordPeriodChange(
  db: DbClient,
  c: ScopeKey & { entity: string; entityId: string; action: string; actor: string; detail: unknown },
): Promise<void> {
  const { detail, ...rest } = c;
  await db.periodChange.create({ data: { ...rest, detail: JSON.stringify(detail ?? {}) } });
  // The project's audit log holds period changes too (kind "period"), beside the other kinds.
  await auditEventInsert(db, {
    projectId: c.projectId,
    actor: c.actor,
    kind: "period",
    entity: c.entity as AuditEntity,
    entityId: c.entityId,
    action: PERIOD_ACTIONS[c.action] ?? "changed",
    detail: { scope: { field: c.scopeField, value: c.scopeValue }, ...(detail && typeof detail === "object" ? detail : {}) },
  });
}

const PERIOD_ACTIONS: Record<string, AuditAction> = { create: "created", update: "changed", delete: "deleted", copy: "copied", import: "imported" };

export function periodChanges(db: DbClient, projectId: string, opts: { scopeField?: string; scopeValue?: string; limit?: number } = {}) {
  return db.periodChange.findMany({
    where: { projectId, ...(opts.scopeField ? { scopeField: opts.scopeField } : {}), ...(opts.scopeValue ? { scopeValue: opts.scopeValue } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: opts.limit ?? 200,
  });
}

/** What evidence points to, looked up within the project: a title or quote to show, or nothing when gone. */
export async function evidenceTargets(
  db: DbClient,
  projectId: string,
  refs: { kind: string; targetId: string }[],
): Promise<Map<string, { label: string; documentId: string | null; start: number | null; end: number | null }>> {
  const ids = (kind: string) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.targetId))];
  const docIds = [...new Set([...ids("document"), ...ids("passage")])];
  const [codings, documents, memos] = await Promise.all([
    ids("coding").length
      ? db.coding.findMany({
          where: { projectId, id: { in: ids("coding") } },
          select: { id: true, quote: true, documentId: true, start: true, end: true, code: { select: { shortName: true } } },
        })
      : [],
    docIds.length ? db.document.findMany({ where: { projectId, id: { in: docIds } }, select: { id: true, title: true } }) : [],
    ids("memo").length ? db.memo.findMany({ where: { projectId, id: { in: ids("memo") } }, select: { id: true, title: true, body: true } }) : [],
  ]);
  const out = new Map<string, { label: string; documentId: string | null; start: number | null; end: number | null }>();
  for (const c of codings) out.set(`coding:${c.id}`, { label: `${c.code.shortName} “${c.quote}”`, documentId: c.documentId, start: c.start, end: c.end });
  for (const d of documents) {
    out.set(`document:${d.id}`, { label: d.title, documentId: d.id, start: null, end: null });
    out.set(`passage:${d.id}`, { label: d.title, documentId: d.id, start: null, end: null });
  }
  for (const m of memos) out.set(`memo:${m.id}`, { label: m.title || m.body.slice(0, 80), documentId: null, start: null, end: null });
  return out;
}

/** A document's text between two code points (for passage evidence), or null when the document is gone. */
export async function documentText(db: DbClient, projectId: string, documentId: string): Promise<string | null> {
  const d = await db.document.findFirst({ where: { id: documentId, projectId }, select: { plainText: true } });
  return d?.plainText ?? null;
}

/** Document fields a periods grouping may use, as SQL column names (never user text in SQL). */
const SCOPE_COLUMNS: Record<string, string> = { region: '"region"', province: '"province"', city: '"city"' };

function scopeColumn(field: string): Prisma.Sql {
  const col = SCOPE_COLUMNS[field];
  if (!col) throw new Error(`unknown grouping field ${field}`);
  return Prisma.raw(`d.${col}`);
}

/** Documents and characters per year of one grouping (documents without a year are left out). */
export async function documentsPerYear(db: DbClient, k: ScopeKey): Promise<{ year: number; documents: number; chars: number }[]> {
  const rows = await db.$queryRaw<{ year: number | bigint; documents: number | bigint; chars: number | bigint | null }[]>(Prisma.sql`
    SELECT d."year" AS "year", COUNT(*) AS "documents", SUM(d."charCount") AS "chars"
    FROM "Document" d
    WHERE d."projectId" = ${k.projectId} AND ${scopeColumn(k.scopeField)} = ${k.scopeValue} AND d."year" IS NOT NULL
    GROUP BY d."year"
    ORDER BY d."year"`);
  return rows.map((r) => ({ year: Number(r.year), documents: Number(r.documents), chars: Number(r.chars ?? 0) }));
}

/**
 * The codings of a grouping's dated documents, with each document's year: one pass over the
 * codings through their project index, no unit join (the units they overlap are found in
 * memory, see sentenceSpans).
 */
export async function codingsWithYear(db: DbClient, k: ScopeKey): Promise<{ codeId: string; documentId: string; start: number; end: number; year: number }[]> {
  const rows = await db.$queryRaw<{ codeId: string; documentId: string; start: number | bigint; end: number | bigint; year: number | bigint }[]>(Prisma.sql`
    SELECT c."codeId" AS "codeId", c."documentId" AS "documentId", c."start" AS "start", c."end" AS "end", d."year" AS "year"
    FROM "Coding" c
    JOIN "Document" d ON d."id" = c."documentId"
    WHERE c."projectId" = ${k.projectId} AND ${scopeColumn(k.scopeField)} = ${k.scopeValue} AND d."year" IS NOT NULL`);
  return rows.map((r) => ({ codeId: r.codeId, documentId: r.documentId, start: Number(r.start), end: Number(r.end), year: Number(r.year) }));
}

/** Sentence spans of the given documents, in document and text order (the unit index holds them). */
export async function sentenceSpans(db: DbClient, documentIds: string[]): Promise<{ documentId: string; start: number; end: number }[]> {
  if (documentIds.length === 0) return [];
  return db.unit.findMany({
    where: { documentId: { in: documentIds }, kind: "sentence" },
    select: { documentId: true, start: true, end: true },
    orderBy: [{ documentId: "asc" }, { start: "asc" }],
  });
}

/** Codings of the given codes in one year's documents of a grouping (a suggestion's passages), longest first. */
export function codingsInYear(db: DbClient, k: ScopeKey, year: number, codeIds: string[], limit: number) {
  return db.coding.findMany({
    where: { projectId: k.projectId, codeId: { in: codeIds }, document: { year, [k.scopeField]: k.scopeValue } },
    select: { id: true, documentId: true, start: true, end: true, quote: true, code: { select: { shortName: true } }, document: { select: { title: true } } },
    orderBy: [{ documentId: "asc" }, { start: "asc" }],
    take: limit,
  });
}

/** Documents of a project with the fields periods group by (for the periods page's grouping list and evidence picker). */
export function periodDocuments(db: DbClient, projectId: string) {
  return db.document.findMany({
    where: { projectId },
    select: { id: true, title: true, year: true, region: true, province: true, city: true },
    orderBy: [{ year: "asc" }, { title: "asc" }],
  });
}
