import { codeFrequencies, cooccurrence, findPassages, mismatchMatrix, wordFrequencies } from "../lib/analysis";
import type { Db } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/client";
import { ms, quantile, type Figure } from "./util";

const RUNS = 5;

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(ms(t));
  }
  return quantile(times.sort((a, b) => a - b), 0.5);
}

/**
 * The analysis views on a project of ~1,000,000 characters and 100,000 codings, each against a
 * plain SQL aggregate over the same tables in the same run: coded sentence units per code
 * (Coding ⋈ Unit ⋈ Document, COUNT(DISTINCT unit) GROUP BY code) for the frequency views and
 * unit co-occurrence, the count of codings starting inside another of a different code
 * (Coding ⋈ Coding) for overlap co-occurrence, and the bare rows with substr for the drill-down.
 */
export async function benchAnalysis(db: Db, projectId: string): Promise<Figure[]> {
  const codingCount = await db.coding.count({ where: { projectId } });
  // The floors get the same index bound as the product (no sentence is longer than the longest
  // one): without it the plain join alone takes tens of seconds on SQLite.
  const maxUnit = Number((await db.$queryRaw<{ m: number | bigint }[]>(Prisma.sql`SELECT MAX(u."end" - u."start") AS m FROM "Unit" u
      JOIN "Document" d ON d."id" = u."documentId" WHERE d."projectId" = ${projectId} AND u."kind" = 'sentence'`))[0]?.m ?? 0);
  const unitsPerCode = () =>
    db.$queryRaw(Prisma.sql`SELECT c."codeId", COUNT(DISTINCT u."id") AS n FROM "Coding" c
      JOIN "Document" d ON d."id" = c."documentId"
      LEFT JOIN "Unit" u ON u."documentId" = c."documentId" AND u."kind" = 'sentence' AND u."start" < c."end" AND u."end" > c."start"
        AND u."start" > c."start" - ${maxUnit}
      WHERE d."projectId" = ${projectId} GROUP BY c."codeId"`);
  const overlapPairs = () =>
    db.$queryRaw(Prisma.sql`SELECT c."codeId", c2."codeId", COUNT(*) AS n FROM "Coding" c
      JOIN "Coding" c2 ON c2."documentId" = c."documentId" AND c."codeId" <> c2."codeId" AND c2."start" >= c."start" AND c2."start" < c."end"
      WHERE c."projectId" = ${projectId} GROUP BY c."codeId", c2."codeId"`);
  const code = (await db.code.findFirst({ where: { projectId, shortName: "CON-1" }, select: { id: true } }))?.id;
  if (!code) throw new Error("the benchmark project has no CON-1");
  const passageRows = () =>
    db.$queryRaw(Prisma.sql`SELECT c."id", c."quote", substr(d."plainText", c."end" + 1, 30) AS a FROM "Coding" c
      JOIN "Document" d ON d."id" = c."documentId" WHERE c."codeId" = ${code} ORDER BY d."year", c."start" LIMIT 200`);

  // The matrix: mismatches × 3-CO themes when the project has them, else its first top-level codes.
  const roots = (await db.code.findMany({ where: { projectId, parentId: null }, select: { shortName: true }, orderBy: { sortOrder: "asc" } })).map((c) => c.shortName);
  const pickAxis = (wanted: string[], from: number) => {
    const have = wanted.filter((w) => roots.includes(w));
    return have.length > 0 ? have : roots.slice(from, from + 3);
  };
  const matrixRows = pickAxis(["PLACE", "PRIORITY", "ACTOR"], 0);
  const matrixCols = pickAxis(["COE", "CON", "COO"], 3);
  // Word frequencies' floor: reading the tokens column of the same sentence units in plain SQL.
  const tokenRows = () =>
    db.$queryRaw(Prisma.sql`SELECT u."documentId", u."tokens" FROM "Unit" u JOIN "Document" d ON d."id" = u."documentId"
      WHERE d."projectId" = ${projectId} AND u."kind" = 'sentence'`);
  // The same index bound as the product's EXISTS (no coding is longer than the longest one).
  const maxCoding = Number((await db.$queryRaw<{ m: number | bigint }[]>(Prisma.sql`SELECT MAX(c."end" - c."start") AS m FROM "Coding" c
      WHERE c."projectId" = ${projectId}`))[0]?.m ?? 0);
  const conUnits = () =>
    db.$queryRaw(Prisma.sql`SELECT u."documentId", u."tokens" FROM "Unit" u JOIN "Document" d ON d."id" = u."documentId"
      WHERE d."projectId" = ${projectId} AND u."kind" = 'sentence' AND EXISTS (SELECT 1 FROM "Coding" c
        WHERE c."documentId" = u."documentId" AND c."codeId" = ${code} AND c."start" < u."end" AND c."end" > u."start"
          AND c."start" > u."start" - ${maxCoding})`);

  // The word-count cache (DocumentWordCounts) starts empty, as after an import: the first
  // whole-corpus query counts every document's tokens and writes the rows, the next ones read them.
  await db.$executeRaw(Prisma.sql`DELETE FROM "DocumentWordCounts" WHERE "documentId" IN (SELECT d."id" FROM "Document" d WHERE d."projectId" = ${projectId})`);
  const floorTokens = await median(tokenRows);
  const firstWordsStart = process.hrtime.bigint();
  await wordFrequencies(db, { projectId });
  const firstWords = ms(firstWordsStart);
  const cachedWords = await median(() => wordFrequencies(db, { projectId }));
  const uncachedWords = await median(() => wordFrequencies(db, { projectId }, { wordCountCache: false }));

  const floorUnits = await median(unitsPerCode);
  const floorPairs = await median(overlapPairs);
  const floorPassages = await median(passageRows);
  const figure = (name: string, value: number, floor: number): Figure => ({
    name,
    value: `${value.toFixed(0)} ms`,
    floor: `${floor.toFixed(0)} ms`,
    ratio: value / floor,
    target: "≤ 3×",
  });
  return [
    { name: "codings in the project", value: codingCount.toLocaleString("en") },
    figure("frequencies with roll-up (by code)", await median(() => codeFrequencies(db, { projectId, by: "code" })), floorUnits),
    figure("frequencies by mega-region", await median(() => codeFrequencies(db, { projectId, by: "region" })), floorUnits),
    figure("code × document table", await median(() => codeFrequencies(db, { projectId, by: "document" })), floorUnits),
    figure("co-occurrence, same sentence", await median(() => cooccurrence(db, { projectId, mode: "unit" })), floorUnits),
    figure("co-occurrence, overlapping spans", await median(() => cooccurrence(db, { projectId, mode: "overlap" })), floorPairs),
    figure(
      `mismatch matrix ${matrixRows.join(",")} × ${matrixCols.join(",")}`,
      await median(() => mismatchMatrix(db, { projectId, rows: matrixRows, cols: matrixCols })),
      floorUnits,
    ),
    // Once (the cache is filled after it), against the same floor; no target: it is paid once per document.
    { ...figure("word frequencies, whole corpus, first query after import (fills the cache)", firstWords, floorTokens), target: undefined },
    figure("word frequencies, whole corpus (top 100)", cachedWords, floorTokens),
    { ...figure("word frequencies, whole corpus, counted from the units (cache off, for comparison)", uncachedWords, floorTokens), target: undefined },
    figure("word frequencies of CON-1's sentences", await median(() => wordFrequencies(db, { projectId, codes: "CON-1" })), await median(conUnits)),
    figure("drill-down: first 200 passages of CON-1", await median(() => findPassages(db, { projectId, code: "CON-1", limit: 200 })), floorPassages),
  ];
}
