import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeFrequencies, findPassages, type FrequencyTable } from "../../lib/analysis";
import { createStage } from "../../lib/periods";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { analysisFixture } from "./fixture";

describe("analyses grouped by stage", () => {
  let t: TestDb;
  let f: Awaited<ReturnType<typeof analysisFixture>>;
  let stageI: string;
  beforeAll(async () => {
    t = await createTestDb();
    f = await analysisFixture(t.db);
    const stage = async (scope: { field: "region"; value: string }, nameZh: string, start: { year: number; month?: number }, end: { year: number; month?: number } | null) =>
      (await createStage(t.db, { projectId: f.projectId, scope, stage: { nameZh, nameEn: "", start, end }, actor: "a" })).id;
    const BTH = { field: "region" as const, value: "BTH" };
    // D1 (BTH, 2018) is in I (to 2018-06) and in II (from 2018-07): the earlier stage takes it.
    stageI = await stage(BTH, "协同起步", { year: 2016 }, { year: 2018, month: 6 });
    await stage(BTH, "深化", { year: 2018, month: 7 }, null);
    // D2 (YRD, 2020) is in no YRD stage: outside stages.
    await stage({ field: "region", value: "YRD" }, "一体化", { year: 2021 }, null);
  });
  afterAll(async () => t.close());

  const numbers = (table: FrequencyTable) => ({
    groups: table.groups.map(({ documents, chars, codings, codedUnits }) => ({ documents, chars, codings, codedUnits })),
    codes: table.codes.map((c) => ({ code: c.shortName, total: c.total, cells: table.groups.map((g) => c.cells[g.key]) })),
    total: table.total,
  });

  it("puts each document in the stage of its region whose years hold its year, the rest outside stages", async () => {
    const byStage = await codeFrequencies(t.db, { projectId: f.projectId, by: "stage" });
    expect(byStage.groups.map((g) => [g.key, g.label, g.stage ?? null, g.documents, g.codings, g.codedUnits])).toEqual([
      [stageI, "BTH 2016–2018-06 协同起步", { region: "BTH", nameZh: "协同起步", nameEn: "", startYear: 2016, span: "2016–2018-06" }, 1, 8, 4],
      ["", "", null, 1, 3, 2],
    ]);
    // Here a stage is a region's documents: the same numbers as grouping by region (BTH, YRD).
    expect(numbers(byStage)).toEqual(numbers(await codeFrequencies(t.db, { projectId: f.projectId, by: "region" })));
    expect(byStage.codes.find((c) => c.shortName === "CON")!.cells[stageI]).toMatchObject({ codings: 6, units: 2 });
    expect(byStage.codes.find((c) => c.shortName === "COO-3")!.cells[""]).toMatchObject({ codings: 1, units: 1 });
  });

  it("drills down to the passages of a stage and of the documents outside stages", async () => {
    const inI = await findPassages(t.db, { projectId: f.projectId, code: "CON", group: { by: "stage", key: stageI } });
    expect(inI.total).toBe(6);
    expect(inI.passages.every((p) => p.documentId === f.d1.doc.id)).toBe(true);
    const outside = await findPassages(t.db, { projectId: f.projectId, code: "CON", group: { by: "stage", key: "" } });
    expect(outside.passages.map((p) => p.codingId)).toEqual([f.k.k9]);
  });

  it("follows the stages as they change, and a year outside every stage leaves them", async () => {
    await t.db.document.update({ where: { id: f.d1.doc.id }, data: { year: 2015 } });
    try {
      const table = await codeFrequencies(t.db, { projectId: f.projectId, by: "stage" });
      expect(table.groups.map((g) => [g.key, g.documents, g.codings])).toEqual([["", 2, 11]]);
    } finally {
      await t.db.document.update({ where: { id: f.d1.doc.id }, data: { year: 2018 } });
    }
  });

  it("refuses a stage inside a combined grouping with the reason", async () => {
    expect(await appError(codeFrequencies(t.db, { projectId: f.projectId, by: "stage+year" }))).toEqual({
      code: "invalid_input",
      message: 'cannot group by "stage+year": combine two or three document fields or variables, e.g. region+year / 无法按"stage+year"分组：可组合两到三个文档字段或变量，如 region+year',
    });
  });
});
