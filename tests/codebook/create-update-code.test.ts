import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCode, createCodeSchema, getCode, updateCode, updateCodeSchema } from "../../lib/codebook";
import { insertCode, isUniqueViolation } from "../../lib/db/codes";
import { AppError } from "../../lib/errors";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { seedProject } from "./fixtures";

describe("createCode / updateCode", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it("creates a code with parsed keywords, normalised colour and the next sort order", async () => {
    const { project } = await seedProject(t.db);
    const a = await createCode(t.db, { projectId: project.id, shortName: "A" });
    const b = await createCode(t.db, {
      projectId: project.id,
      shortName: "ＣＯＥ－９", // full-width from a Chinese IME
      labelZh: " 测试 ",
      color: "#ABC",
      keywords: "高铁，城际铁路、高铁; 机场",
    });
    expect(a.sortOrder).toBe(0);
    expect(b).toMatchObject({ shortName: "COE-9", labelZh: "测试", color: "#aabbcc", sortOrder: 1, version: 1 });
    expect(b.keywords).toEqual(["高铁", "城际铁路", "机场"]);
    expect((await t.db.code.findUniqueOrThrow({ where: { id: b.id } })).keywords).toBe('["高铁","城际铁路","机场"]');
  });

  it("refuses a duplicate short name (ignoring case) and names the existing code", async () => {
    const { project } = await seedProject(t.db);
    const first = await createCode(t.db, { projectId: project.id, shortName: "CON-1", labelZh: "综合交通" });
    for (const shortName of ["CON-1", "con-1"]) {
      const err = await createCode(t.db, { projectId: project.id, shortName }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: "conflict", details: { existingCodeId: first.id } });
      expect((err as AppError).message).toBe(
        "A code named “CON-1” (综合交通) already exists in this project; choose another short name / 本项目已有名为 “CON-1” (综合交通) 的编码，请换一个简称",
      );
    }
    expect(await t.db.code.count()).toBe(1);
    // Another project may reuse the name.
    const other = await seedProject(t.db, "q");
    await expect(createCode(t.db, { projectId: other.project.id, shortName: "CON-1" })).resolves.toMatchObject({ shortName: "CON-1" });
  });

  it("recognises the database's own unique-index violation (the race that slips past the check)", async () => {
    const { project } = await seedProject(t.db);
    await insertCode(t.db, { projectId: project.id, shortName: "RACE" });
    const err = await insertCode(t.db, { projectId: project.id, shortName: "RACE" }).catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(new Error("other"))).toBe(false);
  });

  it("refuses a parent from another project, a missing parent and invalid input", async () => {
    const { project } = await seedProject(t.db);
    const other = await seedProject(t.db, "q");
    const foreign = await createCode(t.db, { projectId: other.project.id, shortName: "X" });
    expect(await appError(createCode(t.db, { projectId: project.id, parentId: foreign.id, shortName: "Y" }))).toEqual({ code: "invalid_input", message: "The parent code belongs to another project / 父编码属于其他项目" });
    expect(await appError(createCode(t.db, { projectId: project.id, parentId: "nope", shortName: "Y" }))).toEqual({ code: "not_found", message: "Code not found; it may have been deleted or merged / 未找到该编码，可能已被删除或合并" });
    expect(await appError(createCode(t.db, { projectId: project.id, shortName: "  " }))).toEqual({ code: "invalid_input", message: "shortName: short name is required / shortName: 编码简称不能为空" });
    expect(await appError(createCode(t.db, { projectId: project.id, shortName: "Z", color: "red" }))).toEqual({ code: "invalid_input", message: "color: colour must look like #4f7cac / color: 颜色格式应为 #4f7cac" });
    expect(createCodeSchema.safeParse({ projectId: "p", shortName: "a\nb" }).success).toBe(false);
  });

  it("renames and edits with the current version, bumping it; a stale version is refused", async () => {
    const { project } = await seedProject(t.db);
    const code = await createCode(t.db, { projectId: project.id, shortName: "OLD", labelEn: "old" });
    const renamed = await updateCode(t.db, code.id, 1, { shortName: "NEW", labelEn: "Connectivity", keywords: ["交通"] });
    expect(renamed).toMatchObject({ shortName: "NEW", labelEn: "Connectivity", keywords: ["交通"], version: 2 });

    // A second editor still holding version 1 must not overwrite the first one's edit.
    const err = await updateCode(t.db, code.id, 1, { labelEn: "stale edit" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "conflict", details: { currentVersion: 2 } });
    expect((err as AppError).message).toBe(
      "Code “NEW” (Connectivity) was changed by someone else; reload it and apply your edit again / 编码 “NEW” (Connectivity) 已被他人修改，请刷新后重新编辑",
    );
    expect((await getCode(t.db, code.id)).labelEn).toBe("Connectivity");
  });

  it("refuses renaming onto another code's short name, empty patches and a parentId in the patch", async () => {
    const { project } = await seedProject(t.db);
    await createCode(t.db, { projectId: project.id, shortName: "TAKEN" });
    const code = await createCode(t.db, { projectId: project.id, shortName: "MINE" });
    expect(await appError(updateCode(t.db, code.id, 1, { shortName: "taken" }))).toEqual({ code: "conflict", message: "A code named “TAKEN” already exists in this project; choose another short name / 本项目已有名为 “TAKEN” 的编码，请换一个简称" });
    await expect(updateCode(t.db, code.id, 1, { shortName: "mine" })).resolves.toMatchObject({ shortName: "mine" });
    expect(await appError(updateCode(t.db, code.id, 2, {}))).toEqual({ code: "invalid_input", message: "Nothing to change / 没有需要修改的内容" });
    expect(await appError(updateCode(t.db, code.id, 2, { parentId: null } as never))).toEqual({ code: "invalid_input", message: "Unrecognized key: \"parentId\"" });
    expect(await appError(updateCode(t.db, "missing", 1, { labelZh: "x" }))).toEqual({ code: "not_found", message: "Code not found; it may have been deleted or merged / 未找到该编码，可能已被删除或合并" });
    expect(updateCodeSchema.safeParse({ expectedVersion: 3, labelZh: "新" }).success).toBe(true);
    expect(updateCodeSchema.safeParse({ labelZh: "新" }).success).toBe(false);
  });

  it("keeps pins unique per project: pinning a number takes it from the code that had it", async () => {
    const { project } = await seedProject(t.db);
    const other = await seedProject(t.db, "q");
    const a = await createCode(t.db, { projectId: project.id, shortName: "A" });
    const b = await createCode(t.db, { projectId: project.id, shortName: "B" });
    const elsewhere = await createCode(t.db, { projectId: other.project.id, shortName: "A" });
    await updateCode(t.db, a.id, 1, { pinned: 3 });
    await updateCode(t.db, elsewhere.id, 1, { pinned: 3 });
    await updateCode(t.db, b.id, 1, { pinned: 3 });

    expect((await getCode(t.db, a.id)).pinned).toBeNull();
    expect((await getCode(t.db, b.id)).pinned).toBe(3);
    expect((await getCode(t.db, elsewhere.id)).pinned).toBe(3);
    expect(await t.db.code.count({ where: { projectId: project.id, pinned: 3 } })).toBe(1);

    expect(await appError(updateCode(t.db, a.id, 2, { pinned: 10 }))).toEqual({ code: "invalid_input", message: "pinned: pin must be from 1 to 9 / pinned: 快捷键编号须为 1–9" });
    expect(await appError(updateCode(t.db, a.id, 2, { pinned: 0 }))).toEqual({ code: "invalid_input", message: "pinned: pin must be from 1 to 9 / pinned: 快捷键编号须为 1–9" });
    await expect(updateCode(t.db, b.id, 2, { pinned: null })).resolves.toMatchObject({ pinned: null });
  });

  it("does not move a pin when the edit itself is stale", async () => {
    const { project } = await seedProject(t.db);
    const a = await createCode(t.db, { projectId: project.id, shortName: "A" });
    const b = await createCode(t.db, { projectId: project.id, shortName: "B" });
    await updateCode(t.db, a.id, 1, { pinned: 1 });
    await updateCode(t.db, b.id, 1, { labelZh: "改" });
    expect(await appError(updateCode(t.db, b.id, 1, { pinned: 1 }))).toEqual({ code: "conflict", message: "Code “B” (改) was changed by someone else; reload it and apply your edit again / 编码 “B” (改) 已被他人修改，请刷新后重新编辑" });
    expect((await getCode(t.db, a.id)).pinned).toBe(1);
  });
});
