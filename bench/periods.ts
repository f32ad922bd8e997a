import type { Db } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/client";
import { getStageCodeTable, getTimeline, importPeriods, suggestJunctures, type Scope } from "../lib/periods";
import { ms, quantile, type Figure } from "./util";

const RUNS = 7;

/** Median of `RUNS` timed calls (after one warm-up). */
async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(ms(t));
  }
  return quantile(times.sort((a, b) => a - b), 0.5);
}

/**
 * The periods queries on the 1,000,000-character / 100,000-coding project, with every
 * document put in one region (the worst case: one grouping holding all codings) and stages
 * cut every five years: the yearly profile of the 3-CO themes, the stage × code table and
 * the juncture suggestions. Floor: a plain SQL aggregate over the same tables — codings per
 * (year, code) of that grouping's documents.
 */
export async function benchPeriods(db: Db, projectId: string): Promise<Figure[]> {
  await db.document.updateMany({ where: { projectId }, data: { region: "BENCH" } });
  const top = { province: "BENCH" }; // the grouping's value, used below
  const scope: Scope = { field: "region", value: "BENCH" };
  const years = (await db.document.findMany({ where: { projectId, region: "BENCH", year: { not: null } }, select: { year: true } })).map((d) => d.year!);
  if (years.length === 0) return [{ name: "periods", value: "no dated documents: skipped" }];
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const stages = [];
  for (let y = first; y <= last; y += 5) stages.push({ nameEn: `${y}–`, start: String(y), end: y + 4 >= last ? null : String(y + 4) });
  await importPeriods(db, {
    projectId,
    replace: true,
    actor: "bench",
    file: { format: "juncture-periods", version: 1, groupings: [{ field: scope.field, value: scope.value, stages }] },
  });
  const codings = await db.coding.count({ where: { projectId, document: { region: top.province } } });

  const floor = await median(() =>
    db.$queryRaw(Prisma.sql`
      SELECT d."year", c."codeId", COUNT(*) AS n
      FROM "Coding" c JOIN "Document" d ON d."id" = c."documentId"
      WHERE c."projectId" = ${projectId} AND d."region" = ${top.province} AND d."year" IS NOT NULL
      GROUP BY d."year", c."codeId"`),
  );
  const timeline = await median(() => getTimeline(db, { projectId, scope }));
  const table = await median(() => getStageCodeTable(db, { projectId, scope }));
  const suggest = await median(() => suggestJunctures(db, { projectId, scope }));
  const f = (name: string, v: number): Figure => ({ name, value: `${v.toFixed(1)} ms`, floor: `${floor.toFixed(1)} ms plain aggregate`, ratio: v / floor, target: "≤ 3" });
  return [
    { name: "grouping", value: `one region holding all ${years.length} dated documents, ${first}–${last}, ${codings.toLocaleString("en")} codings, ${stages.length} stages` },
    f("timeline (yearly profile of COE/CON/COO, each unit once), median", timeline),
    f("stage × code table, median", table),
    f("juncture suggestions (change points with their passages), median", suggest),
  ];
}
