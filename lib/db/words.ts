/**
 * Queries of word frequencies: the stored jieba tokens of the sentence units in an analysis
 * scope, and a project's edits of the stop-word list. Tokens are counted in JavaScript: the
 * column is a U+001F-delimited string, and splitting it in SQL needs functions that differ
 * between SQLite and PostgreSQL. The SQL is standard and runs unchanged on both.
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
