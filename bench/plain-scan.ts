/**
 * The benchmark's floor for search (bench/search.ts, tests/search): a plain SQL scan kept out
 * of lib/ because the product never runs it.
 */
import type { Db } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/client";
import { likeContains } from "../lib/db/search";

export type PlainScanResult = {
  documents: { documentId: string; title: string; count: number }[];
  total: number;
};

/**
 * The plain SQL scan the benchmark measures search against: every document whose text
 * contains `term`, with its occurrence count (non-overlapping) from length/replace, which
 * unlike instr() is standard on SQLite and PostgreSQL alike.
 */
export async function plainScanBaseline(db: Db, projectId: string, term: string): Promise<PlainScanResult> {
  if (term.length === 0) return { documents: [], total: 0 };
  const rows = await db.$queryRaw<{ id: string; title: string; n: number | bigint }[]>(Prisma.sql`
    SELECT d."id", d."title",
      (length(d."plainText") - length(replace(d."plainText", ${term}, ''))) / length(${term}) AS "n"
    FROM "Document" d
    WHERE d."projectId" = ${projectId} AND d."plainText" LIKE ${likeContains(term)} ESCAPE '\\'
    ORDER BY d."id"`);
  const documents = rows
    .map((r) => ({ documentId: r.id, title: r.title, count: Number(r.n) }))
    .filter((r) => r.count > 0);
  return { documents, total: documents.reduce((s, r) => s + r.count, 0) };
}
