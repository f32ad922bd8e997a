import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addCodesToGroup,
  createCode,
  createCodeGroup,
  deleteCodeGroup,
  getCodebook,
  listCodeGroups,
  removeCodeFromGroup,
} from "../../lib/codebook";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { seedProject } from "./fixtures";

describe("code groups", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it("creates, fills, lists, empties and deletes a group without touching its codes", async () => {
    const { project } = await seedProject(t.db);
    const a = await createCode(t.db, { projectId: project.id, shortName: "A" });
    const b = await createCode(t.db, { projectId: project.id, shortName: "B" });
    const g = await createCodeGroup(t.db, { projectId: project.id, name: "Evidence", labelZh: "证据" });
    expect(g).toMatchObject({ name: "Evidence", labelZh: "证据", codeIds: [] });

    expect(await addCodesToGroup(t.db, g.id, [a.id, b.id, a.id])).toEqual({ added: 2 });
    expect(await addCodesToGroup(t.db, g.id, [a.id])).toEqual({ added: 0 });
    const members = async () => (await listCodeGroups(t.db, project.id)).map((x) => [x.name, [...x.codeIds].sort()]);
    expect(await members()).toEqual([["Evidence", [a.id, b.id].sort()]]);
    expect((await getCodebook(t.db, project.id)).map((c) => [c.shortName, c.groups])).toEqual([
      ["A", [{ id: g.id, name: "Evidence" }]],
      ["B", [{ id: g.id, name: "Evidence" }]],
    ]);

    expect(await removeCodeFromGroup(t.db, g.id, a.id)).toEqual({ removed: true });
    expect(await removeCodeFromGroup(t.db, g.id, a.id)).toEqual({ removed: false });
    expect(await members()).toEqual([["Evidence", [b.id]]]);

    await deleteCodeGroup(t.db, g.id);
    expect(await listCodeGroups(t.db, project.id)).toEqual([]);
    expect(await t.db.code.count()).toBe(2);
    expect(await appError(deleteCodeGroup(t.db, g.id))).toEqual({ code: "not_found", message: "Code group not found / 未找到该编码组" });
  });

  it("refuses a duplicate group name and codes from another project", async () => {
    const { project } = await seedProject(t.db);
    const other = await seedProject(t.db, "q");
    const g = await createCodeGroup(t.db, { projectId: project.id, name: "3-CO" });
    expect(await appError(createCodeGroup(t.db, { projectId: project.id, name: "3-co" }))).toEqual({ code: "conflict", message: "A code group named “3-CO” already exists in this project / 本项目已有名为“3-CO”的编码组" });
    await expect(createCodeGroup(t.db, { projectId: other.project.id, name: "3-CO" })).resolves.toMatchObject({ name: "3-CO" });
    const foreign = await createCode(t.db, { projectId: other.project.id, shortName: "F" });
    expect(await appError(addCodesToGroup(t.db, g.id, [foreign.id]))).toEqual({ code: "invalid_input", message: "Codes of another project cannot join this group / 其他项目的编码不能加入该编码组" });
    expect(await appError(addCodesToGroup(t.db, g.id, ["missing"]))).toEqual({ code: "not_found", message: "1 code(s) not found / 有 1 个编码不存在" });
    expect((await listCodeGroups(t.db, project.id)).map((x) => [x.name, x.codeIds])).toEqual([["3-CO", []]]);
  });
});
