/**
 * The span CHECK constraints of the migrations, proven on the database itself: raw SQL past
 * lib/ and Prisma, so no validation stands in front of them — on SQLite and on PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/db";

const violation = (t: TestDb, table: string) =>
  t.provider === "sqlite"
    ? `CHECK constraint failed: ${table}_span_check`
    : `new row for relation "${table}" violates check constraint "${table}_span_check"`;

describe("database constraints", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
    await t.sql(`INSERT INTO "User" ("id", "name") VALUES ('u1', '王')`);
    await t.sql(`INSERT INTO "Project" ("id", "name", "updatedAt") VALUES ('p1', 'p', CURRENT_TIMESTAMP)`);
    await t.sql(`INSERT INTO "Document" ("id", "projectId", "title", "sha256", "plainText", "charCount", "updatedAt")
        VALUES ('d1', 'p1', 'd', 'x', 'abcdef', 6, CURRENT_TIMESTAMP)`);
    await t.sql(`INSERT INTO "Code" ("id", "projectId", "shortName", "labelZh", "labelEn", "color", "updatedAt")
        VALUES ('c1', 'p1', 'C-1', '码', 'code', '#336699', CURRENT_TIMESTAMP)`);
  });
  afterEach(async () => t.close());

  const insertUnit = (start: number, end: number) =>
    t.sql(`INSERT INTO "Unit" ("id", "documentId", "kind", "ordinal", "paragraph", "start", "end") VALUES (?, 'd1', 'sentence', 0, 0, ?, ?)`, [
      `unit ${start}-${end}`,
      start,
      end,
    ]);
  const insertCoding = (start: number, end: number) =>
    t.sql(
      `INSERT INTO "Coding" ("id", "projectId", "documentId", "codeId", "coderId", "start", "end", "quote", "updatedAt")
         VALUES (?, 'p1', 'd1', 'c1', 'u1', ?, ?, 'q', CURRENT_TIMESTAMP)`,
      [`coding ${start}-${end}`, start, end],
    );
  const count = async (table: string) => Number((await t.sql(`SELECT count(*) AS n FROM "${table}"`))[0]?.n);

  it("counts substr/length in code points, like the offsets we store", async () => {
    expect(await t.sql("SELECT substr('a𠮷bc', 2, 2) AS s, length('a𠮷bc') AS l")).toEqual([{ s: "𠮷b", l: 4 }]);
  });

  it("refuses a unit whose span is empty, reversed or negative", async () => {
    for (const [start, end] of [[2, 2], [3, 2], [-1, 2]] as const) {
      await expect(insertUnit(start, end), `${start}…${end}`).rejects.toThrow(violation(t, "Unit"));
    }
    expect(await count("Unit")).toBe(0);
    await insertUnit(0, 1); // the smallest valid span is accepted
    expect(await count("Unit")).toBe(1);
  });

  it("refuses a coding whose span is empty, reversed or negative", async () => {
    for (const [start, end] of [[2, 2], [3, 2], [-1, 2]] as const) {
      await expect(insertCoding(start, end), `${start}…${end}`).rejects.toThrow(violation(t, "Coding"));
    }
    expect(await count("Coding")).toBe(0);
    await insertCoding(0, 1);
    expect(await count("Coding")).toBe(1);
  });
});
