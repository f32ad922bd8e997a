import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeFrequencies, cooccurrence, findPassages, parseFilterSpec, type FrequencyTable } from "../../lib/analysis";
import { createTestDb, type TestDb } from "../helpers/db";
import { appError } from "../helpers/app-error";
import { analysisFixture } from "./fixture";

describe("analysis on a fixture with known codings", () => {
  let t: TestDb;
  let f: Awaited<ReturnType<typeof analysisFixture>>;

  beforeAll(async () => {
    t = await createTestDb();
    f = await analysisFixture(t.db);
  });
  afterAll(async () => t.close());

  const row = (table: FrequencyTable, shortName: string) => {
    const r = table.codes.find((c) => c.shortName === shortName);
    if (!r) throw new Error(`no row ${shortName}`);
    return r;
  };
  const sorted = (ids: string[]) => [...ids].sort();

  it("counts codings and units per code, rolled up without counting a unit twice", async () => {
    const table = await codeFrequencies(t.db, { projectId: f.projectId, by: "code" });
    expect(table.codes.map((c) => c.shortName)).toEqual(["CON", "CON-1", "CON-2", "COO", "COO-3", "PLACE"]);
    expect(table.total).toEqual({ documents: 2, chars: 55, codings: 11, codedUnits: 6 });
    // CON-1: k1 k2 k4 k6 on s0 s1 (s0 coded three times with CON-1 still counts once).
    expect(row(table, "CON-1").total).toMatchObject({ codings: 4, units: 2, ownCodings: 4, ownUnits: 2 });
    // CON-2: k3 k9 k11 on s1 t1 s0.
    expect(row(table, "CON-2").total).toMatchObject({ codings: 3, units: 3 });
    // CON: 7 codings but only 3 units — s0 and s1 carry both sub-themes.
    expect(row(table, "CON").total).toMatchObject({ codings: 7, units: 3, ownCodings: 0, ownUnits: 0, shareOfParent: null });
    // COO-3: k5 spans s2 and s3 (counts for both), k8 on t0.
    expect(row(table, "COO-3").total).toMatchObject({ codings: 2, units: 3, shareOfParent: 1 });
    expect(row(table, "COO").total).toMatchObject({ codings: 3, units: 3, ownCodings: 1, ownUnits: 1 });
    expect(row(table, "CON-1").total.shareOfParent).toBeCloseTo(2 / 3, 12);
    expect(row(table, "CON-2").total.shareOfParent).toBe(1);
    expect(row(table, "CON").total.shareOfAll).toBe(0.5);
    expect(row(table, "PLACE").total.shareOfAll).toBeCloseTo(1 / 6, 12);
    expect(row(table, "CON").total.per10k).toBeCloseTo((7 * 10_000) / 55, 9);
  });

  it("groups by region with shares and normalisation inside each group, every region a column", async () => {
    const table = await codeFrequencies(t.db, { projectId: f.projectId, by: "region" });
    expect(table.groups).toEqual([
      { key: "BTH", label: "BTH", documents: 1, chars: 36, codings: 8, codedUnits: 4 },
      { key: "YRD", label: "YRD", documents: 1, chars: 19, codings: 3, codedUnits: 2 },
    ]);
    const con = row(table, "CON");
    expect(con.cells.BTH).toMatchObject({ codings: 6, units: 2, shareOfAll: 0.5 });
    expect(con.cells.BTH!.per10k).toBeCloseTo(60_000 / 36, 9);
    expect(con.cells.YRD).toMatchObject({ codings: 1, units: 1, shareOfAll: 0.5 });
    expect(con.cells.YRD!.per10k).toBeCloseTo(10_000 / 19, 9);
    expect(row(table, "CON-1").cells.BTH).toMatchObject({ codings: 4, units: 2, shareOfParent: 1 });
    expect(row(table, "CON-1").cells.YRD).toMatchObject({ codings: 0, units: 0, shareOfParent: 0, per10k: 0 });
    expect(row(table, "CON-2").cells.BTH).toMatchObject({ codings: 2, units: 2, shareOfParent: 1 });
    // Row totals are the ungrouped numbers.
    expect(con.total).toMatchObject({ codings: 7, units: 3 });
  });

  it("groups by year, document, type and coder", async () => {
    const years = await codeFrequencies(t.db, { projectId: f.projectId, by: "year" });
    expect(years.groups.map((g) => [g.key, g.codings])).toEqual([["2018", 8], ["2020", 3]]);
    const docs = await codeFrequencies(t.db, { projectId: f.projectId, by: "document" });
    expect(docs.groups.map((g) => [g.label, g.year, g.chars])).toEqual([["京津冀报告", 2018, 36], ["长三角规划", 2020, 19]]);
    expect(row(docs, "COO-3").cells[f.d1.doc.id]).toMatchObject({ codings: 1, units: 2 });
    const types = await codeFrequencies(t.db, { projectId: f.projectId, by: "type" });
    expect(types.groups.map((g) => g.key)).toEqual(["plan", "work-report"]);
    // region × year: keys joined by U+001F, labels by " · "; the same numbers as region here.
    const both = await codeFrequencies(t.db, { projectId: f.projectId, by: "region+year" });
    expect(both.groups.map((g) => [g.key, g.label, g.codings, g.codedUnits])).toEqual([
      ["BTH\u001f2018", "BTH · 2018", 8, 4],
      ["YRD\u001f2020", "YRD · 2020", 3, 2],
    ]);
    expect(row(both, "CON").cells["BTH\u001f2018"]).toEqual(row(await codeFrequencies(t.db, { projectId: f.projectId, by: "region" }), "CON").cells.BTH);
    const cell = await findPassages(t.db, { projectId: f.projectId, code: "COO-3", group: { by: "region+year", key: "YRD\u001f2020" } });
    expect(cell.passages.map((p) => p.codingId)).toEqual([f.k.k8]);
    expect(await appError(codeFrequencies(t.db, { projectId: f.projectId, by: "region+coder" }))).toMatchObject({ code: "invalid_input" });
    const coders = await codeFrequencies(t.db, { projectId: f.projectId, by: "coder" });
    expect(coders.groups.map((g) => [g.label, g.codings, g.codedUnits, g.chars])).toEqual([["alice", 8, 6, 55], ["bob", 3, 2, 55]]);
    const bob = coders.groups.find((g) => g.label === "bob")!.key;
    // bob coded s0 with CON-1 (k6) and CON-2 (k11): two codings, one unit of CON.
    expect(row(coders, "CON").cells[bob]).toMatchObject({ codings: 2, units: 1, shareOfAll: 0.5 });
  });

  it("filters by metadata, coder and code selection", async () => {
    const yrd = await codeFrequencies(t.db, { projectId: f.projectId, by: "code", filters: parseFilterSpec("region=YRD") });
    expect(yrd.total).toEqual({ documents: 1, chars: 19, codings: 3, codedUnits: 2 });
    expect(row(yrd, "CON").total).toMatchObject({ codings: 1, units: 1 });
    const both = await codeFrequencies(t.db, { projectId: f.projectId, by: "code", filters: parseFilterSpec("region=BTH|YRD,type=plan") });
    expect(both.total.codings).toBe(3);
    const none = await codeFrequencies(t.db, { projectId: f.projectId, by: "code", filters: parseFilterSpec("year=") });
    expect(none.total).toEqual({ documents: 0, chars: 0, codings: 0, codedUnits: 0 });
    expect(row(none, "CON").total.per10k).toBeNull();
    const bob = await codeFrequencies(t.db, { projectId: f.projectId, by: "code", coders: ["bob"] });
    expect(row(bob, "CON-1").total).toMatchObject({ codings: 1, units: 1 });
    expect(bob.total.codings).toBe(3);
    const group = await codeFrequencies(t.db, { projectId: f.projectId, by: "code", codes: "3-CO" });
    expect(group.codes.map((c) => c.shortName)).toEqual(["CON", "CON-1", "CON-2", "COO", "COO-3"]);
    expect(group.total).toMatchObject({ codings: 10, codedUnits: 6 });
    const con = await codeFrequencies(t.db, { projectId: f.projectId, by: "code", codes: "CON" });
    expect(con.total).toMatchObject({ codings: 7, codedUnits: 3 });
    expect(row(con, "CON").total.shareOfAll).toBe(1);
    expect(row(con, "CON-1").total.shareOfAll).toBeCloseTo(2 / 3, 12);
    expect(await appError(codeFrequencies(t.db, { projectId: f.projectId, by: "code", codes: "NOPE" }))).toMatchObject({ code: "not_found" });
    expect(() => parseFilterSpec("region")).toThrow(/field=value/);
    expect(await appError(codeFrequencies(t.db, { projectId: f.projectId, by: "code", filters: parseFilterSpec("colour=red") }))).toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining('cannot filter by "colour": use one of region, province, city, level, type, year'),
    });
    expect(await appError(codeFrequencies(t.db, { projectId: f.projectId, by: "colour" }))).toMatchObject({ code: "invalid_input" });
  });

  it("counts co-occurrence in the same sentence unit with the c-coefficient", async () => {
    const table = await cooccurrence(t.db, { projectId: f.projectId, mode: "unit" });
    expect(table.codes.map((c) => [c.shortName, c.n])).toEqual([
      ["CON", 0],
      ["CON-1", 2],
      ["CON-2", 3],
      ["COO", 1],
      ["COO-3", 3],
      ["PLACE", 1],
    ]);
    expect(table.pairs.map((p) => [p.aShortName, p.bShortName, p.n12, p.n1, p.n2])).toEqual([
      ["CON-1", "CON-2", 2, 2, 3],
      ["COO", "COO-3", 1, 1, 3],
      ["COO-3", "PLACE", 1, 3, 1],
    ]);
    expect(table.pairs[0]!.c).toBeCloseTo(2 / 3, 12);
    expect(table.pairs[1]!.c).toBeCloseTo(1 / 3, 12);
  });

  it("counts overlapping spans as pairs of codings (adjacent spans do not overlap)", async () => {
    const table = await cooccurrence(t.db, { projectId: f.projectId, mode: "overlap" });
    expect(table.pairs.map((p) => [p.aShortName, p.bShortName, p.n12, p.n1, p.n2, p.pairsExceedCodings])).toEqual([
      // k11 overlaps k1, k2 and k6; k3 overlaps k4.
      ["CON-1", "CON-2", 4, 4, 3, true],
      ["COO", "COO-3", 1, 1, 2, false],
    ]);
    expect(table.pairs[0]!.c).toBeCloseTo(4 / 3, 12);
    expect(table.pairs[1]!.c).toBe(0.5);
  });

  it("drills down to exactly the codings and units behind each frequency", async () => {
    const con = await findPassages(t.db, { projectId: f.projectId, code: "CON" });
    expect(sorted(con.passages.map((p) => p.codingId))).toEqual(sorted([f.k.k1, f.k.k2, f.k.k3, f.k.k4, f.k.k6, f.k.k9, f.k.k11]));
    expect(con.total).toBe(7);
    expect(con.units).toBe(3);
    const k1 = con.passages.find((p) => p.codingId === f.k.k1)!;
    expect(k1).toMatchObject({ quote: "城际铁路", before: "推进", title: "京津冀报告", year: 2018, region: "BTH", coder: "alice", start: 2, end: 6, shortName: "CON-1" });
    expect(k1.after.startsWith("建设。加快")).toBe(true);
    const twoSentences = await findPassages(t.db, { projectId: f.projectId, code: "COO-3" });
    expect(twoSentences.passages.find((p) => p.codingId === f.k.k5)!.unitIds).toEqual([f.units.s2, f.units.s3]);
    const own = await findPassages(t.db, { projectId: f.projectId, code: "CON", rollUp: false });
    expect(own.total).toBe(0);
    const bob = await findPassages(t.db, { projectId: f.projectId, code: "CON-1", coders: ["bob"] });
    expect(bob.passages.map((p) => p.codingId)).toEqual([f.k.k6]);
    const page = await findPassages(t.db, { projectId: f.projectId, code: "CON", limit: 2, offset: 1 });
    expect(page.total).toBe(7);
    expect(page.passages.map((p) => p.codingId)).toEqual(con.passages.slice(1, 3).map((p) => p.codingId));

    // Every cell of every grouping: its passages are its codings, their units its units.
    for (const by of ["region", "year", "coder", "document", "type"] as const) {
      const table = await codeFrequencies(t.db, { projectId: f.projectId, by });
      for (const code of table.codes) {
        for (const g of table.groups) {
          const cell = code.cells[g.key]!;
          const list = await findPassages(t.db, { projectId: f.projectId, code: code.id, group: { by, key: g.key } });
          expect([by, code.shortName, g.key, list.total, list.units]).toEqual([by, code.shortName, g.key, cell.codings, cell.units]);
          const ownList = await findPassages(t.db, { projectId: f.projectId, code: code.id, rollUp: false, group: { by, key: g.key } });
          expect([ownList.total, ownList.units]).toEqual([cell.ownCodings, cell.ownUnits]);
        }
      }
    }
  });

  it("drills down to the passages behind a co-occurrence cell in both modes", async () => {
    const unit = await findPassages(t.db, { projectId: f.projectId, code: "CON-1", cooccurrence: { mode: "unit", with: "CON-2" } });
    expect(sorted(unit.passages.map((p) => p.codingId))).toEqual(sorted([f.k.k1, f.k.k2, f.k.k3, f.k.k4, f.k.k6, f.k.k11]));
    expect(unit.units).toBe(2); // = n12
    const place = await findPassages(t.db, { projectId: f.projectId, code: "COO-3", cooccurrence: { mode: "unit", with: "PLACE" } });
    expect(sorted(place.passages.map((p) => p.codingId))).toEqual(sorted([f.k.k8, f.k.k10]));
    expect(place.units).toBe(1);
    const overlap = await findPassages(t.db, { projectId: f.projectId, code: "COO", cooccurrence: { mode: "overlap", with: "COO-3" } });
    expect(sorted(overlap.passages.map((p) => p.codingId))).toEqual(sorted([f.k.k5, f.k.k7]));
    const adjacent = await findPassages(t.db, { projectId: f.projectId, code: "COO-3", cooccurrence: { mode: "overlap", with: "PLACE" } });
    expect(adjacent.total).toBe(0);
    // A page (read as a page in SQL, counted beside it) agrees with the whole list.
    const paged = await findPassages(t.db, { projectId: f.projectId, code: "CON-1", cooccurrence: { mode: "unit", with: "CON-2" }, limit: 4, offset: 2 });
    expect([paged.total, paged.units]).toEqual([6, 2]);
    expect(paged.passages).toEqual(unit.passages.slice(2, 6));
    const pagedGroup = await findPassages(t.db, { projectId: f.projectId, code: "CON", group: { by: "region", key: "BTH" }, limit: 100 });
    expect([pagedGroup.total, pagedGroup.units, pagedGroup.passages.length]).toEqual([6, 2, 6]);
    const cons = await findPassages(t.db, { projectId: f.projectId, code: "CON-2", cooccurrence: { mode: "overlap", with: "CON-1" } });
    expect(sorted(cons.passages.map((p) => p.codingId))).toEqual(sorted([f.k.k1, f.k.k2, f.k.k3, f.k.k4, f.k.k6, f.k.k11]));
  });
});
