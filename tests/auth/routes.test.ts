import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSession, setMember } from "../../lib/auth/accounts";
import type { ProjectAction } from "../../lib/auth/roles";
import { can } from "../../lib/auth/roles";
import { createCodeGroup } from "../../lib/codebook";
import { createCoding, createMemo } from "../../lib/coding";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject } from "../coding/fixtures";

/**
 * Every route handler under app/, called directly as an anonymous visitor, a non-member, a
 * viewer and a coder of a fixture project on a team server. The list of routes comes from the
 * app/ tree: a route file or method the table below does not describe fails the test, so a new
 * route cannot ship without saying which project and action authorise it.
 */

const APP = path.resolve(__dirname, "..", "..", "app");
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
type Method = (typeof METHODS)[number];

type Fixture = {
  projectId: string;
  documentId: string;
  codeId: string;
  otherCodeId: string;
  groupId: string;
  codingId: string;
  memoId: string;
  unitId: string;
  stageId: string;
  junctureId: string;
  evidenceId: string;
};

/** How one method of one route is called and which action on the fixture project it needs. */
type Case = {
  /** "signed-in": any signed-in user; "public": anyone (sign-in itself). */
  action: ProjectAction | "signed-in" | "public";
  params?: (f: Fixture) => Record<string, string>;
  query?: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
};

const project = (f: Fixture) => ({ projectId: f.projectId });
const document = (f: Fixture) => ({ documentId: f.documentId });
const code = (f: Fixture) => ({ codeId: f.codeId });
const group = (f: Fixture) => ({ groupId: f.groupId });

