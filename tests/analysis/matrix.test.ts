import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPassages, matrixCsv, mismatchMatrix, type MismatchMatrix } from "../../lib/analysis";
import { cellKeyOf, createMemo, deleteMemo, listMemos, updateMemo } from "../../lib/coding";
import { createTestDb, type TestDb } from "../helpers/db";
import { appError } from "../helpers/app-error";
import { matrixFixture } from "./matrix-fixture";

describe("mismatch matrices on a fixture with known codings", () => {
  let t: TestDb;
  let f: Awaited<ReturnType<typeof matrixFixture>>;

  beforeAll(async () => {
    t = await createTestDb();
    f = await matrixFixture(t.db);
  });
  afterAll(async () => t.close());

  const ROWS = ["PLACE", "PRIORITY"];
  const COLS = ["COE", "CON", "COO"];
  /** "units/codings" per cell, row by row. */
  const grid = (m: MismatchMatrix) => m.cells.map((r) => r.map((c) => `${c.units}/${c.codings}`));

  it("counts units and codings per cell, rolled up, with unions as totals", async () => {
    const m = await mismatchMatrix(t.db, { projectId: f.projectId, rows: ROWS, cols: COLS });
    expect(m.rows.map((r) => r.shortName)).toEqual(ROWS);
    expect(m.cols.map((c) => c.shortName)).toEqual(COLS);
    expect(m.within).toBeNull();
    // PLACE×CON: s0 coded twice with PLACE (m1 m2) is one unit, three codings with m3.
    // PLACE×COO: m10 spans s2 and s3, each with a COO coding: two units, three codings.
    // PRIORITY×CON: s1 with two sub-themes of CON (m6 m7) is one unit; t0 another.
    expect(grid(m)).toEqual([
      ["0/0", "1/3", "2/3"],
      ["1/2", "2/5", "0/0"],
    ]);
    expect(m.rows.map((r) => r.total)).toEqual([
      { units: 3, codings: 6 },
      { units: 2, codings: 6 },
    ]);
    expect(m.cols.map((c) => c.total)).toEqual([
      { units: 1, codings: 2 },
      { units: 3, codings: 8 },
      { units: 2, codings: 3 },
    ]);
    expect(m.total).toEqual({ units: 5, codings: 12 });
    expect(m.maxUnits).toBe(2);
  });

  it("counts a coding once when its code lies on both axes", async () => {
    // CON-1 is under CON: CON × CON-1 is CON-1's units (s0 s1 t0); s1's CON-2 coding m7 counts too.
    const m = await mismatchMatrix(t.db, { projectId: f.projectId, rows: ["CON"], cols: ["CON-1"] });
    expect(grid(m)).toEqual([["3/4"]]);
    expect(m.total).toEqual({ units: 3, codings: 4 });
  });

  it("counts only units that also carry the 'within' code", async () => {
    const v = await mismatchMatrix(t.db, { projectId: f.projectId, rows: ROWS, cols: COLS, within: "VERTICAL" });
    expect(v.within?.shortName).toBe("VERTICAL");
    // VERTICAL is on s0 and s3 only: PLACE×COO keeps s3 with m10 and m12.
    expect(grid(v)).toEqual([
      ["0/0", "1/3", "1/2"],
      ["0/0", "0/0", "0/0"],
    ]);
    expect(v.total).toEqual({ units: 2, codings: 5 });
    const h = await mismatchMatrix(t.db, { projectId: f.projectId, rows: ROWS, cols: COLS, within: "HORIZONTAL" });
    expect(grid(h)).toEqual([
      ["0/0", "0/0", "0/0"],
      ["1/2", "1/3", "0/0"],
    ]);
  });

  it("takes a code group's top-level members as an axis and applies filters and coders", async () => {
    const g = await mismatchMatrix(t.db, { projectId: f.projectId, rows: ROWS, cols: ["3-CO"] });
    expect(g.cols.map((c) => c.shortName)).toEqual(COLS);
    const yrd = await mismatchMatrix(t.db, { projectId: f.projectId, rows: ROWS, cols: COLS, filters: { region: ["YRD"] } });
    expect(grid(yrd)).toEqual([
      ["0/0", "0/0", "0/0"],
      ["0/0", "1/2", "0/0"],
    ]);
    // Bob's codings only: m2 (PLACE on s0, no CON of bob there), m14 m15 on t0.
    const bob = await mismatchMatrix(t.db, { projectId: f.projectId, rows: ROWS, cols: COLS, coders: ["bob"] });
    expect(grid(bob)).toEqual([
      ["0/0", "0/0", "0/0"],
      ["0/0", "1/2", "0/0"],
    ]);
    expect(await appError(mismatchMatrix(t.db, { projectId: f.projectId, rows: [], cols: COLS }))).toEqual({
      code: "invalid_input",
      message: "give the matrix's rows: codes such as PLACE,PRIORITY,ACTOR or a code group / 请给出矩阵的行：如 PLACE,PRIORITY,ACTOR 等代码或一个代码组",
    });
    expect((await appError(mismatchMatrix(t.db, { projectId: f.projectId, rows: ["ACTOR"], cols: COLS }))).code).toBe("not_found");
  });

  it("drills down to exactly the codings and units behind each cell", async () => {
    for (const within of [undefined, "VERTICAL", "HORIZONTAL"]) {
      const m = await mismatchMatrix(t.db, { projectId: f.projectId, rows: ROWS, cols: COLS, within });
      for (const [i, row] of m.rows.entries()) {
        for (const [j, col] of m.cols.entries()) {
          const list = await findPassages(t.db, {
            projectId: f.projectId,
            code: row.shortName,
            cooccurrence: { mode: "unit", with: col.shortName },
            within,
            rollUp: true,
          });
          expect({ cell: `${row.shortName}×${col.shortName}/${within}`, total: list.total, units: list.units }).toEqual({
            cell: `${row.shortName}×${col.shortName}/${within}`,
            total: m.cells[i]![j]!.codings,
            units: m.cells[i]![j]!.units,
          });
        }
      }
    }
    const placeCoo = await findPassages(t.db, { projectId: f.projectId, code: "PLACE", cooccurrence: { mode: "unit", with: "COO" }, rollUp: true });
    expect(placeCoo.passages.map((p) => p.codingId).sort()).toEqual([f.m.m10, f.m.m11, f.m.m12].sort());
    expect(placeCoo.passages.find((p) => p.codingId === f.m.m10)?.unitIds.sort()).toEqual([f.units.s2, f.units.s3].sort());
    const vertical = await findPassages(t.db, {
      projectId: f.projectId,
      code: "PLACE",
      cooccurrence: { mode: "unit", with: "COO" },
      within: "VERTICAL",
      rollUp: true,
    });
    expect(vertical.passages.map((p) => p.codingId).sort()).toEqual([f.m.m10, f.m.m12].sort());
    expect(vertical.passages.find((p) => p.codingId === f.m.m10)?.unitIds).toEqual([f.units.s3]);
  });

  it("keeps one finding per cell: create, show, update and delete with version checks", async () => {
    const key = cellKeyOf({ row: f.codes.PLACE.id, col: f.codes.COO.id, within: f.codes.VERTICAL.id });
    const memo = await createMemo(t.db, { projectId: f.projectId, kind: "matrix-cell", cellKey: key, author: "alice", body: "远郊承接能力不足" });
    expect(memo).toMatchObject({ kind: "matrix-cell", cellKey: key, title: "PLACE × COO · VERTICAL", author: "alice", version: 1 });
    const m = await mismatchMatrix(t.db, { projectId: f.projectId, rows: ROWS, cols: COLS, within: "VERTICAL" });
    expect(m.cells[0]![2]!.finding).toMatchObject({ memoId: memo.id, body: "远郊承接能力不足", author: "alice", version: 1 });
    expect(m.cells.flat().filter((c) => c.finding !== null)).toHaveLength(1);
    // The same cell without "within" is another cell: no finding there.
    const plain = await mismatchMatrix(t.db, { projectId: f.projectId, rows: ROWS, cols: COLS });
    expect(plain.cells.flat().filter((c) => c.finding !== null)).toHaveLength(0);

    expect(await appError(createMemo(t.db, { projectId: f.projectId, kind: "matrix-cell", cellKey: key, author: "bob", body: "x" }))).toEqual({
      code: "conflict",
      message: "this cell already has a finding; edit that one instead / 该单元格已有发现，请编辑已有的那条",
    });
    expect(await appError(createMemo(t.db, { projectId: f.projectId, kind: "matrix-cell", author: "bob", body: "x" }))).toEqual({
      code: "invalid_input",
      message: "a matrix-cell memo needs a cellKey / 矩阵单元格备忘录必须指定 cellKey",
    });
    expect(
      await appError(createMemo(t.db, { projectId: f.projectId, kind: "matrix-cell", cellKey: "row=nope;col=nope;within=", author: "bob", body: "x" })),
    ).toEqual({
      code: "invalid_input",
      message: "the matrix cell's code nope is not a code of this project / 矩阵单元格的代码不属于本项目",
    });

    const updated = await updateMemo(t.db, { id: memo.id, version: 1, patch: { body: "远郊承接能力不足；县域财力弱" } });
    expect(updated.version).toBe(2);
    expect((await appError(updateMemo(t.db, { id: memo.id, version: 1, patch: { body: "stale" } }))).code).toBe("conflict");
    expect((await appError(deleteMemo(t.db, { id: memo.id, version: 1 }))).code).toBe("conflict");
    const csv = matrixCsv(await mismatchMatrix(t.db, { projectId: f.projectId, rows: ROWS, cols: COLS, within: "VERTICAL" }));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\n").filter((l) => l !== "")).toEqual([
      "within,row,column,label_zh,label_en,units,codings,finding",
      "VERTICAL,PLACE,COE,PLACE中 × COE中,PLACE en × COE en,0,0,",
      "VERTICAL,PLACE,CON,PLACE中 × CON中,PLACE en × CON en,1,3,",
      "VERTICAL,PLACE,COO,PLACE中 × COO中,PLACE en × COO en,1,2,远郊承接能力不足；县域财力弱",
      "VERTICAL,PRIORITY,COE,PRIORITY中 × COE中,PRIORITY en × COE en,0,0,",
      "VERTICAL,PRIORITY,CON,PRIORITY中 × CON中,PRIORITY en × CON en,0,0,",
      "VERTICAL,PRIORITY,COO,PRIORITY中 × COO中,PRIORITY en × COO en,0,0,",
    ]);
    await deleteMemo(t.db, { id: memo.id, version: 2 });
    expect(await listMemos(t.db, f.projectId, { kind: "matrix-cell" })).toEqual([]);
  });
});
