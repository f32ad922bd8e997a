import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DELETE as deleteProjectRoute } from "../../app/api/projects/[projectId]/route";
import { createCoding, createMemo } from "../../lib/coding";
import { deleteProject, describeProjectDeletion } from "../../lib/corpus";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject } from "../coding/fixtures";

describe("deleting a project", () => {
  let t: TestDb;
  let projectId: string;
  const savedUrl = process.env.DATABASE_URL;

  beforeEach(async () => {
    t = await createTestDb();
    process.env.DATABASE_URL = t.url;
    projectId = (await addProject(t.db, "京津冀 BTH")).id;
    const code = await addCode(t.db, projectId, "CON-1");
    await addCode(t.db, projectId, "CON-2");
    const doc = await addDocument(t.db, projectId, ["推进城际铁路建设。"]);
    await createCoding(t.db, { documentId: doc.doc.id, codeId: code.id, start: 2, end: 6, coder: "a" });
    await createMemo(t.db, { projectId, kind: "project", author: "王", body: "笔记" });
  });
  afterEach(async () => {
    process.env.DATABASE_URL = savedUrl;
    await t.close();
  });

  const del = (body: unknown) =>
    deleteProjectRoute(
      new Request(`http://localhost/api/projects/${projectId}`, {
        method: "DELETE",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ projectId }) },
    );

  it("describes what goes with it", async () => {
    expect(await describeProjectDeletion(t.db, projectId)).toEqual({
      name: "京津冀 BTH",
      documents: 1,
      codings: 1,
      memos: 1,
      codes: 2,
    });
  });

  it("refuses without the exact name (lib and API) and deletes nothing", async () => {
    await expect(deleteProject(t.db, { id: projectId, confirmName: "京津冀" })).rejects.toMatchObject({
      code: "invalid_input",
      message: "the name typed does not match the project's name “京津冀 BTH”; nothing was deleted / 输入的名称与项目名称不符，未删除",
    });
    const missing = await del({});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: { code: "invalid_input", message: "confirmName: type the project's name to confirm / 请输入项目名称以确认删除" },
    });
    const wrong = await del({ confirmName: "京津冀 bth" });
    expect(wrong.status).toBe(400);
    expect(await t.db.project.count()).toBe(1);
    expect(await t.db.coding.count()).toBe(1);
  });

  it("deletes the project and everything in it when the name matches", async () => {
    const res = await del({ confirmName: "京津冀 BTH" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: projectId });
    expect([await t.db.project.count(), await t.db.document.count(), await t.db.code.count(), await t.db.coding.count(), await t.db.memo.count()]).toEqual([0, 0, 0, 0, 0]);
  });
});
