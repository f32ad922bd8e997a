import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCoding } from "../../lib/coding";
import { createStage, getStageCodeTable, getTimeline, suggestJunctures } from "../../lib/periods";
import { createTestDb, type TestDb } from "../helpers/db";
import { addDocument, addProject } from "../coding/fixtures";

const BTH = { field: "region" as const, value: "BTH" };

describe("timeline, stage × code table and juncture suggestions", () => {
  let t: TestDb;
  let projectId: string;
  const ids: Record<string, string> = {};

  beforeEach(async () => {
    t = await createTestDb();
    projectId = (await addProject(t.db, "p")).id;
    const code = async (shortName: string, parent?: string) =>
      (ids[shortName] = (await t.db.code.create({ data: { projectId, shortName, parentId: parent ? ids[parent] : null } })).id);
    await code("COE");
    await code("COE-1", "COE");
    await code("COE-2", "COE");
    await code("CON");
    await code("CON-1", "CON");
    await code("COO");
  });
  afterEach(async () => t.close());

  const coding = (documentId: string, shortName: string, s: { start: number; end: number }, coder = "a", end?: { end: number }) =>
    createCoding(t.db, { documentId, codeId: ids[shortName]!, start: s.start, end: end?.end ?? s.end, coder });

  it("counts coded sentence units per year and theme: each unit once, a coding spanning two sentences twice", async () => {
    const d14 = await addDocument(t.db, projectId, ["𠮷甲句一。乙句二。丙句三。"], { region: "BTH", year: 2014 });
    const [s0, s1, s2] = d14.sentences;
    await coding(d14.doc.id, "COE-1", s0!);
    await coding(d14.doc.id, "COE-2", s0!); // two sub-themes on one unit: COE counts it once
    await coding(d14.doc.id, "COE-1", s0!, "b"); // the same code by another coder: still one unit
    await coding(d14.doc.id, "CON-1", s1!, "a", s2!); // spans two sentences: two units
    await coding(d14.doc.id, "COO", { start: s2!.start, end: s2!.start + 2 });
    const d15 = await addDocument(t.db, projectId, ["丁句。戊句。"], { region: "BTH", year: 2015 });
    await coding(d15.doc.id, "COO", d15.sentences[0]!);
    await coding(d15.doc.id, "COO", d15.sentences[1]!);
    await coding(d15.doc.id, "COE-1", d15.sentences[1]!);
    const d17 = await addDocument(t.db, projectId, ["己句。"], { region: "BTH", year: 2017 });
    await coding(d17.doc.id, "CON", d17.sentences[0]!);
    // Other region and an undated document: not in BTH's profile.
    const yrd = await addDocument(t.db, projectId, ["庚句。"], { region: "YRD", year: 2014 });
    await coding(yrd.doc.id, "COE", yrd.sentences[0]!);
    const undated = await addDocument(t.db, projectId, ["辛句。"], { region: "BTH", year: null });
    await coding(undated.doc.id, "COE", undated.sentences[0]!);

    const raw = await getTimeline(t.db, { projectId, scope: BTH, per: "none" });
    expect(raw.codes.map((c) => c.shortName)).toEqual(["COE", "CON", "COO"]);
    expect(raw.years.map((y) => [y.year, y.documents, y.units])).toEqual([
      [2014, 1, [1, 2, 1]],
      [2015, 1, [1, 0, 2]],
      [2016, 0, [0, 0, 0]],
      [2017, 1, [0, 1, 0]],
    ]);
    expect(raw.years[0]!.shares).toEqual([0.25, 0.5, 0.25]);

    const perChars = await getTimeline(t.db, { projectId, scope: BTH });
    const chars14 = d14.doc.charCount;
    expect(perChars.years[0]!.chars).toBe(chars14);
    expect(perChars.years[0]!.values[1]).toBeCloseTo((2 * 10_000) / chars14, 10);
    const perDoc = await getTimeline(t.db, { projectId, scope: BTH, per: "documents", codes: ["COE-1", "COO"] });
    expect(perDoc.years.map((y) => y.values)).toEqual([[1, 1], [1, 2], [0, 0], [0, 0]]);

    await createStage(t.db, { projectId, scope: BTH, stage: { nameEn: "I", start: { year: 2014 }, end: { year: 2015 } }, actor: "a" });
    await createStage(t.db, { projectId, scope: BTH, stage: { nameEn: "II", start: { year: 2016 }, end: null }, actor: "a" });
    const table = await getStageCodeTable(t.db, { projectId, scope: BTH });
    expect(table.documents).toEqual([2, 1]);
    expect(table.rows.map((r) => [r.code.shortName, r.cells.map((c) => c.units), r.persistent, r.appears, r.vanishes])).toEqual([
      ["COE", [2, 0], false, [], [1]],
      ["CON", [2, 1], true, [], []],
      ["COO", [3, 0], false, [], [1]],
    ]);
    expect(table.rows[1]!.cells.map((c) => c.share)).toEqual([2 / 7, 1]);
    expect(table.rows[1]!.cells[1]!.change).toBeCloseTo(1 - 2 / 7, 10);
  });

  it("suggests the year a planted shift begins, and nothing on a flat profile", async () => {
    const sentences = Array.from({ length: 10 }, (_, i) => `第${i}句。`).join("");
    for (let year = 2008; year <= 2019; year++) {
      const d = await addDocument(t.db, projectId, [sentences], { region: "BTH", year });
      const flat = await addDocument(t.db, projectId, [sentences], { region: "YRD", year });
      // BTH: connectivity-heavy until 2013, cooperation-heavy from 2014. YRD: the same mix every year.
      const heavy = year < 2014 ? "COE" : "CON";
      for (let i = 0; i < 10; i++) {
        await coding(d.doc.id, i < 8 ? heavy : heavy === "COE" ? "CON" : "COE", d.sentences[i]!);
        await coding(flat.doc.id, i < 5 ? "COE" : "CON", flat.sentences[i]!);
      }
    }
    const r = await suggestJunctures(t.db, { projectId, scope: BTH, codes: ["COE", "CON"] });
    expect(r.suggestions.map((s) => s.year)).toEqual([2014]);
    expect(r.suggestions[0]!.moved[0]!.code.shortName).toMatch(/^CO[EN]$/);
    // Its passages: codings of the code that moved most, in 2014's document.
    const passages = r.suggestions[0]!.passages;
    expect(passages.length).toBeGreaterThan(0);
    expect(new Set(passages.map((p) => p.shortName))).toEqual(new Set([r.suggestions[0]!.moved[0]!.code.shortName]));
    const docs2014 = await t.db.document.findMany({ where: { year: 2014, region: "BTH" }, select: { id: true } });
    expect(passages.every((p) => p.documentId === docs2014[0]!.id)).toBe(true);
    const con = r.suggestions[0]!.moved.find((m) => m.code.shortName === "CON")!;
    expect(con.before).toBeCloseTo(0.2, 10);
    expect(con.after).toBeCloseTo(0.8, 10);
    expect((await suggestJunctures(t.db, { projectId, scope: { field: "region", value: "YRD" }, codes: ["COE", "CON"] })).suggestions).toEqual([]);
    // A penalty larger than the shift's gain suppresses it.
    const strict = await suggestJunctures(t.db, { projectId, scope: BTH, codes: ["COE", "CON"], penalty: 1e9 });
    expect(strict.suggestions).toEqual([]);
  }, 60_000);
});
