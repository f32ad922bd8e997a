/**
 * The span CHECK constraints of the migrations, proven on the database itself: raw SQL through
 * better-sqlite3, so no validation in lib/ or Prisma stands in front of them.
 */
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/db";

describe("database constraints", () => {
  let t: TestDb;
  let sql: Database.Database;
  beforeEach(async () => {
    t = await createTestDb();
    sql = new Database(t.file);
    sql.exec(`
      INSERT INTO "User" ("id", "name") VALUES ('u1', '王');
      INSERT INTO "Project" ("id", "name", "updatedAt") VALUES ('p1', 'p', CURRENT_TIMESTAMP);
      INSERT INTO "Document" ("id", "projectId", "title", "sha256", "plainText", "charCount", "updatedAt")
        VALUES ('d1', 'p1', 'd', 'x', 'abcdef', 6, CURRENT_TIMESTAMP);
      INSERT INTO "Code" ("id", "projectId", "shortName", "labelZh", "labelEn", "color", "updatedAt")
        VALUES ('c1', 'p1', 'C-1', '码', 'code', '#336699', CURRENT_TIMESTAMP);
    `);
  });
  afterEach(async () => {
    sql.close();
    await t.close();
  });

  const insertUnit = (start: number, end: number) =>
    sql
      .prepare(`INSERT INTO "Unit" ("id", "documentId", "kind", "ordinal", "paragraph", "start", "end") VALUES (?, 'd1', 'sentence', 0, 0, ?, ?)`)
      .run(`unit ${start}-${end}`, start, end);
  const insertCoding = (start: number, end: number) =>
    sql
      .prepare(
        `INSERT INTO "Coding" ("id", "projectId", "documentId", "codeId", "coderId", "start", "end", "quote", "updatedAt")
         VALUES (?, 'p1', 'd1', 'c1', 'u1', ?, ?, 'q', CURRENT_TIMESTAMP)`,
      )
      .run(`coding ${start}-${end}`, start, end);
  const count = (table: string) => (sql.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;

  it("counts substr/length in code points, like the offsets we store", () => {
    expect(sql.prepare("SELECT substr('a𠮷bc', 2, 2) AS s, length('a𠮷bc') AS l").get()).toEqual({ s: "𠮷b", l: 4 });
  });

  it("refuses a unit whose span is empty, reversed or negative", () => {
    for (const [start, end] of [[2, 2], [3, 2], [-1, 2]] as const) {
      expect(() => insertUnit(start, end), `${start}…${end}`).toThrow("CHECK constraint failed: Unit_span_check");
    }
    expect(count("Unit")).toBe(0);
    insertUnit(0, 1); // the smallest valid span is accepted
    expect(count("Unit")).toBe(1);
  });

  it("refuses a coding whose span is empty, reversed or negative", () => {
    for (const [start, end] of [[2, 2], [3, 2], [-1, 2]] as const) {
      expect(() => insertCoding(start, end), `${start}…${end}`).toThrow("CHECK constraint failed: Coding_span_check");
    }
    expect(count("Coding")).toBe(0);
    insertCoding(0, 1);
    expect(count("Coding")).toBe(1);
  });
});
