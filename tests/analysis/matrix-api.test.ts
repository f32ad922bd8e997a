import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as matrixRoute } from "../../app/api/projects/[projectId]/analysis/matrix/route";
import { GET as passagesRoute } from "../../app/api/projects/[projectId]/analysis/passages/route";
import { createTestDb, type TestDb } from "../helpers/db";
import { matrixFixture } from "./matrix-fixture";

/** The matrix route and a cell's drill-down, called as Next.js would. */
describe("matrix API", () => {
  let t: TestDb;
  let f: Awaited<ReturnType<typeof matrixFixture>>;
  const savedUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    t = await createTestDb();
    process.env.DATABASE_URL = t.url;
    f = await matrixFixture(t.db);
  });
  afterAll(async () => {
    process.env.DATABASE_URL = savedUrl;
    await t.close();
  });

  const call = (route: (req: Request, ctx: never) => Promise<Response>, path: string, params: Record<string, string>) =>
    route(new Request(`http://localhost/api/projects/${f.projectId}/analysis/${path}?${new URLSearchParams(params)}`, { headers: { "accept-language": "en" } }), {
      params: Promise.resolve({ projectId: f.projectId }),
    } as never);

  it("returns the matrix within a code, its CSV, and a cell's passages", async () => {
    const res = await call(matrixRoute, "matrix", { rows: "PLACE,PRIORITY", cols: "COE,CON,COO", within: "VERTICAL", filter: "region=BTH" });
    expect(res.status).toBe(200);
    const m = await res.json();
    expect(m.cells.map((r: { units: number; codings: number }[]) => r.map((c) => `${c.units}/${c.codings}`))).toEqual([
      ["0/0", "1/3", "1/2"],
      ["0/0", "0/0", "0/0"],
    ]);
    const csv = await call(matrixRoute, "matrix", { rows: "PLACE,PRIORITY", cols: "COE,CON,COO", within: "VERTICAL", format: "csv" });
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="matrix-VERTICAL.csv"');
    const p = await (await call(passagesRoute, "passages", { code: "PLACE", with: "COO", mode: "unit", rollUp: "1", within: "VERTICAL" })).json();
    expect({ total: p.total, units: p.units }).toEqual({ total: 2, units: 1 });
    expect(p.passages.map((x: { codingId: string }) => x.codingId).sort()).toEqual([f.m.m10, f.m.m12].sort());
    const bad = await call(matrixRoute, "matrix", { cols: "COE" });
    expect(bad.status).toBe(400);
  });
});
