/**
 * Queries of word frequencies: the stored jieba tokens of the sentence units in an analysis
 * scope, and a project's edits of the stop-word list. Tokens are counted in JavaScript: the
 * column is a U+001F-delimited string, and splitting it in SQL needs functions that differ
 * between SQLite and PostgreSQL. The SQL is standard and runs unchanged on both. Whole-document
 * scopes read each document's cached word counts (DocumentWordCounts) instead of its tokens.
 */
import { Prisma } from "./generated/client";
import { codingConditions, codingTable, documentConditions, type AnalysisScopeSql } from "./analysis";
import type { DbClient } from "./shared";

export type WordUnitRow = { id: string; documentId: string; start: number; end: number; tokens: string };

/**
 * Sentence units of the documents in scope. With `scope.codeIds`, only units that a coding
 * of one of those codes (by the scope's coders) touches — EXISTS, so a unit coded twice is
 * read once. The coding's start is bounded by the longest coding for the (documentId, start) index.
 */
export async function queryWordUnits(db: DbClient, scope: AnalysisScopeSql): Promise<WordUnitRow[]> {
  const conds = [...documentConditions(scope), Prisma.sql`u."kind" = 'sentence'`];
  if (scope.codeIds) {
    const longest = scope.consensus
      ? [{ m: scope.consensus.maxLength }]
      : await db.$queryRaw<{ m: number | bigint | null }[]>(Prisma.sql`
      SELECT MAX(c."end" - c."start") AS "m" FROM "Coding" c WHERE c."projectId" = ${scope.projectId}`);
    const bound = Number(longest[0]?.m ?? 0);
    conds.push(Prisma.sql`EXISTS (SELECT 1 FROM ${codingTable(scope)} c WHERE c."documentId" = u."documentId"
      AND c."start" < u."end" AND c."end" > u."start" AND c."start" > u."start" - ${bound}
      AND ${Prisma.join(codingConditions(scope, "c"), " AND ")})`);
  }
  type Row = Omit<WordUnitRow, "start" | "end"> & { start: number | bigint; end: number | bigint };
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT u."id" AS "id", u."documentId" AS "documentId", u."start" AS "start", u."end" AS "end", u."tokens" AS "tokens"
    FROM "Unit" u JOIN "Document" d ON d."id" = u."documentId"
    WHERE ${Prisma.join(conds, " AND ")}
    ORDER BY u."documentId", u."start"`);
  return rows.map((r) => ({ ...r, start: Number(r.start), end: Number(r.end) }));
}

/** A document in a whole-document scope with its cached word counts (`counts` null: not counted yet). */
export type DocumentWordCountRow = { documentId: string; units: number | null; counts: string | null };

/**
 * The documents of a scope's filters (codes, coders and searches are the caller's concern:
 * it asks only for scopes that take whole documents) with their DocumentWordCounts rows.
 */
export async function queryDocumentWordCounts(db: DbClient, scope: AnalysisScopeSql): Promise<DocumentWordCountRow[]> {
  type Row = { documentId: string; units: number | bigint | null; counts: string | null };
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT d."id" AS "documentId", w."units" AS "units", w."counts" AS "counts"
    FROM "Document" d LEFT JOIN "DocumentWordCounts" w ON w."documentId" = d."id"
    WHERE ${Prisma.join(documentConditions(scope), " AND ")}
    ORDER BY d."id"`);
  return rows.map((r) => ({ documentId: r.documentId, units: r.units === null ? null : Number(r.units), counts: r.counts }));
}

/** The ids of the documents a scope's filters select. */
export async function queryScopeDocumentIds(db: DbClient, scope: AnalysisScopeSql): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT d."id" AS "id" FROM "Document" d WHERE ${Prisma.join(documentConditions(scope), " AND ")}`);
  return rows.map((r) => r.id);
}

/** Documents per query when reading tokens by id: far below both databases' parameter limits. */
const IDS_PER_QUERY = 200;

/** The tokens of these documents' sentence units, ordered by document and position. */
export async function queryDocumentTokens(db: DbClient, documentIds: readonly string[]): Promise<Pick<WordUnitRow, "documentId" | "tokens">[]> {
  const out: Pick<WordUnitRow, "documentId" | "tokens">[] = [];
  const sorted = [...documentIds].sort();
  for (let i = 0; i < sorted.length; i += IDS_PER_QUERY) {
    const ids = sorted.slice(i, i + IDS_PER_QUERY);
    const rows = await db.$queryRaw<Pick<WordUnitRow, "documentId" | "tokens">[]>(Prisma.sql`
      SELECT u."documentId" AS "documentId", u."tokens" AS "tokens" FROM "Unit" u
      WHERE u."documentId" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}`))}) AND u."kind" = 'sentence'
      ORDER BY u."documentId", u."start"`);
    for (const r of rows) out.push(r);
  }
  return out;
}

/**
 * Stores documents' word counts. Two requests may count the same document at once: the
 * second insert of a row does nothing (ON CONFLICT, on both databases), and a document deleted
 * meanwhile gets no row (the EXISTS), so filling the cache never fails a query.
 */
export async function insertDocumentWordCounts(db: DbClient, rows: readonly { documentId: string; units: number; counts: string }[]): Promise<void> {
  for (const r of rows) {
    await db.$executeRaw(Prisma.sql`
      INSERT INTO "DocumentWordCounts" ("documentId", "units", "counts")
      SELECT CAST(${r.documentId} AS TEXT), CAST(${r.units} AS INTEGER), CAST(${r.counts} AS TEXT)
      WHERE EXISTS (SELECT 1 FROM "Document" d WHERE d."id" = ${r.documentId})
      ON CONFLICT ("documentId") DO NOTHING`);
  }
}

export type StopWordEditRow = { word: string; removed: boolean };

export function listStopWordEdits(db: DbClient, projectId: string): Promise<StopWordEditRow[]> {
  return db.projectStopWord.findMany({ where: { projectId }, select: { word: true, removed: true }, orderBy: { word: "asc" } });
}

/** Records words as added (`removed` false) or taken off (true); a later edit of a word replaces the earlier. */
export async function upsertStopWordEdits(db: DbClient, projectId: string, words: string[], removed: boolean): Promise<void> {
  for (const word of words) {
    await db.projectStopWord.upsert({
      where: { projectId_word: { projectId, word } },
      create: { projectId, word, removed },
      update: { removed },
    });
  }
}

/** Forgets a project's edits of these words (back to the built-in list). */
export async function deleteStopWordEdits(db: DbClient, projectId: string, words: string[]): Promise<void> {
  if (words.length > 0) await db.projectStopWord.deleteMany({ where: { projectId, word: { in: words } } });
}
