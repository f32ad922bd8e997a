import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  changeOwnPassword,
  createSession,
  createUser,
  ensureLocalAdmin,
  listMembers,
  listUsers,
  projectOfResource,
  projectRole,
  removeMember,
  resetMemberPassword,
  revokeSession,
  sessionUser,
  setMember,
  setPassword,
  verifyLogin,
  visibleProjectIds,
} from "../../lib/auth/accounts";
import { LoginThrottle } from "../../lib/auth/login-throttle";
import { hashSessionToken, SESSION_LIFETIME_MS } from "../../lib/auth/session-tokens";
import { createCoding, createMemo } from "../../lib/coding";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject } from "../coding/fixtures";

const PW = "correct horse battery";

describe("accounts, sessions and memberships (database)", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => {
    await t.close();
  });

  it("creates a user with a hashed password; a coder name without a password becomes that account", async () => {
    const coder = await t.db.user.create({ data: { name: "王" } });
    const u = await createUser(t.db, { name: " 王 ", password: PW });
    expect(u.id).toBe(coder.id); // the coder's codings stay theirs
    const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(PW);
    await expect(createUser(t.db, { name: "王", password: PW })).rejects.toMatchObject({ code: "conflict" });
    await expect(createUser(t.db, { name: "li", password: "short" })).rejects.toMatchObject({ code: "invalid_input" });
    expect((await listUsers(t.db)).map((x) => [x.name, x.canSignIn])).toEqual([["王", true]]);
  });

  it("verifies a login, refuses a wrong password or name alike, and throttles after 5 failures", async () => {
    await createUser(t.db, { name: "alice", password: PW });
    let now = 1_000_000;
    const throttle = new LoginThrottle({ maxFailures: 5, windowMs: 15 * 60_000, now: () => now });
    expect((await verifyLogin(t.db, { name: "alice", password: PW, client: "1.2.3.4" }, throttle)).name).toBe("alice");
    const wrong = verifyLogin(t.db, { name: "alice", password: "wrong password!", client: "1.2.3.4" }, throttle);
    await expect(wrong).rejects.toMatchObject({ code: "unauthenticated", text: { en: "wrong user name or password" } });
    await expect(verifyLogin(t.db, { name: "nobody", password: PW }, throttle)).rejects.toMatchObject({
      code: "unauthenticated",
      text: { en: "wrong user name or password" },
    });
    for (let i = 0; i < 4; i++) {
      await expect(verifyLogin(t.db, { name: "alice", password: "nope nope nope", client: "5.6.7.8" }, throttle)).rejects.toMatchObject({
        code: "unauthenticated",
      });
    }
    // Fifth failure reached: even the right password is refused until the window passes.
    await expect(verifyLogin(t.db, { name: "alice", password: PW, client: "9.9.9.9" }, throttle)).rejects.toMatchObject({
      code: "rate_limited",
    });
    now += 15 * 60_000 + 1;
    expect((await verifyLogin(t.db, { name: "alice", password: PW }, throttle)).name).toBe("alice");
  });

  it("keeps only the hash of a session token; sessions expire and can be revoked", async () => {
    const u = await createUser(t.db, { name: "bob", password: PW });
    const now = new Date("2026-12-01T00:00:00Z");
    const { token, expiresAt } = await createSession(t.db, u.id, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(SESSION_LIFETIME_MS);
    const stored = await t.db.session.findMany();
    expect(stored.map((s) => s.tokenHash)).toEqual([hashSessionToken(token)]);
    expect(await sessionUser(t.db, token, new Date(now.getTime() + 1000))).toEqual({ id: u.id, name: "bob", isAdmin: false });
    expect(await sessionUser(t.db, "forged", now)).toBeNull();
    expect(await sessionUser(t.db, token, new Date(now.getTime() + SESSION_LIFETIME_MS + 1))).toBeNull();
    const second = await createSession(t.db, u.id, now);
    expect(await revokeSession(t.db, second.token)).toBe(true);
    expect(await sessionUser(t.db, second.token, now)).toBeNull();
  });

  it("changing one's password needs the current one and ends the other sessions; a reset ends all", async () => {
    const u = await createUser(t.db, { name: "carol", password: PW });
    const here = await createSession(t.db, u.id);
    const elsewhere = await createSession(t.db, u.id);
    await expect(
      changeOwnPassword(t.db, { userId: u.id, currentPassword: "not it at all", newPassword: "a new password" }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await changeOwnPassword(t.db, { userId: u.id, currentPassword: PW, newPassword: "a new password", keepSessionToken: here.token });
    expect(await sessionUser(t.db, here.token)).not.toBeNull();
    expect(await sessionUser(t.db, elsewhere.token)).toBeNull();
    const throttle = new LoginThrottle({ maxFailures: 5, windowMs: 60_000 });
    expect((await verifyLogin(t.db, { name: "carol", password: "a new password" }, throttle)).id).toBe(u.id);
    await setPassword(t.db, "carol", "reset by admin 1");
    expect(await sessionUser(t.db, here.token)).toBeNull();
  });

  it("manages members with roles and keeps at least one owner", async () => {
    const p = await addProject(t.db, "p");
    for (const n of ["o1", "o2", "c1"]) await createUser(t.db, { name: n, password: PW });
    await setMember(t.db, { projectId: p.id, userName: "o1", role: "owner" });
    await setMember(t.db, { projectId: p.id, userName: "c1", role: "coder" });
    await expect(setMember(t.db, { projectId: p.id, userName: "o1", role: "viewer" })).rejects.toMatchObject({
      code: "conflict",
      text: { en: "a project must keep at least one owner" },
    });
    await expect(removeMember(t.db, { projectId: p.id, userName: "o1" })).rejects.toMatchObject({ code: "conflict" });
    await expect(setMember(t.db, { projectId: p.id, userName: "c1", role: "boss" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(setMember(t.db, { projectId: p.id, userName: "ghost", role: "coder" })).rejects.toMatchObject({ code: "not_found" });
    await setMember(t.db, { projectId: p.id, userName: "o2", role: "owner" });
    await setMember(t.db, { projectId: p.id, userName: "o1", role: "viewer" });
    expect((await listMembers(t.db, p.id)).map((m) => [m.name, m.role])).toEqual([
      ["c1", "coder"],
      ["o1", "viewer"],
      ["o2", "owner"],
    ]);
    expect(await removeMember(t.db, { projectId: p.id, userName: "c1" })).toEqual({ removed: true });
    expect(await removeMember(t.db, { projectId: p.id, userName: "c1" })).toEqual({ removed: false });
  });

  it("keeps an owner when two owners are demoted at the same time", async () => {
    await t.db.user.createMany({ data: [{ name: "a" }, { name: "b" }] });
    // Several rounds: without the project lock PostgreSQL lets both demotions through now and then.
    for (let round = 0; round < 8; round++) {
      const p = await addProject(t.db, `p${round}`);
      for (const n of ["a", "b"]) await setMember(t.db, { projectId: p.id, userName: n, role: "owner" });
      const results = await Promise.allSettled([
        setMember(t.db, { projectId: p.id, userName: "a", role: "coder" }),
        setMember(t.db, { projectId: p.id, userName: "b", role: "coder" }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect((await listMembers(t.db, p.id)).filter((m) => m.role === "owner")).toHaveLength(1);
    }
    await expect(setMember(t.db, { projectId: "no-such-project", userName: "a", role: "coder" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers the role of a user in a project (admins own everything) and the project of a resource", async () => {
    const p = await addProject(t.db, "p");
    const q = await addProject(t.db, "q");
    const admin = await ensureLocalAdmin(t.db, "researcher");
    const v = await createUser(t.db, { name: "v", password: PW });
    await setMember(t.db, { projectId: p.id, userName: "v", role: "viewer" });
    expect(await projectRole(t.db, v, p.id)).toBe("viewer");
    expect(await projectRole(t.db, v, q.id)).toBeNull();
    expect(await projectRole(t.db, admin, q.id)).toBe("owner");
    expect(await visibleProjectIds(t.db, v)).toEqual(new Set([p.id]));
    expect(await visibleProjectIds(t.db, admin)).toBeNull();

    const code = await addCode(t.db, q.id, "X-1");
    const doc = await addDocument(t.db, q.id, ["推进城际铁路建设。"]);
    const coding = await createCoding(t.db, { documentId: doc.doc.id, codeId: code.id, start: 0, end: 2, coder: "v" });
    const memo = await createMemo(t.db, { projectId: q.id, kind: "project", author: "v", body: "m" });
    const group = await t.db.codeGroup.create({ data: { projectId: q.id, name: "g" } });
    for (const [kind, id] of [
      ["project", q.id],
      ["document", doc.doc.id],
      ["code", code.id],
      ["coding", coding.id],
      ["memo", memo.id],
      ["code-group", group.id],
    ] as const) {
      expect(await projectOfResource(t.db, kind, id)).toBe(q.id);
      expect(await projectOfResource(t.db, kind, "missing")).toBeNull();
    }
  });

  it("lets an owner reset a member's password, not a stranger's nor an admin's", async () => {
    const p = await addProject(t.db, "p");
    await createUser(t.db, { name: "m", password: PW });
    await createUser(t.db, { name: "stranger", password: PW });
    await createUser(t.db, { name: "root", password: PW, isAdmin: true });
    await setMember(t.db, { projectId: p.id, userName: "m", role: "coder" });
    await setMember(t.db, { projectId: p.id, userName: "root", role: "owner" });
    await resetMemberPassword(t.db, { projectId: p.id, userName: "m", password: "fresh password" });
    const throttle = new LoginThrottle({ maxFailures: 5, windowMs: 60_000 });
    expect((await verifyLogin(t.db, { name: "m", password: "fresh password" }, throttle)).name).toBe("m");
    await expect(resetMemberPassword(t.db, { projectId: p.id, userName: "stranger", password: "fresh password" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(resetMemberPassword(t.db, { projectId: p.id, userName: "root", password: "fresh password" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("creates the embedded admin once", async () => {
    const a = await ensureLocalAdmin(t.db, "researcher");
    const b = await ensureLocalAdmin(t.db, "researcher");
    expect(b.id).toBe(a.id);
    expect((await listUsers(t.db)).map((u) => [u.name, u.isAdmin, u.canSignIn])).toEqual([["researcher", true, false]]);
  });

  it("refuses a membership with an unknown role in the database itself", async () => {
    const p = await addProject(t.db, "p");
    const u = await t.db.user.create({ data: { name: "x" } });
    await expect(t.sql(`INSERT INTO "Membership" ("projectId", "userId", "role") VALUES (?, ?, ?)`, [p.id, u.id, "king"])).rejects.toThrow();
  });
});
