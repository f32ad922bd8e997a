import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCodesToGroup, createCode, createCodeGroup, deleteCode, describeCodeDeletion, listCodeGroups } from "../../lib/codebook";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCoding, seedProject } from "./fixtures";

describe("describeCodeDeletion / deleteCode", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  async function seedTree() {
    const s = await seedProject(t.db);
    const base = { projectId: s.project.id, documentId: s.document.id, coderId: s.coder.id };
    const first = await createCode(t.db, { projectId: s.project.id, shortName: "FIRST" });
    const doomed = await createCode(t.db, { projectId: s.project.id, shortName: "DOOMED" });
    const child = await createCode(t.db, { projectId: s.project.id, shortName: "CHILD", parentId: doomed.id });
    const grandchild = await createCode(t.db, { projectId: s.project.id, shortName: "GRAND", parentId: child.id });
    const last = await createCode(t.db, { projectId: s.project.id, shortName: "LAST" });
    await addCoding(t.db, { ...base, codeId: doomed.id, start: 0, end: 9 });
    await addCoding(t.db, { ...base, codeId: doomed.id, start: 10, end: 19 });
    await addCoding(t.db, { ...base, codeId: child.id, start: 10, end: 19 });
    const grandCoding = await addCoding(t.db, { ...base, codeId: grandchild.id, start: 28, end: 35 });
    await addCoding(t.db, { ...base, codeId: grandchild.id, start: 36, end: 40 });
    const survivor = await addCoding(t.db, { ...base, codeId: last.id, start: 0, end: 9 });
    return { ...s, first, doomed, child, grandchild, last, survivor, grandCoding };
  }

  it("reports what would go, then removes the code, its descendants and all their codings", async () => {
    const s = await seedTree();
    await t.db.memo.create({ data: { projectId: s.project.id, kind: "code", codeId: s.child.id, authorId: s.coder.id } });
    await t.db.memo.create({ data: { projectId: s.project.id, kind: "coding", codingId: s.grandCoding.id, authorId: s.coder.id } });
    const kept = await t.db.memo.create({ data: { projectId: s.project.id, kind: "project", authorId: s.coder.id } });
    const group = await createCodeGroup(t.db, { projectId: s.project.id, name: "g" });
    await addCodesToGroup(t.db, group.id, [s.grandchild.id, s.last.id]);

    expect(await describeCodeDeletion(t.db, s.doomed.id)).toEqual({ codings: 2, descendants: 2, descendantCodings: 3, memos: 2 });
    expect(await describeCodeDeletion(t.db, s.grandchild.id)).toEqual({ codings: 2, descendants: 0, descendantCodings: 0, memos: 1 });

    const r = await deleteCode(t.db, s.doomed.id, { confirm: true });
    expect(r).toEqual({ deletedCodes: 3, deletedCodings: 5, deletedMemos: 2 });

    const left = await t.db.code.findMany({ orderBy: { sortOrder: "asc" } });
    expect(left.map((c) => [c.shortName, c.sortOrder])).toEqual([
      ["FIRST", 0],
      ["LAST", 1],
    ]);
    const codings = await t.db.coding.findMany();
    expect(codings.map((c) => c.id)).toEqual([s.survivor.id]);
    expect((await t.db.memo.findMany()).map((m) => m.id)).toEqual([kept.id]);
    expect((await listCodeGroups(t.db, s.project.id)).map((g) => [g.name, g.codeIds])).toEqual([["g", [s.last.id]]]);
  });

  it("refuses to delete without confirmation and changes nothing", async () => {
    const s = await seedTree();
    expect(await appError(deleteCode(t.db, s.doomed.id, {} as never))).toEqual({ code: "invalid_input", message: "confirm: deleting a code removes its sub-codes and codings; confirm first / confirm: 删除编码会同时删除其子编码和编码记录，请先确认" });
    expect(await appError(deleteCode(t.db, s.doomed.id, { confirm: false } as never))).toEqual({ code: "invalid_input", message: "confirm: deleting a code removes its sub-codes and codings; confirm first / confirm: 删除编码会同时删除其子编码和编码记录，请先确认" });
    expect(await t.db.code.count()).toBe(5);
    expect(await t.db.coding.count()).toBe(6);
  });

  it("answers not_found for a missing code", async () => {
    await seedProject(t.db);
    expect(await appError(describeCodeDeletion(t.db, "missing"))).toEqual({ code: "not_found", message: "Code not found; it may have been deleted or merged / 未找到该编码，可能已被删除或合并" });
    expect(await appError(deleteCode(t.db, "missing", { confirm: true }))).toEqual({ code: "not_found", message: "Code not found; it may have been deleted or merged / 未找到该编码，可能已被删除或合并" });
  });
});
