/**
 * Query functions of the coding context: codings, the reader's rows, and the lookups the
 * coding rules need (document text, code, units). Only Prisma calls live here; rules and
 * messages live in lib/coding/. Portable Prisma, plus one raw query on the coding write path
 * written in SQL that SQLite and PostgreSQL both run (quoted identifiers, substr). Functions
 * take `DbClient` so the domain can compose them inside one transaction.
 */
export { type DbTx, type DbClient, inTransaction, isUniqueViolation, projectExists } from "./shared";
import { randomUUID } from "node:crypto";
import { databaseUrlOf, type Db } from "./client";
import { insertCodingWithEvent, type CodingInsertRow } from "./bulk";
import type { DbClient } from "./shared";
import { Prisma } from "./generated/client";
import { auditRowOf, type NewAuditEvent } from "./audit";



// ---------------------------------------------------------------- lookups

// The document's text is read in one place (lib/db/documents.ts); re-exported for the coding rules.
export { findDocumentText, findDocumentTexts, type DocumentTextRow } from "./documents";

export function findDocumentProject(db: DbClient, documentId: string): Promise<{ id: string; projectId: string } | null> {
  return db.document.findUnique({ where: { id: documentId }, select: { id: true, projectId: true } });
}

export type CodeBriefRow = {
  id: string;
  projectId: string;
  shortName: string;
  labelZh: string;
  labelEn: string;
  color: string;
};

const codeBriefSelect = {
  id: true,
  projectId: true,
  shortName: true,
  labelZh: true,
  labelEn: true,
  color: true,
} satisfies Prisma.CodeSelect;

export function findCodeBrief(db: DbClient, codeId: string): Promise<CodeBriefRow | null> {
  return db.code.findUnique({ where: { id: codeId }, select: codeBriefSelect });
}

export type CodingTargetsRow = {
  documentId: string;
  projectId: string;
  /** Code points of the whole plainText. */
  charCount: number;
  /** plainText from code point `windowStart`, at most `windowEnd - windowStart` code points. */
  window: string;
  code: CodeBriefRow | null;
  /** null when no user has this name yet. */
  coderId: string | null;
};

type CodingTargetsSqlRow = {
  documentId: string;
  projectId: string;
  charCount: number | bigint;
  window: string;
  codeId: string | null;
  codeProjectId: string | null;
  shortName: string | null;
  labelZh: string | null;
  labelEn: string | null;
  color: string | null;
  coderId: string | null;
};

/**
 * Everything a new coding is checked against, in one round trip: the document's project
 * and length, only the stretch of its text the coding stores (SQL substr counts code
 * points in SQLite and PostgreSQL alike, so the whole plainText never leaves the
 * database), the code, and the coder's id. null when the document does not exist.
 */
export async function findCodingTargets(
  db: DbClient,
  q: { documentId: string; codeId: string; coderName: string; windowStart: number; windowEnd: number },
): Promise<CodingTargetsRow | null> {
  const rows = await db.$queryRaw<CodingTargetsSqlRow[]>(Prisma.sql`
    SELECT d."id" AS "documentId", d."projectId" AS "projectId", d."charCount" AS "charCount",
      substr(d."plainText", ${q.windowStart + 1}, ${q.windowEnd - q.windowStart}) AS "window",
      c."id" AS "codeId", c."projectId" AS "codeProjectId", c."shortName" AS "shortName",
      c."labelZh" AS "labelZh", c."labelEn" AS "labelEn", c."color" AS "color",
      u."id" AS "coderId"
    FROM "Document" d
    LEFT JOIN "Code" c ON c."id" = ${q.codeId}
    LEFT JOIN "User" u ON u."name" = ${q.coderName}
    WHERE d."id" = ${q.documentId}`);
  const r = rows[0];
  if (!r) return null;
  const code =
    r.codeId === null || r.codeProjectId === null
      ? null
      : {
          id: r.codeId,
          projectId: r.codeProjectId,
          shortName: r.shortName ?? "",
          labelZh: r.labelZh ?? "",
          labelEn: r.labelEn ?? "",
          color: r.color ?? "",
        };
  return {
    documentId: r.documentId,
    projectId: r.projectId,
    charCount: Number(r.charCount),
    window: r.window,
    code,
    coderId: r.coderId,
  };
}

