import { visibleCodingWhere, type BlindScope } from "./rounds";
import { bulkFindDocumentBySha, bulkInsertDocument } from "./bulk";
import { databaseUrlOf, type Db } from "./client";
import { Prisma } from "./generated/client";
import type { DbClient } from "./shared";

/** Columns of a document without its text: what lists and tables show. */
const summarySelect = {
  id: true,
  projectId: true,
  title: true,
  region: true,
  province: true,
  city: true,
  issuer: true,
  level: true,
  docType: true,
  year: true,
  date: true,
  language: true,
  sourceRef: true,
  originalFilename: true,
  format: true,
  encoding: true,
  sha256: true,
  charCount: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.DocumentSelect;

export type DocumentRow = Prisma.DocumentGetPayload<{ select: typeof summarySelect }>;

export type DocumentSummary = DocumentRow & {
  paragraphCount: number;
  sentenceCount: number;
  codingCount: number;
};

export type NewDocumentRow = Omit<DocumentRow, "id" | "createdAt" | "updatedAt" | "version"> & {
  plainText: string;
};

export type NewUnitRow = {
  kind: "paragraph" | "sentence";
  ordinal: number;
  paragraph: number;
  start: number;
  end: number;
  tokens: string;
};

export type DocumentFilter = {
  region?: string;
  province?: string;
  city?: string;
  year?: number;
  docType?: string;
  level?: string;
  q?: string;
};

export type DocumentSortField =
  | "title"
  | "region"
  | "province"
  | "city"
  | "year"
  | "docType"
  | "level"
  | "charCount"
  | "createdAt";

/** Same bytes already in the project? Runs before every import, so it takes the fast path. */
export async function findDocumentBySha(db: Db, projectId: string, sha256: string) {
  return bulkFindDocumentBySha(databaseUrlOf(db), projectId, sha256);
}

/**
 * Inserts a document and all its units in ONE transaction: a failure anywhere
 * (constraint, disk, process) leaves no half document behind.
 */
export async function insertDocumentWithUnits(db: Db, doc: NewDocumentRow, units: NewUnitRow[]) {
  const id = await bulkInsertDocument(databaseUrlOf(db), doc, units);
  return { id };
}

function whereOf(projectId: string, f: DocumentFilter): Prisma.DocumentWhereInput {
  return {
    projectId,
    ...(f.region ? { region: f.region } : {}),
    ...(f.province ? { province: f.province } : {}),
    ...(f.city ? { city: f.city } : {}),
    ...(f.year !== undefined ? { year: f.year } : {}),
    ...(f.docType ? { docType: f.docType } : {}),
    ...(f.level ? { level: f.level } : {}),
    ...(f.q ? { OR: [{ title: { contains: f.q } }, { originalFilename: { contains: f.q } }] } : {}),
  };
}

export async function selectDocumentSummaries(
  db: Db,
  projectId: string,
  opts: { filter: DocumentFilter; sort: DocumentSortField; dir: "asc" | "desc"; blind?: BlindScope },
): Promise<DocumentSummary[]> {
  const { filter, sort, dir } = opts;
  const docs = await db.document.findMany({
    where: whereOf(projectId, filter),
    select: summarySelect,
    orderBy: [{ [sort]: dir }, { title: "asc" }],
  });
  if (docs.length === 0) return [];
  const ids = docs.map((d) => d.id);
  const [units, codings] = await Promise.all([
    db.unit.groupBy({ by: ["documentId", "kind"], where: { documentId: { in: ids } }, _count: { _all: true } }),
    db.coding.groupBy({ by: ["documentId"], where: { documentId: { in: ids }, ...visibleCodingWhere(opts.blind ?? null) }, _count: { _all: true } }),
  ]);
  const unitCount = new Map(units.map((u) => [`${u.documentId}:${u.kind}`, u._count._all]));
  const codingCount = new Map(codings.map((c) => [c.documentId, c._count._all]));
  return docs.map((d) => ({
    ...d,
    paragraphCount: unitCount.get(`${d.id}:paragraph`) ?? 0,
    sentenceCount: unitCount.get(`${d.id}:sentence`) ?? 0,
    codingCount: codingCount.get(d.id) ?? 0,
  }));
}

export async function selectDocumentSummary(db: Db, id: string): Promise<DocumentSummary | null> {
  const doc = await db.document.findUnique({ where: { id }, select: summarySelect });
  if (!doc) return null;
  const [paragraphCount, sentenceCount, codingCount] = await Promise.all([
    db.unit.count({ where: { documentId: id, kind: "paragraph" } }),
    db.unit.count({ where: { documentId: id, kind: "sentence" } }),
    db.coding.count({ where: { documentId: id } }),
  ]);
  return { ...doc, paragraphCount, sentenceCount, codingCount };
}

// ---------------------------------------------------------------- the document's text
// The one place that reads Document.plainText: whole texts for the code that needs them all
// (anchoring, KWIC), and spans cut in SQL for the code that needs a few passages.

export type DocumentTextRow = { id: string; projectId: string; plainText: string };

const textSelect = { id: true, projectId: true, plainText: true } satisfies Prisma.DocumentSelect;

export function findDocumentText(db: DbClient, id: string): Promise<DocumentTextRow | null> {
  return db.document.findUnique({ where: { id }, select: textSelect });
}

export function findDocumentTexts(db: DbClient, ids: readonly string[]): Promise<DocumentTextRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.document.findMany({ where: { id: { in: [...ids] } }, select: textSelect });
}