const TABLE: Record<string, Partial<Record<Method, Case>>> = {
  "api/projects": {
    GET: { action: "signed-in" },
    POST: { action: "signed-in", body: () => ({ name: `new ${Math.random()}`, templates: "none" }) },
  },
  "api/projects/[projectId]": {
    GET: { action: "read", params: project },
    DELETE: { action: "manage", params: project, body: () => ({ confirmName: "not the name" }) },
  },
  "api/projects/[projectId]/deletion": { GET: { action: "manage", params: project } },
  "api/projects/[projectId]/documents": {
    GET: { action: "read", params: project },
    POST: { action: "import", params: project, body: () => ({}) },
  },
  "api/projects/[projectId]/documents/facets": { GET: { action: "read", params: project } },
  "api/projects/[projectId]/codes": {
    GET: { action: "read", params: project },
    POST: { action: "edit-codebook", params: project, body: () => ({ shortName: "NEW-1" }) },
  },
  "api/projects/[projectId]/codes/templates": {
    GET: { action: "read", params: project },
    POST: { action: "edit-codebook", params: project, body: () => ({ keys: [] }) },
  },
  "api/projects/[projectId]/search": {
    POST: { action: "read", params: project, body: () => ({ query: "铁路" }) },
  },
  "api/projects/[projectId]/search/code": {
    POST: { action: "code", params: project, body: (f) => ({ unitIds: [f.unitId], codeId: f.otherCodeId }) },
  },
  "api/projects/[projectId]/suggestions": {
    GET: { action: "read", params: project, query: (f) => `codeId=${f.codeId}` },
    POST: { action: "code", params: project, body: (f) => ({ codeId: f.codeId, accept: [], reject: [] }) },
  },
  "api/documents/[documentId]": {
    GET: { action: "read", params: document },
    PATCH: { action: "import", params: document, body: () => ({ version: 1, title: "改名" }) },
    DELETE: { action: "import", params: document },
  },
  "api/documents/[documentId]/codings": {
    GET: { action: "read", params: document },
    POST: { action: "code", params: document, body: (f) => ({ codeId: f.otherCodeId, start: 0, end: 2 }) },
  },
  "api/documents/[documentId]/reader": { GET: { action: "read", params: document } },
  "api/documents/[documentId]/reader/codings": { GET: { action: "read", params: document } },
  "api/documents/[documentId]/text": { GET: { action: "read", params: document } },
  "api/codings/units": {
    POST: { action: "code", body: (f) => ({ unitIds: [f.unitId], codeId: f.otherCodeId }) },
  },
  "api/codings/[codingId]": {
    PATCH: { action: "code", params: (f) => ({ codingId: f.codingId }), body: () => ({ version: 1, comment: "改" }) },
    DELETE: { action: "code", params: (f) => ({ codingId: f.codingId }), query: () => "version=1" },
  },
  "api/codes/[codeId]": {
    GET: { action: "read", params: code },
    PATCH: { action: "edit-codebook", params: code, body: () => ({ expectedVersion: 1, labelEn: "changed" }) },
    DELETE: { action: "edit-codebook", params: code, body: () => ({}) },
  },
  "api/codes/[codeId]/deletion": { GET: { action: "read", params: code } },
  "api/codes/[codeId]/merge": { POST: { action: "edit-codebook", params: code, body: () => ({}) } },
  "api/codes/[codeId]/move": { POST: { action: "edit-codebook", params: code, body: () => ({ newParentId: null }) } },
  "api/code-groups": { POST: { action: "edit-codebook", body: (f) => ({ projectId: f.projectId, name: "新组" }) } },
  "api/code-groups/[groupId]": { DELETE: { action: "edit-codebook", params: group } },
  "api/code-groups/[groupId]/members": {
    POST: { action: "edit-codebook", params: group, body: (f) => ({ codeIds: [f.otherCodeId] }) },
  },
  "api/code-groups/[groupId]/members/[codeId]": {
    DELETE: { action: "edit-codebook", params: (f) => ({ groupId: f.groupId, codeId: f.codeId }) },
  },
  "api/memos": {
    GET: { action: "read", query: (f) => `projectId=${f.projectId}` },
    POST: { action: "code", body: (f) => ({ projectId: f.projectId, kind: "project", body: "笔记" }) },
  },
  "api/memos/[memoId]": {
    PATCH: { action: "code", params: (f) => ({ memoId: f.memoId }), body: () => ({ version: 1, body: "改" }) },
    DELETE: { action: "code", params: (f) => ({ memoId: f.memoId }), query: () => "version=1" },
  },
  "api/projects/[projectId]/periods": {
    GET: { action: "read", params: project },
    POST: { action: "code", params: project, body: () => ({}) },
  },
  "api/projects/[projectId]/periods/stages": { POST: { action: "code", params: project, body: () => ({}) } },
  "api/projects/[projectId]/periods/junctures": { POST: { action: "code", params: project, body: () => ({}) } },
  "api/projects/[projectId]/periods/copy": { POST: { action: "code", params: project, body: () => ({}) } },
  "api/projects/[projectId]/periods/export": { GET: { action: "read", params: project, query: () => "format=csv" } },
  "api/projects/[projectId]/export": { GET: { action: "read", params: project, query: () => "format=csv" } },
  "api/projects/import-qdpx": { POST: { action: "signed-in", query: () => "name=imported" } },
  "api/projects/[projectId]/import-qdc": { POST: { action: "edit-codebook", params: project } },
  "api/projects/[projectId]/periods/stage-codes": { GET: { action: "read", params: project, query: () => "value=BTH&codes=CON-1" } },
  "api/projects/[projectId]/periods/suggestions": { GET: { action: "read", params: project, query: () => "value=BTH&codes=CON-1" } },
  "api/projects/[projectId]/timeline": { GET: { action: "read", params: project, query: () => "value=BTH&codes=CON-1" } },
  "api/stages/[stageId]": {
    PATCH: { action: "code", params: (f) => ({ stageId: f.stageId }), body: () => ({ version: 1, nameEn: "renamed" }) },
    DELETE: { action: "code", params: (f) => ({ stageId: f.stageId }), query: () => "version=1" },
  },
  "api/junctures/[junctureId]": {
    PATCH: { action: "code", params: (f) => ({ junctureId: f.junctureId }), body: () => ({ version: 1, description: "改" }) },
    DELETE: { action: "code", params: (f) => ({ junctureId: f.junctureId }), query: () => "version=1" },
  },
  "api/junctures/[junctureId]/evidence": {
    POST: { action: "code", params: (f) => ({ junctureId: f.junctureId }), body: (f) => ({ kind: "document", targetId: f.documentId }) },
  },
  "api/juncture-evidence/[evidenceId]": { DELETE: { action: "code", params: (f) => ({ evidenceId: f.evidenceId }) } },
  "api/projects/[projectId]/agreement": { GET: { action: "read", params: project, query: () => "coders=owner,coder" } },
  "api/projects/[projectId]/agreement/consensus": { GET: { action: "read", params: project, query: () => "coders=owner,coder" } },
  "api/projects/[projectId]/agreement/decisions": {
    POST: { action: "manage", params: project, body: (f) => ({ unitId: f.unitId, codeId: f.codeId, accept: [] }) },
    DELETE: { action: "manage", params: project, query: (f) => `unitId=${f.unitId}&codeId=${f.codeId}` },
  },
  "api/projects/[projectId]/analysis/frequencies": { GET: { action: "read", params: project } },
  "api/projects/[projectId]/analysis/cooccurrence": { GET: { action: "read", params: project } },
  // A coder may read the log (their own events only): the action that opens it is "code".
  "api/projects/[projectId]/audit": { GET: { action: "code", params: project, query: () => "format=csv" } },
  "api/projects/[projectId]/analysis/passages": { GET: { action: "read", params: project, query: () => "code=CON-1" } },
  "api/projects/[projectId]/analysis/matrix": { GET: { action: "read", params: project, query: () => "rows=CON-1&cols=CON-2" } },
  "api/projects/[projectId]/analysis/variables": {
    GET: { action: "read", params: project },
    POST: { action: "import", params: project, body: () => ({}) },
  },
  "api/projects/[projectId]/analysis/variables/csv": { POST: { action: "import", params: project, body: () => ({}) } },
  "api/projects/[projectId]/analysis/variables/[name]/values": {
    PUT: { action: "import", params: (f) => ({ ...project(f), name: "role" }), body: () => ({}) },
  },
  "api/projects/[projectId]/analysis/variables/template": { POST: { action: "import", params: project } },
  "api/projects/[projectId]/analysis/words": { GET: { action: "read", params: project } },
  "api/projects/[projectId]/analysis/words/passages": { GET: { action: "read", params: project, query: () => "word=协同" } },
  "api/projects/[projectId]/analysis/stopwords": {
    GET: { action: "read", params: project },
    POST: { action: "edit-codebook", params: project, body: () => ({}) },
  },
  "api/auth/login": { POST: { action: "public", body: () => ({}) } },
  "api/auth/logout": { POST: { action: "signed-in" } },
  "api/auth/password": { POST: { action: "signed-in", body: () => ({}) } },
  "api/projects/[projectId]/members": {
    GET: { action: "manage", params: project },
    POST: { action: "manage", params: project, body: () => ({}) },
  },
  "api/projects/[projectId]/rounds": {
    GET: { action: "read", params: project },
    POST: { action: "manage", params: project, body: () => ({}) },
  },
  "api/projects/[projectId]/rounds/[roundId]": {
    PATCH: { action: "manage", params: (f) => ({ ...project(f), roundId: "nowhere" }), body: () => ({ status: "closed" }) },
  },
  "api/projects/[projectId]/members/[userId]": {
    PATCH: { action: "manage", params: (f) => ({ ...project(f), userId: "nobody" }), body: () => ({}) },
    DELETE: { action: "manage", params: (f) => ({ ...project(f), userId: "nobody" }) },
  },
};

