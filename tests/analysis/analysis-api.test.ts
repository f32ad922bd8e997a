import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as cooccurrenceRoute } from "../../app/api/projects/[projectId]/analysis/cooccurrence/route";
import { GET as frequenciesRoute } from "../../app/api/projects/[projectId]/analysis/frequencies/route";
import { GET as passagesRoute } from "../../app/api/projects/[projectId]/analysis/passages/route";
import { POST as variablesCsvRoute } from "../../app/api/projects/[projectId]/analysis/variables/csv/route";
import { GET as listVariablesRoute, POST as defineVariableRoute } from "../../app/api/projects/[projectId]/analysis/variables/route";
import { POST as templateRoute } from "../../app/api/projects/[projectId]/analysis/variables/template/route";
import { PUT as valuesRoute } from "../../app/api/projects/[projectId]/analysis/variables/[name]/values/route";
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

  const send = (route: (req: Request, ctx: never) => Promise<Response>, method: string, body: unknown, params: Record<string, string> = {}) =>
    route(
      new Request(`http://localhost/api/projects/${f.projectId}/analysis/variables`, {
        method,
        headers: { "content-type": "application/json", "accept-language": "en" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { params: Promise.resolve({ projectId: f.projectId, ...params }) } as never,
    );

  it("defines variables, sets values for a selection and from a CSV, and groups by them", async () => {
    const defined = await send(defineVariableRoute, "POST", { name: "tier", kind: "category", categories: ["A", "B"] });
    expect(defined.status).toBe(201);
    expect(await defined.json()).toMatchObject({ name: "tier", kind: "category", categories: ["A", "B"] });
    expect((await send(defineVariableRoute, "POST", { name: "tier", kind: "text" })).status).toBe(409);
    const set = await send(valuesRoute, "PUT", { values: [{ documentId: f.d1.doc.id, value: "A" }, { documentId: f.d2.doc.id, value: "A" }] }, { name: "tier" });
    expect(await set.json()).toEqual({ updated: 2 });
    const wrong = await send(valuesRoute, "PUT", { values: [{ documentId: f.d1.doc.id, value: "C" }] }, { name: "tier" });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toBe('tier: "C" is not one of A, B');
    expect((await (await send(templateRoute, "POST", undefined)).json()).map((v: { name: string }) => v.name)).toEqual(["tier", "role", "cityType"]);
    const csv = await send(variablesCsvRoute, "POST", { csv: "document,tier\n长三角规划,B\n" });
    expect(await csv.json()).toEqual({ documents: 1, values: 1, unmatched: [] });
    const table = await (await call(frequenciesRoute, "frequencies", { by: "tier" })).json();
    expect(table.groups.map((g: { key: string; codings: number }) => [g.key, g.codings])).toEqual([["A", 8], ["B", 3]]);
    expect((await (await send(listVariablesRoute, "GET", undefined)).json()).length).toBe(3);
  });
});
