import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as login } from "../../app/api/auth/login/route";
import { POST as logout } from "../../app/api/auth/logout/route";
import { POST as createCodingRoute } from "../../app/api/documents/[documentId]/codings/route";
import { GET as listProjectsRoute, POST as createProjectRoute } from "../../app/api/projects/route";
import { createUser, setMember } from "../../lib/auth/accounts";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject } from "../coding/fixtures";

/** Sign-in and sign-out through the routes, who codings are attributed to, and who owns a new project. */
describe("sessions and attribution through the routes", () => {
  const saved = { url: process.env.DATABASE_URL, mode: process.env.JUNCTURE_MODE };
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
    process.env.DATABASE_URL = t.url;
  });
  afterEach(async () => {
    process.env.DATABASE_URL = saved.url;
    if (saved.mode === undefined) delete process.env.JUNCTURE_MODE;
    else process.env.JUNCTURE_MODE = saved.mode;
    await t.close();
  });

  const json = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("team server: signs in with an httpOnly SameSite=Lax cookie (Secure over https), attributes to the user, signs out", async () => {
    process.env.JUNCTURE_MODE = "server";
    await createUser(t.db, { name: "coder", password: "coder password 1" });
    const p = await addProject(t.db, "p");
    await setMember(t.db, { projectId: p.id, userName: "coder", role: "coder" });
    const code = await addCode(t.db, p.id, "A-1");
    const doc = await addDocument(t.db, p.id, ["推进城际铁路建设。"]);

    const wrong = await login(json("http://localhost/api/auth/login", { name: "coder", password: "nope nope nope" }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();

    const res = await login(json("http://localhost/api/auth/login", { name: "coder", password: "coder password 1" }));
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^juncture-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    expect(setCookie).not.toContain("Secure");
    const secure = await login(json("https://juncture.example/api/auth/login", { name: "coder", password: "coder password 1" }));
    expect(secure.headers.get("set-cookie")).toMatch(/; Secure$/);
    const cookie = setCookie.split(";")[0]!;

    const coded = await createCodingRoute(
      json(`http://localhost/api/documents/${doc.doc.id}/codings`, { codeId: code.id, start: 0, end: 2 }, { cookie: `${cookie}; juncture-coder=someone-else` }),
      { params: Promise.resolve({ documentId: doc.doc.id }) },
    );
    expect(coded.status).toBe(201);
    expect((await coded.json()).coding.coder).toBe("coder");

    const made = await createProjectRoute(json("http://localhost/api/projects", { name: "mine", templates: "none" }, { cookie }));
    expect(made.status).toBe(201);
    const mine = (await made.json()).project.id as string;
    await addProject(t.db, "someone else's");
    const listed = await listProjectsRoute(new Request("http://localhost/api/projects", { headers: { cookie } }));
    expect(((await listed.json()).projects as { name: string }[]).map((x) => x.name).sort()).toEqual(["mine", "p"]);
    expect(await t.db.membership.findMany({ where: { projectId: mine }, select: { role: true, user: { select: { name: true } } } })).toEqual([
      { role: "owner", user: { name: "coder" } },
    ]);

    const malformed = await listProjectsRoute(new Request("http://localhost/api/projects", { headers: { cookie: "juncture-session=%E0%A4%A" } }));
    expect(malformed.status).toBe(401);

    const out = await logout(new Request("http://localhost/api/auth/logout", { method: "POST", headers: { cookie } }));
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");
    expect((await listProjectsRoute(new Request("http://localhost/api/projects", { headers: { cookie } }))).status).toBe(401);
  });

  it("embedded workbench: no login, the coder name the browser chose attributes codings, and the admin exists", async () => {
    process.env.JUNCTURE_MODE = "embedded";
    const p = await addProject(t.db, "p");
    const code = await addCode(t.db, p.id, "A-1");
    const doc = await addDocument(t.db, p.id, ["推进城际铁路建设。"]);
    expect((await listProjectsRoute(new Request("http://localhost/api/projects"))).status).toBe(200);
    const coded = await createCodingRoute(
      json(`http://localhost/api/documents/${doc.doc.id}/codings`, { codeId: code.id, start: 0, end: 2 }, { cookie: `juncture-coder=${encodeURIComponent("王 五")}` }),
      { params: Promise.resolve({ documentId: doc.doc.id }) },
    );
    expect((await coded.json()).coding.coder).toBe("王 五");
    expect(await t.db.user.findMany({ where: { isAdmin: true }, select: { name: true } })).toEqual([{ name: "researcher" }]);
  });
});