/** Route files under app/, as paths like "api/projects/[projectId]". */
function routeFiles(dir = APP, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...routeFiles(path.join(dir, entry.name), rel));
    else if (/^route\.(ts|tsx|js)$/.test(entry.name)) out.push(prefix);
  }
  return out.sort();
}

/** Files with a "use server" directive would be server actions; none may exist unchecked. */
function serverActionFiles(dir = APP): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...serverActionFiles(full));
    else if (/\.(ts|tsx)$/.test(entry.name) && /^\s*["']use server["']/m.test(fs.readFileSync(full, "utf8"))) out.push(full);
  }
  return out;
}

/** A stage, a juncture after it and one piece of evidence, for the resource-keyed periods routes. */
async function periodsFixture(t: TestDb, projectId: string, documentId: string) {
  const scope = { projectId, scopeField: "region", scopeValue: "BTH" };
  const stage = await t.db.stage.create({ data: { ...scope, nameEn: "I", startYear: 2006, endYear: 2010 } });
  const juncture = await t.db.juncture.create({ data: { ...scope, year: 2011, titleEn: "J" } });
  const evidence = await t.db.junctureEvidence.create({ data: { junctureId: juncture.id, kind: "document", targetId: documentId } });
  return { stageId: stage.id, junctureId: juncture.id, evidenceId: evidence.id };
}

type Who = "anonymous" | "outsider" | "viewer" | "coder";
const WHO: Who[] = ["anonymous", "outsider", "viewer", "coder"];

function expected(who: Who, c: Case): "401" | "404" | "403" | "allowed" {
  if (c.action === "public") return "allowed";
  if (who === "anonymous") return "401";
  if (c.action === "signed-in") return "allowed";
  if (who === "outsider") return "404";
  return can(who, c.action) ? "allowed" : "403";
}

