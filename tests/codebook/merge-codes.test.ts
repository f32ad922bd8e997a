import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCodesToGroup, createCode, createCodeGroup, getCode, listCodeGroups, mergeCodes, updateCode } from "../../lib/codebook";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCoding, seedProject } from "./fixtures";

describe("mergeCodes", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it("leaves one coding on a passage that carried both codes, moves the rest, re-parents children and deletes the source", async () => {
    const { project, coder, document } = await seedProject(t.db);
    const base = { projectId: project.id, documentId: document.id, coderId: coder.id };
    const target = await createCode(t.db, { projectId: project.id, shortName: "CON-1", keywords: ["高铁", "机场"] });
    await createCode(t.db, { projectId: project.id, shortName: "T-CHILD", parentId: target.id });
    const source = await createCode(t.db, { projectId: project.id, shortName: "交通", keywords: ["机场", "城际铁路"] });
    const k1 = await createCode(t.db, { projectId: project.id, shortName: "K1", parentId: source.id });
    const k2 = await createCode(t.db, { projectId: project.id, shortName: "K2", parentId: source.id });
    await createCode(t.db, { projectId: project.id, shortName: "K2a", parentId: k2.id });

    // 10–19 carries both codes; 28–35 (contains 𠮷) and 0–9 only the source; 36–40 only the target.
    const kept = await addCoding(t.db, { ...base, codeId: target.id, start: 10, end: 19 });
    const dup = await addCoding(t.db, { ...base, codeId: source.id, start: 10, end: 19, comment: "同一句" });
    const m1 = await addCoding(t.db, { ...base, codeId: source.id, start: 28, end: 35 });
    const m2 = await addCoding(t.db, { ...base, codeId: source.id, start: 0, end: 9 });
    await addCoding(t.db, { ...base, codeId: target.id, start: 36, end: 40 });
    const memoOnDup = await t.db.memo.create({ data: { projectId: project.id, kind: "coding", codingId: dup.id, authorId: coder.id, body: "留下" } });

    const r = await mergeCodes(t.db, { sourceId: source.id, targetId: target.id });
    expect(r).toEqual({ movedCodings: 2, droppedDuplicates: 1, movedChildren: 2 });

    expect(await t.db.code.findUnique({ where: { id: source.id } })).toBeNull();
    const onPassage = await t.db.coding.findMany({ where: { documentId: document.id, start: 10, end: 19 } });
    // The duplicate's comment is carried over to the coding that stays.
    expect(onPassage.map((c) => [c.id, c.codeId, c.comment])).toEqual([[kept.id, target.id, "同一句"]]);
    expect((await t.db.memo.findUniqueOrThrow({ where: { id: memoOnDup.id } })).codingId).toBe(kept.id);

    const moved = await t.db.coding.findMany({ where: { id: { in: [m1.id, m2.id] } } });
    expect(moved.map((c) => [c.codeId, c.version])).toEqual([
      [target.id, 2],
      [target.id, 2],
    ]);
    expect(await t.db.coding.count({ where: { codeId: target.id } })).toBe(4);
    expect(await t.db.coding.count()).toBe(4);

    const children = await t.db.code.findMany({ where: { parentId: target.id }, orderBy: { sortOrder: "asc" } });
    expect(children.map((c) => c.shortName)).toEqual(["T-CHILD", "K1", "K2"]);
    expect(children.map((c) => c.sortOrder)).toEqual([0, 1, 2]);
    expect((await t.db.code.findUniqueOrThrow({ where: { id: k1.id } })).parentId).toBe(target.id);
    expect(await t.db.code.count({ where: { parentId: k2.id } })).toBe(1); // grandchildren stay with their parent

    const merged = await getCode(t.db, target.id);
    expect(merged.keywords).toEqual(["高铁", "机场", "城际铁路"]);
    expect(merged.version).toBe(2);
  });

  it("keeps another coder's coding of the same passage (both judgements count for agreement)", async () => {
    const { project, coder, document } = await seedProject(t.db);
    const other = await t.db.user.create({ data: { name: "second coder" } });
    const target = await createCode(t.db, { projectId: project.id, shortName: "T" });
    const source = await createCode(t.db, { projectId: project.id, shortName: "S" });
    await addCoding(t.db, { projectId: project.id, documentId: document.id, coderId: coder.id, codeId: target.id, start: 10, end: 19 });
    await addCoding(t.db, { projectId: project.id, documentId: document.id, coderId: other.id, codeId: source.id, start: 10, end: 19 });
    const r = await mergeCodes(t.db, { sourceId: source.id, targetId: target.id });
    expect(r).toEqual({ movedCodings: 1, droppedDuplicates: 0, movedChildren: 0 });
    const coders = await t.db.coding.findMany({ where: { codeId: target.id }, select: { coderId: true } });
    expect(coders.map((c) => c.coderId).sort()).toEqual([coder.id, other.id].sort());
  });

  it("moves memos, memo links, group memberships and suggestion decisions without duplicates", async () => {
    const { project, coder, document } = await seedProject(t.db);
    const target = await createCode(t.db, { projectId: project.id, shortName: "T", labelZh: "" });
    const source = await createCode(t.db, { projectId: project.id, shortName: "S", labelZh: "源", definition: "定义" });
    await updateCode(t.db, source.id, 1, { pinned: 4 });
    const g1 = await createCodeGroup(t.db, { projectId: project.id, name: "both" });
    const g2 = await createCodeGroup(t.db, { projectId: project.id, name: "source only" });
    await addCodesToGroup(t.db, g1.id, [target.id, source.id]);
    await addCodesToGroup(t.db, g2.id, [source.id]);
    const codeMemo = await t.db.memo.create({ data: { projectId: project.id, kind: "code", codeId: source.id, authorId: coder.id } });
    const freeMemo = await t.db.memo.create({
      data: {
        projectId: project.id,
        kind: "project",
        authorId: coder.id,
        links: JSON.stringify([{ codeId: source.id }, { codeId: target.id }, { documentId: document.id, start: 0, end: 2 }]),
      },
    });
    const u1 = await t.db.unit.create({ data: { documentId: document.id, kind: "sentence", ordinal: 0, paragraph: 0, start: 0, end: 10 } });
    const u2 = await t.db.unit.create({ data: { documentId: document.id, kind: "sentence", ordinal: 1, paragraph: 0, start: 10, end: 28 } });
    await t.db.suggestionDecision.create({ data: { projectId: project.id, codeId: target.id, unitId: u1.id, decision: "rejected" } });
    await t.db.suggestionDecision.create({ data: { projectId: project.id, codeId: source.id, unitId: u1.id, decision: "accepted" } });
    await t.db.suggestionDecision.create({ data: { projectId: project.id, codeId: source.id, unitId: u2.id, decision: "rejected" } });

    await mergeCodes(t.db, { sourceId: source.id, targetId: target.id });

    expect((await t.db.memo.findUniqueOrThrow({ where: { id: codeMemo.id } })).codeId).toBe(target.id);
    expect(JSON.parse((await t.db.memo.findUniqueOrThrow({ where: { id: freeMemo.id } })).links)).toEqual([
      { codeId: target.id },
      { documentId: document.id, start: 0, end: 2 },
    ]);
    const groups = await listCodeGroups(t.db, project.id);
    expect(groups.map((g) => [g.name, g.codeIds])).toEqual([
      ["both", [target.id]],
      ["source only", [target.id]],
    ]);
    const decisions = await t.db.suggestionDecision.findMany({ orderBy: { unitId: "asc" } });
    expect(decisions.map((d) => [d.codeId, d.unitId, d.decision]).sort()).toEqual(
      [
        [target.id, u1.id, "accepted"],
        [target.id, u2.id, "rejected"],
      ].sort(),
    );
    const merged = await getCode(t.db, target.id);
    expect(merged).toMatchObject({ labelZh: "源", definition: "定义", pinned: 4 });
  });

  it("refuses merging a code into itself or into its own descendant, changing nothing", async () => {
    const { project, coder, document } = await seedProject(t.db);
    const parent = await createCode(t.db, { projectId: project.id, shortName: "P" });
    const child = await createCode(t.db, { projectId: project.id, shortName: "C", parentId: parent.id });
    const grandchild = await createCode(t.db, { projectId: project.id, shortName: "G", parentId: child.id });
    await addCoding(t.db, { projectId: project.id, documentId: document.id, coderId: coder.id, codeId: parent.id, start: 0, end: 5 });

    expect(await appError(mergeCodes(t.db, { sourceId: parent.id, targetId: parent.id }))).toEqual({ code: "invalid_input", message: "targetId: cannot merge a code into itself / targetId: 不能将编码合并到其自身" });
    expect(await appError(mergeCodes(t.db, { sourceId: parent.id, targetId: grandchild.id }))).toEqual({ code: "invalid_input", message: "Cannot merge “P” into its own sub-code “G”; move the sub-code out first / 不能将编码 “P” 合并到其子编码 “G”，请先移出该子编码" });
    expect(await t.db.code.count()).toBe(3);
    expect(await t.db.coding.count({ where: { codeId: parent.id } })).toBe(1);

    // Merging a child into its parent is fine: the grandchild moves up.
    await expect(mergeCodes(t.db, { sourceId: child.id, targetId: parent.id })).resolves.toMatchObject({ movedChildren: 1 });
    expect((await t.db.code.findUniqueOrThrow({ where: { id: grandchild.id } })).parentId).toBe(parent.id);
  });

  it("refuses codes of different projects and missing codes", async () => {
    const { project } = await seedProject(t.db);
    const other = await seedProject(t.db, "q");
    const a = await createCode(t.db, { projectId: project.id, shortName: "A" });
    const b = await createCode(t.db, { projectId: other.project.id, shortName: "B" });
    expect(await appError(mergeCodes(t.db, { sourceId: a.id, targetId: b.id }))).toEqual({ code: "invalid_input", message: "Cannot merge codes of different projects / 不能合并不同项目的编码" });
    expect(await appError(mergeCodes(t.db, { sourceId: a.id, targetId: "missing" }))).toEqual({ code: "not_found", message: "Code not found; it may have been deleted or merged / 未找到该编码，可能已被删除或合并" });
  });
});
