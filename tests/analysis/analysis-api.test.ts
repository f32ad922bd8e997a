import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as cooccurrenceRoute } from "../../app/api/projects/[projectId]/analysis/cooccurrence/route";
import { GET as frequenciesRoute } from "../../app/api/projects/[projectId]/analysis/frequencies/route";
import { GET as passagesRoute } from "../../app/api/projects/[projectId]/analysis/passages/route";
import { createTestDb, type TestDb } from "../helpers/db";
import { analysisFixture } from "./fixture";

/** The analysis routes called as Next.js would, on the fixture of analysis.test.ts. */
describe("analysis API", () => {
  let t: TestDb;
  let f: Awaited<ReturnType<typeof analysisFixture>>;
  const savedUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    t = await createTestDb();
    process.env.DATABASE_URL = t.url;
    f = await analysisFixture(t.db);
  });
  afterAll(async () => {
    process.env.DATABASE_URL = savedUrl;
    await t.close();
  });

  const call = (route: (req: Request, ctx: never) => Promise<Response>, path: string, params: Record<string, string>) =>
    route(new Request(`http://localhost/api/projects/${f.projectId}/analysis/${path}?${new URLSearchParams(params)}`, { headers: { "accept-language": "en" } }), {
      params: Promise.resolve({ projectId: f.projectId }),
    } as never);

  it("answers frequencies as JSON and as CSV with a BOM", async () => {
    const r = await call(frequenciesRoute, "frequencies", { by: "region", filter: "region=BTH", codes: "CON" });
    expect(r.status).toBe(200);
    const table = await r.json();
    expect(table.groups.map((g: { key: string }) => g.key)).toEqual(["BTH"]);
    expect(table.codes[0]).toMatchObject({ shortName: "CON", total: { codings: 6, units: 2 } });
    const csv = await call(frequenciesRoute, "frequencies", { by: "region", format: "csv" });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines[0]).toMatch(/^group_by,group,group_label,code,/);
    expect(lines).toContain("region,BTH,BTH,CON,CON,CON,0,6,2,0,0,,0.5,1666.6666666666667,36,4");
  });

  it("answers co-occurrence and the passages of a group, with an empty key quoted", async () => {
    const co = await (await call(cooccurrenceRoute, "cooccurrence", { mode: "overlap" })).json();
    expect(co.pairs[0]).toMatchObject({ aShortName: "CON-1", bShortName: "CON-2", n12: 4 });
    const p = await (await call(passagesRoute, "passages", { code: "COO-3", groupBy: "region", group: JSON.stringify("YRD") })).json();
    expect(p.passages.map((x: { codingId: string }) => x.codingId)).toEqual([f.k.k8]);
    const unknownYear = await (await call(passagesRoute, "passages", { code: "CON", groupBy: "year", group: '""' })).json();
    expect(unknownYear.total).toBe(0);
    const csv = await (await call(passagesRoute, "passages", { code: "COO-3", format: "csv" })).text();
    expect(csv).toContain("产业转移；推动雄安");
  });

  it("refuses a malformed filter or group with the reason (400)", async () => {
    const bad = await call(frequenciesRoute, "frequencies", { filter: "colour=red" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe('cannot filter by "colour": use one of region, province, city, level, type, year');
    const group = await call(passagesRoute, "passages", { code: "CON", groupBy: "region", group: "BTH" });
    expect(group.status).toBe(400);
    const missing = await call(passagesRoute, "passages", { code: "NOPE" });
    expect(missing.status).toBe(404);
  });
});