export type UnitWithProjectRow = {
  id: string;
  documentId: string;
  kind: string;
  start: number;
  end: number;
  document: { projectId: string };
};

export function findUnitsByIds(db: DbClient, unitIds: string[]): Promise<UnitWithProjectRow[]> {
  return db.unit.findMany({
    where: { id: { in: unitIds } },
    select: {
      id: true,
      documentId: true,
      kind: true,
      start: true,
      end: true,
      document: { select: { projectId: true } },
    },
  });
}

// ---------------------------------------------------------------- codings

const codingSelect = {
  id: true,
  projectId: true,
  documentId: true,
  codeId: true,
  coderId: true,
  start: true,
  end: true,
  quote: true,
  prefix: true,
  suffix: true,
  comment: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  code: { select: { shortName: true, labelZh: true, labelEn: true, color: true } },
  coder: { select: { name: true } },
} satisfies Prisma.CodingSelect;

export type CodingJoinedRow = Prisma.CodingGetPayload<{ select: typeof codingSelect }>;

/** A coding with its code's display fields and its coder's name, flat. */
export type CodingView = {
  id: string;
  projectId: string;
  documentId: string;
  codeId: string;
  shortName: string;
  labelZh: string;
  labelEn: string;
  color: string;
  coderId: string;
  coder: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  comment: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

function toView(r: CodingJoinedRow): CodingView {
  return {
    id: r.id,
    projectId: r.projectId,
    documentId: r.documentId,
    codeId: r.codeId,
    shortName: r.code.shortName,
    labelZh: r.code.labelZh,
    labelEn: r.code.labelEn,
    color: r.code.color,
    coderId: r.coderId,
    coder: r.coder.name,
    start: r.start,
    end: r.end,
    quote: r.quote,
    prefix: r.prefix,
    suffix: r.suffix,
    comment: r.comment,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function findCodingView(db: DbClient, codingId: string): Promise<CodingView | null> {
  const r = await db.coding.findUnique({ where: { id: codingId }, select: codingSelect });
  return r ? toView(r) : null;
}

/**
 * Every coding of a document in text order (only `onlyCoderId`'s when given: a blind round);
 * relations load in one query per table (no N+1).
 */
/**
 * A document's codings with their codes' display fields and coders' names, in text order.
 * One SQL join rather than Prisma's nested selects, which load the relations in further
 * queries and merge them in JavaScript: ~26 → ~11 ms for 2,000 codings, and the reader page
 * and every coder's live-view poll read this list.
 */
export async function listCodingViewsForDocument(db: DbClient, documentId: string, onlyCoderId?: string): Promise<CodingView[]> {
  type Row = Omit<CodingView, "start" | "end" | "version"> & { start: number | bigint; end: number | bigint; version: number | bigint };
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT c.id, c."projectId", c."documentId", c."codeId", k."shortName", k."labelZh", k."labelEn", k.color,
           c."coderId", u.name AS coder, c.start, c."end", c.quote, c.prefix, c.suffix, c.comment, c.version,
           c."createdAt", c."updatedAt"
    FROM "Coding" c
    JOIN "Code" k ON k.id = c."codeId"
    JOIN "User" u ON u.id = c."coderId"
    WHERE c."documentId" = ${documentId} ${onlyCoderId ? Prisma.sql`AND c."coderId" = ${onlyCoderId}` : Prisma.empty}
    ORDER BY c.start, c."end", c."createdAt"`);
  return rows.map((r) => ({ ...r, start: Number(r.start), end: Number(r.end), version: Number(r.version), createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) }));
}

export type SpanKey = { documentId: string; codeId: string; start: number; end: number; coderId: string };

/** A coding with exactly this document, code, span and coder (optionally other than `excludeId`). */
export function findIdenticalCoding(
  db: DbClient,
  key: SpanKey,
  excludeId?: string,
): Promise<{ id: string; version: number } | null> {
  return db.coding.findFirst({
    where: { ...key, ...(excludeId ? { id: { not: excludeId } } : {}) },
    select: { id: true, version: true },
  });
}

/** Spans already coded with `codeId` by `coderId` in these documents (to skip duplicates in bulk). */
export function listCoderSpans(
  db: DbClient,
  codeId: string,
  coderId: string,
  documentIds: string[],
): Promise<{ documentId: string; start: number; end: number }[]> {
  return db.coding.findMany({
    where: { codeId, coderId, documentId: { in: documentIds } },
    select: { documentId: true, start: true, end: true },
  });
}

/** A validated coding before its id is chosen: the row lib/db/bulk.ts inserts, without the id. */
export type NewCodingRow = Omit<CodingInsertRow, "id">;

/**
 * Inserts one coding and its audit event in one transaction, through lib/db/bulk.ts (the
 * coding write path stays two round trips: the read that validates, then this). The ids are
 * chosen here so the event can name the coding.
 */
export async function insertCodingAudited(
  db: Db,
  data: NewCodingRow,
  display: { code: Pick<CodeBriefRow, "shortName" | "labelZh" | "labelEn" | "color">; coder: string },
  event: (codingId: string) => NewAuditEvent,
): Promise<CodingView> {
  const id = randomUUID();
  const at = await insertCodingWithEvent(databaseUrlOf(db), { id, ...data }, auditRowOf(event(id), randomUUID()));
  const { shortName, labelZh, labelEn, color } = display.code;
  return { ...data, id, version: 1, createdAt: at, updatedAt: at, shortName, labelZh, labelEn, color, coder: display.coder };
}

/** Many codings in one statement (Prisma chunks it to the driver's limits); returned in input order. */
export async function insertCodings(db: DbClient, rows: NewCodingRow[]): Promise<CodingView[]> {
  if (rows.length === 0) return [];
  const created = await db.coding.createManyAndReturn({ data: rows, select: codingSelect });
  // RETURNING order is not promised by SQL: put the views back in input order.
  const key = (r: { documentId: string; codeId: string; coderId: string; start: number; end: number }) =>
    `${r.documentId}\u0000${r.codeId}\u0000${r.coderId}\u0000${r.start}\u0000${r.end}`;
  const queues = new Map<string, CodingView[]>();
  for (const c of created) {
    const q = queues.get(key(c));
    if (q) q.push(toView(c));
    else queues.set(key(c), [toView(c)]);
  }
  return rows.map((r) => queues.get(key(r))!.shift()!);
}

/** The stored row with its document's text (for resizing and re-coding). */
export function findCodingForUpdate(db: DbClient, codingId: string) {
  return db.coding.findUnique({
    where: { id: codingId },
    select: {
      id: true,
      projectId: true,
      documentId: true,
      codeId: true,
      coderId: true,
      start: true,
      end: true,
      quote: true,
      comment: true,
      version: true,
      code: { select: { shortName: true } },
      coder: { select: { name: true } },
      document: { select: { plainText: true } },
    },
  });
}

export type CodingPatchRow = Partial<
  Pick<NewCodingRow, "codeId" | "start" | "end" | "quote" | "prefix" | "suffix" | "comment">
>;

/** Applies the patch only if the row still has `expectedVersion`; returns the rows changed (0 or 1). */
export async function updateCodingIfVersion(
  db: DbClient,
  codingId: string,
  expectedVersion: number,
  data: CodingPatchRow,
): Promise<number> {
  const r = await db.coding.updateMany({
    where: { id: codingId, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  return r.count;
}

/** Deletes the row only if it still has `version`; returns the rows deleted (0 = missing or stale). */
export async function deleteCodingAtVersion(db: DbClient, opts: { id: string; version: number }): Promise<number> {
  const r = await db.coding.deleteMany({ where: { id: opts.id, version: opts.version } });
  return r.count;
}

// ---------------------------------------------------------------- reader

const readerDocumentSelect = {
  id: true,
  projectId: true,
  title: true,
  region: true,
  province: true,
  city: true,
  year: true,
  docType: true,
  level: true,
  charCount: true,
  version: true,
  plainText: true,
} satisfies Prisma.DocumentSelect;

export type ReaderDocumentRow = Prisma.DocumentGetPayload<{ select: typeof readerDocumentSelect }>;

export function findReaderDocument(db: DbClient, documentId: string): Promise<ReaderDocumentRow | null> {
  return db.document.findUnique({ where: { id: documentId }, select: readerDocumentSelect });
}

export type SentenceRow = { id: string; ordinal: number; paragraph: number; start: number; end: number };

/** A document's sentences in order; with `startsBefore`, only those starting before that code point. */
export function listSentenceUnits(db: DbClient, documentId: string, opts: { startsBefore?: number } = {}): Promise<SentenceRow[]> {
  return db.unit.findMany({
    where: { documentId, kind: "sentence", ...(opts.startsBefore === undefined ? {} : { start: { lt: opts.startsBefore } }) },
    select: { id: true, ordinal: true, paragraph: true, start: true, end: true },
    orderBy: { ordinal: "asc" },
  });
}

// ---------------------------------------------------------------- codings (as seen by the codebook)

export type CodingSpan = {
  id: string;
  codeId: string;
  documentId: string;
  coderId: string;
  start: number;
  end: number;
  comment: string;
};

export function listCodingSpansOfCodes(db: DbClient, codeIds: string[]): Promise<CodingSpan[]> {
  return db.coding.findMany({
    where: { codeId: { in: codeIds } },
    select: { id: true, codeId: true, documentId: true, coderId: true, start: true, end: true, comment: true },
    orderBy: [{ documentId: "asc" }, { start: "asc" }, { id: "asc" }],
  });
}

export function countCodingsOfCodes(db: DbClient, codeIds: string[]): Promise<number> {
  if (codeIds.length === 0) return Promise.resolve(0);
  return db.coding.count({ where: { codeId: { in: codeIds } } });
}

/** How many codings each of these codes has (codes without any are absent). */
export async function countCodingsPerCode(db: DbClient, codeIds: string[]): Promise<Map<string, number>> {
  if (codeIds.length === 0) return new Map();
  const rows = await db.coding.groupBy({ by: ["codeId"], where: { codeId: { in: codeIds } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.codeId, r._count._all]));
}

/** Moves codings to another code, bumping their version so an editor holding the old one is refused. */
export async function reassignCodings(db: DbClient, codingIds: string[], codeId: string): Promise<number> {
  if (codingIds.length === 0) return 0;
  const r = await db.coding.updateMany({
    where: { id: { in: codingIds } },
    data: { codeId, version: { increment: 1 } },
  });
  return r.count;
}

export async function deleteCodingsByIds(db: DbClient, codingIds: string[]): Promise<number> {
  if (codingIds.length === 0) return 0;
  const r = await db.coding.deleteMany({ where: { id: { in: codingIds } } });
  return r.count;
}

export async function deleteCodingsOfCodes(db: DbClient, codeIds: string[]): Promise<number> {
  if (codeIds.length === 0) return 0;
  const r = await db.coding.deleteMany({ where: { codeId: { in: codeIds } } });
  return r.count;
}

export async function setCodingComment(db: DbClient, codingId: string, comment: string): Promise<void> {
  await db.coding.update({ where: { id: codingId }, data: { comment, version: { increment: 1 } } });
}

export function findCodingBrief(db: DbClient, id: string): Promise<{ id: string; projectId: string } | null> {
  return db.coding.findUnique({ where: { id }, select: { id: true, projectId: true } });
}

/**
 * What changes whenever a document's codings change (a coding added, edited or removed): the
 * count, the latest edit and the sum of versions. Cheap enough for readers to poll.
 */
export async function documentCodingsFingerprint(db: DbClient, documentId: string, onlyCoderId?: string): Promise<string> {
  const where = { documentId, ...(onlyCoderId ? { coderId: onlyCoderId } : {}) };
  const a = await db.coding.aggregate({ where, _count: { _all: true }, _max: { updatedAt: true }, _sum: { version: true } });
  return `${a._count._all}.${a._max.updatedAt?.getTime() ?? 0}.${a._sum.version ?? 0}`;
}
