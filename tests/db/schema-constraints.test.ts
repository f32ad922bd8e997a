import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/db";

describe("database constraints", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it("counts substr/length in code points, like the offsets we store", async () => {
    const rows = await t.db.$queryRawUnsafe<{ s: string; l: bigint }[]>(
      "SELECT substr('a𠮷bc', 2, 2) AS s, length('a𠮷bc') AS l",
    );
    expect(rows[0]!.s).toBe("𠮷b");
    expect(Number(rows[0]!.l)).toBe(4);
  });

  it("rejects a unit whose span is empty or negative", async () => {
    const p = await t.db.project.create({ data: { name: "p" } });
    const d = await t.db.document.create({
      data: { projectId: p.id, title: "d", sha256: "x", plainText: "abc", charCount: 3 },
    });
    await expect(
      t.db.unit.create({ data: { documentId: d.id, kind: "sentence", ordinal: 0, paragraph: 0, start: 2, end: 2 } }),
    ).rejects.toThrow();
    await expect(
      t.db.unit.create({ data: { documentId: d.id, kind: "sentence", ordinal: 0, paragraph: 0, start: -1, end: 2 } }),
    ).rejects.toThrow();
  });
});
