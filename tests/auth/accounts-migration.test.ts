import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCoding, createMemo } from "../../lib/coding";
import { migrateDatabase } from "../../lib/db/migrate";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject } from "../coding/fixtures";

/**
 * The accounts migration on a database from before it: users who coded or wrote memos in a
 * project become its owners (before accounts everyone could do everything); their codings keep
 * their coder. The test database is taken back to the state before the migration first.
 */
describe("migration 20261202010000_accounts", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it("makes each existing coder or memo author an owner of the projects they worked in", async () => {
    const p = await addProject(t.db, "p");
    const q = await addProject(t.db, "q");
    await addProject(t.db, "untouched");
    const code = await addCode(t.db, p.id, "A-1");
    const doc = await addDocument(t.db, p.id, ["推进城际铁路建设。"]);
    await createCoding(t.db, { documentId: doc.doc.id, codeId: code.id, start: 0, end: 2, coder: "王" });
    await createCoding(t.db, { documentId: doc.doc.id, codeId: code.id, start: 2, end: 4, coder: "王" });
    await createCoding(t.db, { documentId: doc.doc.id, codeId: code.id, start: 0, end: 2, coder: "li" });
    await createMemo(t.db, { projectId: q.id, kind: "project", author: "王", body: "m" });
    await t.db.$disconnect();

    for (const s of [
      `DROP TABLE "Session"`,
      `DROP TABLE "Membership"`,
      `ALTER TABLE "User" DROP COLUMN "passwordHash"`,
      `ALTER TABLE "User" DROP COLUMN "isAdmin"`,
      `DELETE FROM "_prisma_migrations" WHERE migration_name = '20261202010000_accounts'`,
    ]) {
      await t.sql(s);
    }
    await migrateDatabase(t.url);

    const rows = await t.sql(
      `SELECT p."name" AS project, u."name" AS "user", m."role" AS role FROM "Membership" m
       JOIN "Project" p ON p."id" = m."projectId" JOIN "User" u ON u."id" = m."userId" ORDER BY p."name", u."name"`,
    );
    expect(rows.map((r) => [r.project, r.user, r.role])).toEqual([
      ["p", "li", "owner"],
      ["p", "王", "owner"],
      ["q", "王", "owner"],
    ]);
    const users = await t.sql(`SELECT "name", "passwordHash", "isAdmin" FROM "User" ORDER BY "name"`);
    expect(users.map((u) => [u.name, u.passwordHash, Boolean(u.isAdmin)])).toEqual([
      ["li", null, false],
      ["王", null, false],
    ]);
    expect((await t.sql(`SELECT COUNT(*) AS n FROM "Coding"`)).map((r) => Number(r.n))).toEqual([3]);
  });
});
