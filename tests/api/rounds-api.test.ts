import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as listRoute, POST as openRoute } from "../../app/api/projects/[projectId]/rounds/route";
import { PATCH as closeRoute } from "../../app/api/projects/[projectId]/rounds/[roundId]/route";
import { setMember } from "../../lib/auth/accounts";
import { blindScopeOf, openRound } from "../../lib/coding";
import { createTestDb, type TestDb } from "../helpers/db";
import { addDocument, addProject } from "../coding/fixtures";

/**
 * The rounds routes as the rounds page calls them (the embedded workbench's local admin, an
 * owner): list, open with documents and coders, the refusals with their reasons, close.
 */
describe("rounds API", () => {
  let t: TestDb;
  let projectId: string;
  let otherProjectId: string;
  let docs: { id: string; title: string }[];
  const savedUrl = process.env.DATABASE_URL;

  beforeEach(async () => {
    t = await createTestDb();
    process.env.DATABASE_URL = t.url; // getDb() opens the route's client on this URL
    projectId = (await addProject(t.db, "rounds")).id;
    otherProjectId = (await addProject(t.db, "other")).id;
    docs = [];
    for (const title of ["2014 报告", "2015 报告"]) docs.push({ id: (await addDocument(t.db, projectId, ["推进城际铁路建设。"], { title })).doc.id, title });
    for (const [name, role] of [["甲", "coder"], ["乙", "coder"], ["丙", "viewer"], ["丁", "owner"]] as const) {
      await t.db.user.create({ data: { name } });
      await setMember(t.db, { projectId, userName: name, role });
    }
    await t.db.user.create({ data: { name: "戊" } }); // a user, but no member of the project
  });
  afterEach(async () => {
    process.env.DATABASE_URL = savedUrl;
    await t.close();
  });

  const json = { "content-type": "application/json" };
  const open = (body: unknown, project = projectId) =>
    openRoute(new Request(`http://localhost/api/projects/${project}/rounds`, { method: "POST", headers: json, body: JSON.stringify(body) }), {
      params: Promise.resolve({ projectId: project }),
    });
  const close = (roundId: string, body: unknown = { status: "closed" }, project = projectId) =>
    closeRoute(new Request(`http://localhost/api/projects/${project}/rounds/${roundId}`, { method: "PATCH", headers: json, body: JSON.stringify(body) }), {
      params: Promise.resolve({ projectId: project, roundId }),
    });
  const list = async () => {
    const res = await listRoute(new Request(`http://localhost/api/projects/${projectId}/rounds`), { params: Promise.resolve({ projectId }) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { rounds: { id: string; name: string; status: string; openedBy: string; closedBy: string; closedAt: string | null; documents: { title: string }[]; coders: { name: string }[] }[] }).rounds;
  };
  const error = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: object }).error });

  it("opens a round for chosen documents and coders, lists it, and closes it", async () => {
    const res = await open({ name: "第一轮", documentIds: [docs[1]!.id, docs[0]!.id], coders: ["乙", "甲"] });
    expect(res.status).toBe(201);
    const { round } = (await res.json()) as { round: { id: string; status: string; openedBy: string } };
    expect(round).toMatchObject({ status: "open", openedBy: "researcher" });
    expect(await list()).toMatchObject([
      { id: round.id, name: "第一轮", status: "open", closedBy: "", closedAt: null, documents: [{ title: "2014 报告" }, { title: "2015 报告" }], coders: [{ name: "乙" }, { name: "甲" }].sort((a, b) => a.name.localeCompare(b.name)) },
    ]);
    expect((await blindScopeOf(t.db, projectId, "甲"))?.documentIds.sort()).toEqual(docs.map((d) => d.id).sort());

    const closed = await close(round.id);
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as { round: object }).round).toMatchObject({ id: round.id, status: "closed", closedBy: "researcher" });
    expect(await blindScopeOf(t.db, projectId, "甲")).toBeNull();
    expect(await error(await close(round.id))).toEqual({ status: 409, code: "conflict", message: "round “第一轮” is already closed" });
  });

  it("refuses members without the coder role and users who are not members, by name; nothing is opened", async () => {
    expect(await error(await open({ name: "R", documentIds: [docs[0]!.id], coders: ["甲", "丙", "丁", "戊"] }))).toEqual({
      status: 400,
      code: "invalid_input",
      message: "not coders of this project: 丙, 丁, 戊 (only members with the coder role code in a round)",
    });
    expect(await error(await open({ name: "R", documentIds: [docs[0]!.id], coders: ["甲", "无名"] }))).toEqual({
      status: 400,
      code: "invalid_input",
      message: "no such users: 无名 (add them first)",
    });
    expect(await list()).toEqual([]);
  });

  it("refuses a single coder and an unknown document with the reason", async () => {
    expect(await error(await open({ name: "R", documentIds: [docs[0]!.id], coders: ["甲"] }))).toEqual({
      status: 400,
      code: "invalid_input",
      message: "coders: a blind round needs at least two coders",
    });
    // The same coder twice is still one coder.
    expect(await error(await open({ name: "R", documentIds: [docs[0]!.id], coders: ["甲", "甲"] }))).toEqual({
      status: 400,
      code: "invalid_input",
      message: "a blind round needs at least two coders",
    });
    expect(await error(await open({ name: "R", documentIds: [docs[0]!.id, "no-such-doc"], coders: ["甲", "乙"] }))).toEqual({
      status: 400,
      code: "invalid_input",
      message: "not documents of this project: no-such-doc",
    });
    expect(await error(await open({ name: "R", documentIds: [], coders: ["甲", "乙"] }))).toEqual({
      status: 400,
      code: "invalid_input",
      message: "documentIds: choose at least one document",
    });
    expect(await list()).toEqual([]);
  });

  it("answers 404 for a round of another project and refuses a change other than closing", async () => {
    const other = await openRound(t.db, { projectId, by: "o", input: { name: "R", documentIds: [docs[0]!.id], coders: ["甲", "乙"] } });
    expect(await error(await close(other.id, { status: "closed" }, otherProjectId))).toEqual({ status: 404, code: "not_found", message: "no such round" });
    expect(await error(await close(other.id, { status: "open" }))).toEqual({
      status: 400,
      code: "invalid_input",
      message: "status: a round can only be closed (status: closed)",
    });
    expect((await list())[0]).toMatchObject({ status: "open" });
  });
});
