import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCode, getCodebook, moveCode } from "../../lib/codebook";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { seedProject } from "./fixtures";

describe("moveCode", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  async function tree(projectId: string): Promise<unknown> {
    const shape = (nodes: Awaited<ReturnType<typeof getCodebook>>): unknown =>
      nodes.map((n) => (n.children.length ? { [n.shortName]: shape(n.children) } : n.shortName));
    return shape(await getCodebook(t.db, projectId));
  }

  it("refuses moving a code under itself or under its own descendant, leaving the tree as it was", async () => {
    const { project } = await seedProject(t.db);
    const a = await createCode(t.db, { projectId: project.id, shortName: "A" });
    const b = await createCode(t.db, { projectId: project.id, shortName: "B", parentId: a.id });
    const c = await createCode(t.db, { projectId: project.id, shortName: "C", parentId: b.id });
    const before = await tree(project.id);

    expect(await appError(moveCode(t.db, { codeId: a.id, newParentId: c.id }))).toEqual({ code: "invalid_input", message: "Cannot move “A” under its own sub-code “C” / 不能将编码 “A” 移动到其子编码 “C”之下" });
    expect(await appError(moveCode(t.db, { codeId: a.id, newParentId: b.id }))).toEqual({ code: "invalid_input", message: "Cannot move “A” under its own sub-code “B” / 不能将编码 “A” 移动到其子编码 “B”之下" });
    expect(await appError(moveCode(t.db, { codeId: a.id, newParentId: a.id }))).toEqual({ code: "invalid_input", message: "Cannot move “A” under itself / 不能将编码 “A” 移动到其自身之下" });
    expect(await tree(project.id)).toEqual(before);
  });

  it("moves a subtree to a new parent at a position and renumbers both sibling lists", async () => {
    const { project } = await seedProject(t.db);
    const a = await createCode(t.db, { projectId: project.id, shortName: "A" });
    const x = await createCode(t.db, { projectId: project.id, shortName: "X", parentId: a.id });
    await createCode(t.db, { projectId: project.id, shortName: "Y", parentId: a.id });
    await createCode(t.db, { projectId: project.id, shortName: "Z", parentId: a.id });
    const b = await createCode(t.db, { projectId: project.id, shortName: "B" });
    await createCode(t.db, { projectId: project.id, shortName: "B1", parentId: b.id });
    await createCode(t.db, { projectId: project.id, shortName: "X1", parentId: x.id });

    const moved = await moveCode(t.db, { codeId: x.id, newParentId: b.id, position: 0 });
    expect(moved.parentId).toBe(b.id);
    expect(await tree(project.id)).toEqual([{ A: ["Y", "Z"] }, { B: [{ X: ["X1"] }, "B1"] }]);
    const orders = await t.db.code.findMany({ where: { parentId: a.id }, orderBy: { sortOrder: "asc" }, select: { sortOrder: true } });
    expect(orders.map((o) => o.sortOrder)).toEqual([0, 1]);

    // To the top level, default position = last; then reorder among the same siblings.
    await moveCode(t.db, { codeId: x.id, newParentId: null });
    expect(await tree(project.id)).toEqual([{ A: ["Y", "Z"] }, { B: ["B1"] }, { X: ["X1"] }]);
    await moveCode(t.db, { codeId: x.id, newParentId: null, position: 1 });
    expect(await tree(project.id)).toEqual([{ A: ["Y", "Z"] }, { X: ["X1"] }, { B: ["B1"] }]);
    // A descendant may move up to an ancestor's level.
    const x1 = await t.db.code.findFirstOrThrow({ where: { shortName: "X1" } });
    await moveCode(t.db, { codeId: x1.id, newParentId: a.id, position: 99 });
    expect(await tree(project.id)).toEqual([{ A: ["Y", "Z", "X1"] }, "X", { B: ["B1"] }]);
  });

  it("refuses a parent in another project", async () => {
    const { project } = await seedProject(t.db);
    const other = await seedProject(t.db, "q");
    const a = await createCode(t.db, { projectId: project.id, shortName: "A" });
    const foreign = await createCode(t.db, { projectId: other.project.id, shortName: "F" });
    expect(await appError(moveCode(t.db, { codeId: a.id, newParentId: foreign.id }))).toEqual({ code: "invalid_input", message: "Cannot move a code into another project / 不能将编码移动到其他项目" });
    expect(await appError(moveCode(t.db, { codeId: a.id, newParentId: "missing" }))).toEqual({ code: "not_found", message: "Code not found; it may have been deleted or merged / 未找到该编码，可能已被删除或合并" });
    expect(await appError(moveCode(t.db, { codeId: a.id, newParentId: null, position: -1 }))).toEqual({ code: "invalid_input", message: "position: position cannot be negative / position: 位置不能为负数" });
  });
});