describe("every route is authorised (team server)", () => {
  const saved = { url: process.env.DATABASE_URL, mode: process.env.JUNCTURE_MODE };
  let t: TestDb;
  let f: Fixture;
  const cookies: Partial<Record<Who, string>> = {};

  // A fresh project per route: an allowed delete must not take away what the next route needs.
  beforeEach(async () => {
    process.env.JUNCTURE_MODE = "server";
    t = await createTestDb();
    process.env.DATABASE_URL = t.url;
    // Sessions are made directly: passwords (scrypt) are tested in accounts.test.ts.
    const owner = await t.db.user.create({ data: { name: "owner" } });
    for (const who of ["outsider", "viewer", "coder"] as const) {
      const u = await t.db.user.create({ data: { name: who } });
      cookies[who] = `juncture-session=${(await createSession(t.db, u.id)).token}`;
    }
    const p = await addProject(t.db, "fixture");
    await t.db.membership.create({ data: { projectId: p.id, userId: owner.id, role: "owner" } });
    await setMember(t.db, { projectId: p.id, userName: "viewer", role: "viewer" });
    await setMember(t.db, { projectId: p.id, userName: "coder", role: "coder" });
    const c = await addCode(t.db, p.id, "CON-1");
    const other = await addCode(t.db, p.id, "CON-2");
    const doc = await addDocument(t.db, p.id, ["推进城际铁路建设。加快发展。"]);
    // The coder's own coding: they may change it (another's is refused: tests/coding/codings.test.ts).
    const coding = await createCoding(t.db, { documentId: doc.doc.id, codeId: c.id, start: 2, end: 6, coder: "coder" });
    const memo = await createMemo(t.db, { projectId: p.id, kind: "project", author: "owner", body: "笔记" });
    const g = await createCodeGroup(t.db, { projectId: p.id, name: "组" });
    await t.db.codeGroupMember.create({ data: { groupId: g.id, codeId: c.id } });
    f = {
      projectId: p.id,
      documentId: doc.doc.id,
      codeId: c.id,
      otherCodeId: other.id,
      groupId: g.id,
      codingId: coding.id,
      memoId: memo.id,
      unitId: doc.sentences[0]!.id,
      ...(await periodsFixture(t, p.id, doc.doc.id)),
    };
  });

  afterEach(async () => {
    process.env.DATABASE_URL = saved.url;
    if (saved.mode === undefined) delete process.env.JUNCTURE_MODE;
    else process.env.JUNCTURE_MODE = saved.mode;
    await t.close();
  });

  it("has no server actions (each would need a row here)", () => {
    expect(serverActionFiles()).toEqual([]);
  });

  it("describes every route file and method found under app/ (and nothing else)", async () => {
    const found: string[] = [];
    for (const route of routeFiles()) {
      const mod = (await import(path.join(APP, route, "route.ts"))) as Record<string, unknown>;
      for (const m of METHODS) if (typeof mod[m] === "function") found.push(`${m} ${route}`);
    }
    const described = Object.entries(TABLE).flatMap(([route, ms]) => Object.keys(ms).map((m) => `${m} ${route}`));
    expect(found.filter((x) => !described.includes(x)), "routes without a row in TABLE").toEqual([]);
    expect(described.filter((x) => !found.includes(x)), "rows in TABLE without a route").toEqual([]);
  });

  for (const route of routeFiles()) {
    it(`${route}: anonymous 401, non-member 404, viewer and coder as their role allows`, async () => {
      const mod = (await import(path.join(APP, route, "route.ts"))) as Record<string, unknown>;
      const rows = TABLE[route];
      expect(rows, `no row for ${route}`).toBeDefined();
      const failures: string[] = [];
      // Writes allowed to the coder run last, so that a delete does not remove what others need.
      for (const who of WHO) {
        for (const m of METHODS) {
          const handler = mod[m] as ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) | undefined;
          const c = rows?.[m];
          if (!handler || !c) continue;
          const want = expected(who, c);
          const headers: Record<string, string> = { "content-type": "application/json" };
          if (who !== "anonymous") headers.cookie = cookies[who]!;
          const url = `http://localhost/${route}${c.query ? `?${c.query(f)}` : ""}`;
          const body = c.body ? JSON.stringify(c.body(f)) : m === "GET" || m === "DELETE" ? undefined : "{}";
          const res = await handler(new Request(url, { method: m, headers, body }), { params: Promise.resolve(c.params?.(f) ?? {}) });
          const got = res.status;
          const ok =
            want === "allowed" ? ![401, 403, 404].includes(got) && got < 500 : got === Number(want);
          if (!ok) failures.push(`${who} ${m}: expected ${want}, got ${got} ${await res.text()}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
