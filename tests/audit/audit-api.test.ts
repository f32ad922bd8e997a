import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET } from "../../app/api/projects/[projectId]/audit/route";
import { createSession, setMember } from "../../lib/auth/accounts";
import { createCoding, openRound } from "../../lib/coding";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject } from "../coding/fixtures";

/**
 * GET /api/projects/:id/audit on a team server: owners read everyone's events, coders only
 * their own, viewers nothing; an owner who is blind in an open round reads only their own.
 */
describe("GET /api/projects/[projectId]/audit", () => {
  const saved = { url: process.env.DATABASE_URL, mode: process.env.JUNCTURE_MODE };
  let t: TestDb;
  let projectId: string;
  let documentId: string;
  const cookie: Record<string, string> = {};

  beforeEach(async () => {
    process.env.JUNCTURE_MODE = "server";
    t = await createTestDb();
    process.env.DATABASE_URL = t.url;
    for (const who of ["boss", "甲", "乙", "viewer"]) {
      const u = await t.db.user.create({ data: { name: who } });
      cookie[who] = `juncture-session=${(await createSession(t.db, u.id)).token}`;
    }
    projectId = (await addProject(t.db, "审计")).id;
    await setMember(t.db, { projectId, userName: "boss", role: "owner" });
    await setMember(t.db, { projectId, userName: "甲", role: "coder" });
    await setMember(t.db, { projectId, userName: "乙", role: "coder" });
    await setMember(t.db, { projectId, userName: "viewer", role: "viewer" });
    const codeId = (await addCode(t.db, projectId, "CON-1")).id;
    const doc = await addDocument(t.db, projectId, ["推进城际铁路建设。加快协同发展！"]);
    documentId = doc.doc.id;
    await createCoding(t.db, { documentId, codeId, start: 2, end: 6, coder: "甲" });
    await createCoding(t.db, { documentId, codeId, start: 11, end: 15, coder: "乙" });
  });
  afterEach(async () => {
    process.env.DATABASE_URL = saved.url;
    if (saved.mode === undefined) delete process.env.JUNCTURE_MODE;
    else process.env.JUNCTURE_MODE = saved.mode;
    await t.close();
  });

  const call = (who: string, query = "") =>
    GET(new Request(`http://localhost/api/projects/${projectId}/audit?${query}`, { headers: { cookie: cookie[who]!, "accept-language": "en" } }), {
      params: Promise.resolve({ projectId }),
    });
  const users = async (res: Response) => ((await res.json()) as { events: { user: string }[] }).events.map((e) => e.user);

  it("shows an owner everyone's events, newest first, filtered by user", async () => {
    const res = await call("boss");
    expect(res.status).toBe(200);
    expect(await users(res)).toEqual(["乙", "甲"]);
    expect(await users(await call("boss", "user=甲"))).toEqual(["甲"]);
  });

  it("shows a coder only their own events and refuses another coder's (403), a viewer anything (403)", async () => {
    expect(await users(await call("甲"))).toEqual(["甲"]);
    const other = await call("甲", "user=乙");
    expect(other.status).toBe(403);
    expect((await other.json()).error.message).toBe("a coder sees only their own changes in the audit log, not 乙's");
    expect((await call("viewer")).status).toBe(403);
  });

  it("refuses an owner who codes in an open blind round everyone's events, but not their own", async () => {
    await openRound(t.db, { projectId, by: "boss", input: { name: "r1", documentIds: [documentId], coders: ["boss", "甲"] } });
    expect((await call("boss")).status).toBe(403);
    const own = await call("boss", "user=boss");
    expect(own.status).toBe(200);
    expect(await users(own)).toEqual([]);
  });

  it("answers a bad filter with 400 and its reason", async () => {
    const res = await call("boss", "kind=everything");
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain("kind must be one of coding, codebook, memo, period");
  });

  it("downloads the filtered log as CSV with a BOM", async () => {
    const res = await call("boss", "format=csv&document=" + documentId);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.user, r.action, r.entity, r.document_id, JSON.parse(r.detail!).after.quote])).toEqual([
      ["乙", "created", "coding", documentId, "协同发展"],
      ["甲", "created", "coding", documentId, "城际铁路"],
    ]);
  });
});