export type TextSpan = { documentId: string; start: number; end: number };
export type TextSpanRow = TextSpan & { projectId: string; title: string; text: string; charCount: number };

/** Spans per statement: SQLite caps a compound SELECT at 500 terms (SQLITE_MAX_COMPOUND_SELECT). */
const SPANS_PER_QUERY = 200;

/**
 * Reads spans of stored texts, each cut by SQL `substr` to at most `maxLength` code points
 * (substr counts code points on SQLite and PostgreSQL alike, like our offsets), so a memo
 * list quoting ten passages never loads ten whole documents. One query per 200 spans;
 * results in input order; spans of missing documents are absent.
 */
export async function selectTextSpans(
  db: DbClient,
  opts: { spans: readonly TextSpan[]; maxLength: number },
): Promise<TextSpanRow[]> {
  const out: TextSpanRow[] = [];
  for (let from = 0; from < opts.spans.length; from += SPANS_PER_QUERY) {
    const chunk = opts.spans.slice(from, from + SPANS_PER_QUERY);
    // The wanted spans as a derived table; CASTs give the parameters a type on PostgreSQL.
    const wanted = Prisma.join(
      chunk.map(
        (s, i) =>
          Prisma.sql`SELECT CAST(${i} AS INTEGER) AS "i", CAST(${s.documentId} AS TEXT) AS "documentId", CAST(${s.start} AS INTEGER) AS "start", CAST(${s.end} AS INTEGER) AS "end"`,
      ),
      " UNION ALL ",
    );
    const rows = await db.$queryRaw<
      { documentId: string; projectId: string; title: string; start: number | bigint; end: number | bigint; text: string | null; charCount: number | bigint }[]
    >(Prisma.sql`
      SELECT w."documentId", d."projectId", d."title", w."start", w."end", d."charCount",
        substr(d."plainText", w."start" + 1, CASE WHEN w."end" - w."start" < ${opts.maxLength} THEN w."end" - w."start" ELSE ${opts.maxLength} END) AS "text"
      FROM (${wanted}) w JOIN "Document" d ON d."id" = w."documentId"
      ORDER BY w."i"`);
    for (const r of rows) {
      out.push({
        documentId: r.documentId,
        projectId: r.projectId,
        title: r.title,
        start: Number(r.start),
        end: Number(r.end),
        text: r.text ?? "",
        charCount: Number(r.charCount),
      });
    }
  }
  return out;
}

export async function selectDocumentUnits(db: Db, documentId: string) {
  return db.unit.findMany({
    where: { documentId },
    select: { id: true, kind: true, ordinal: true, paragraph: true, start: true, end: true },
    orderBy: [{ kind: "asc" }, { ordinal: "asc" }],
  });
}

export async function selectFacets(db: Db, projectId: string) {
  const rows = await db.document.findMany({
    where: { projectId },
    select: { region: true, province: true, city: true, year: true, docType: true, level: true },
  });
  const distinct = <T>(values: T[]) =>
    [...new Set(values.filter((v) => v !== null && v !== ""))].sort() as Exclude<T, null>[];
  return {
    regions: distinct(rows.map((r) => r.region)),
    provinces: distinct(rows.map((r) => r.province)),
    cities: distinct(rows.map((r) => r.city)),
    years: distinct(rows.map((r) => r.year)),
    docTypes: distinct(rows.map((r) => r.docType)),
    levels: distinct(rows.map((r) => r.level)),
  };
}

/**
 * Compare-and-set on the version: the update applies only if nobody changed the
 * document since the editor loaded it. Returns false when the version was stale.
 */
export async function updateDocumentIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  data: Prisma.DocumentUpdateManyMutationInput,
): Promise<boolean> {
  const res = await db.document.updateMany({
    where: { id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  return res.count === 1;
}

export async function documentExists(db: Db, id: string): Promise<boolean> {
  return (await db.document.count({ where: { id } })) > 0;
}

export async function deleteDocumentById(db: Db, id: string) {
  await db.document.delete({ where: { id } });
}

export function findDocumentsBrief(
  db: DbClient,
  ids: string[],
): Promise<{ id: string; projectId: string; charCount: number }[]> {
  return db.document.findMany({ where: { id: { in: ids } }, select: { id: true, projectId: true, charCount: true } });
}

/** Titles of the project's documents that memos point at. */
export function findDocumentTitles(db: DbClient, projectId: string, ids: readonly string[]): Promise<{ id: string; title: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.document.findMany({ where: { projectId, id: { in: [...ids] } }, select: { id: true, title: true } });
}
