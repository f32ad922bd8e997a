import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cellKeyOf, createMemo } from "../../lib/coding";
import { createTestDb, type TestDb } from "../helpers/db";
import { matrixFixture } from "../analysis/matrix-fixture";
import { runCli } from "./cli";

describe("juncture matrix", () => {
  let t: TestDb;
  let f: Awaited<ReturnType<typeof matrixFixture>>;
  beforeAll(async () => {
    t = await createTestDb();
    f = await matrixFixture(t.db);
    await createMemo(t.db, {
      projectId: f.projectId,
      kind: "matrix-cell",
      cellKey: cellKeyOf({ row: f.codes.PLACE.id, col: f.codes.CON.id, within: f.codes.VERTICAL.id }),
      author: "alice",
      body: "中央统筹下的交通承接",
    });
  });
  afterAll(async () => t.close());

  it("prints the matrix within a code as JSON, with the cell's finding", async () => {
    const r = await runCli(["matrix", "--project", "matrix", "--rows", "PLACE,PRIORITY", "--cols", "3-CO", "--within", "VERTICAL", "--json"], t.url);
    const m = JSON.parse(r.stdout);
    expect(m.cols.map((c: { shortName: string }) => c.shortName)).toEqual(["COE", "CON", "COO"]);
    expect(m.cells.map((row: { units: number; codings: number }[]) => row.map((c) => `${c.units}/${c.codings}`))).toEqual([
      ["0/0", "1/3", "1/2"],
      ["0/0", "0/0", "0/0"],
    ]);
    expect(m.cells[0][1].finding.body).toBe("中央统筹下的交通承接");
  });

  it("prints a table with a filter, and the finding, in the CLI's language", async () => {
    const r = await runCli(["matrix", "--project", "matrix", "--rows", "PLACE,PRIORITY", "--cols", "COE,CON,COO", "--filter", "region=BTH"], t.url);
    const lines = r.stdout.trim().split("\n");
    expect(lines.slice(1, 4)).toEqual(["\tCOE\tCON\tCOO", "PLACE\t0/0\t1/3\t2/3", "PRIORITY\t1/2\t1/3\t0/0"]);
    expect(lines).toHaveLength(5);
  });
});
