import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET } from "../../app/api/projects/[projectId]/export/route";
import { POST as importQdcRoute } from "../../app/api/projects/[projectId]/import-qdc/route";
import { createTestDb, type TestDb } from "../helpers/db";
import { exchangeFixture, type ExchangeFixture } from "./fixture";

describe("GET /api/projects/[projectId]/export", () => {
  let t: TestDb;
  let f: ExchangeFixture;
  const savedUrl = process.env.DATABASE_URL;
  beforeEach(async () => {
    t = await createTestDb();
    process.env.DATABASE_URL = t.url; // getDb() opens the route's client on this URL
    f = await exchangeFixture(t.db);
  });
  afterEach(async () => {
    process.env.DATABASE_URL = savedUrl;
    await t.close();
  });

  const get = (query: string) => GET(new Request(`http://localhost/api/projects/${f.project.id}/export?${query}`), { params: Promise.resolve({ projectId: f.project.id }) });

  it("streams the filtered CSV as a download with its UTF-8 file name", async () => {
    const res = await get("format=csv&codes=infra&coders=Lee");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="___ exchange.codings.csv"; filename*=UTF-8''${encodeURIComponent("京津冀 exchange.codings.csv")}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(Buffer.from(bytes), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.code, r.text, r.coder])).toEqual([["infra", "长三角", "Lee"]]);
  });

  it("answers a QDPX archive, and refuses an unknown format or code with the reason", async () => {
    const res = await get("format=qdpx");
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer())))).toContain("project.qde");
    const bad = await get("format=pdf");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("format must be one of csv, xlsx, json, qdpx, qdc, matrix");
    const unknown = await get("format=csv&codes=nope");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toContain("unknown code: nope");
  });

  it("POST …/import-qdc adds an exported codebook to another project and answers the report; a file that is not a codebook is refused with the reason", async () => {
    const qdc = new Uint8Array(await (await get("format=qdc")).arrayBuffer());
    const other = await t.db.project.create({ data: { name: "other" } });
    const post = (bytes: Uint8Array<ArrayBuffer>, name: string) => {
      const form = new FormData();
      form.set("file", new File([bytes], name));
      return importQdcRoute(new Request(`http://localhost/api/projects/${other.id}/import-qdc`, { method: "POST", body: form }), { params: Promise.resolve({ projectId: other.id }) });
    };
    const res = await post(qdc, "codes.qdc");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ report: { projectId: other.id, origin: "Juncture", imported: { codes: 3, reused: 0, groups: 1, memberships: 2 }, notes: [] } });
    expect((await t.db.code.findMany({ where: { projectId: other.id }, orderBy: { shortName: "asc" } })).map((c) => c.shortName)).toEqual(["econ", "gov", "infra"]);
    const bad = await post(new TextEncoder().encode("<Project/>"), "p.qdc");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("not a .qdc codebook: the root element is <Project>, expected <CodeBook>");
  });
});
