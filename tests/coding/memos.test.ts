import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCoding, createMemo, deleteMemo, listMemos, updateMemo } from "../../lib/coding";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject, appError } from "./fixtures";

describe("memos", () => {
  let t: TestDb;
  let projectId: string;
  let otherProjectId: string;
  let codeId: string;
  let documentId: string;
  let codingId: string;

  beforeEach(async () => {
    t = await createTestDb();
    projectId = (await addProject(t.db, "p")).id;
    otherProjectId = (await addProject(t.db, "q")).id;
    codeId = (await addCode(t.db, projectId, "CON-1")).id;
    const d = await addDocument(t.db, projectId, ["𠮷推进城际铁路建设。"]);
    documentId = d.doc.id;
    codingId = (await createCoding(t.db, { documentId, codeId, start: 3, end: 7, coder: "a" })).id;
  });
  afterEach(async () => t.close());

  it("creates memos on each kind of target and lists them by filter", async () => {
    const base = { projectId, author: "王", body: "笔记" };
    await createMemo(t.db, { ...base, kind: "project", title: "总体" });
    await createMemo(t.db, { ...base, kind: "document", documentId });
    await createMemo(t.db, { ...base, kind: "code", codeId });
    const m = await createMemo(t.db, {
      ...base,
      kind: "coding",
      codingId,
      links: [{ codeId }, { documentId, start: 1, end: 5 }],
    });
    expect(m).toMatchObject({ kind: "coding", codingId, author: "王", version: 1 });
    expect(m.links).toEqual([{ codeId }, { documentId, start: 1, end: 5 }]);
    expect((await listMemos(t.db, projectId)).map((x) => x.kind).sort()).toEqual(["code", "coding", "document", "project"]);
    expect((await listMemos(t.db, projectId, { kind: "document" })).map((x) => x.documentId)).toEqual([documentId]);
    expect(await listMemos(t.db, projectId, { codingId })).toHaveLength(1);
    expect(await listMemos(t.db, otherProjectId)).toHaveLength(0);
  });

  it("refuses a target that does not match the kind or lies in another project", async () => {
    const base = { projectId, author: "王", body: "笔记" };
    const cases = [
      [{ kind: "document" as const }, "a document memo needs a documentId / document 类备忘录必须指定 documentId"],
      [{ kind: "project" as const, documentId }, "a project memo takes no documentId / project 类备忘录不能指定 documentId"],
      [{ kind: "code" as const, codeId, documentId }, "a code memo takes no documentId / code 类备忘录不能指定 documentId"],
      [{ kind: "coding" as const, codeId }, "a coding memo takes no codeId / coding 类备忘录不能指定 codeId"],
    ] as const;
    for (const [c, message] of cases) {
      expect(await appError(createMemo(t.db, { ...base, ...c })), c.kind).toEqual({ code: "invalid_input", message });
    }
    const foreignCode = await addCode(t.db, otherProjectId, "X");
    expect(await appError(createMemo(t.db, { ...base, kind: "code", codeId: foreignCode.id }))).toEqual({
      code: "invalid_input",
      message: "the code belongs to another project / 备忘录的对象属于其他项目",
    });
    expect(await appError(createMemo(t.db, { ...base, kind: "document", documentId: "nope" }))).toEqual({ code: "not_found", message: "document nope not found / 备忘录的对象不存在" });
    expect(await appError(createMemo(t.db, { ...base, kind: "project", body: "  " }))).toEqual({ code: "invalid_input", message: "a memo needs a title or some text / 备忘录需要标题或正文" });
    expect(await t.db.memo.count()).toBe(0);
  });

  it("validates links: in the project, and text links inside their document", async () => {
    const base = { projectId, author: "王", body: "笔记", kind: "project" as const };
    expect(await appError(createMemo(t.db, { ...base, links: [{ documentId, start: 2, end: 99 }] }))).toEqual({
      code: "invalid_input",
      message: "link 1: end (99) is beyond the end of the document (10 characters) / 链接的结束位置超出文档长度",
    });
    expect(await appError(createMemo(t.db, { ...base, links: [{ documentId, start: 4, end: 4 }] }))).toEqual({ code: "invalid_input", message: "link 1: start (4) must be before end (4) / 链接的起始位置必须小于结束位置" });
    const foreign = await addCode(t.db, otherProjectId, "X");
    expect(await appError(createMemo(t.db, { ...base, links: [{ codeId: foreign.id }] }))).toEqual({
      code: "invalid_input",
      message: "link 1: the code belongs to another project / 链接的代码属于其他项目",
    });
    expect(await appError(createMemo(t.db, { ...base, links: [{ nonsense: 1 } as never] }))).toEqual({
      code: "invalid_input",
      message: "links.0: a link is either {codeId} or {documentId, start, end} / links.0: 链接须为 {codeId} 或 {documentId, start, end}",
    });
    expect(await t.db.memo.count()).toBe(0);
  });

  it("refuses a stale version on update and delete", async () => {
    const m = await createMemo(t.db, { projectId, kind: "project", author: "王", body: "v1" });
    const u = await updateMemo(t.db, { id: m.id, version: 1, patch: { body: "v2", links: [{ codeId }] } });
    expect(u).toMatchObject({ body: "v2", version: 2, links: [{ codeId }] });
    const stale = {
      code: "conflict",
      message: "this memo was changed by someone else since you loaded it; reload it and try again / 该备忘录已被他人修改，请刷新后重试",
    };
    expect(await appError(updateMemo(t.db, { id: m.id, version: 1, patch: { body: "lost update" } }))).toEqual(stale);
    expect(await appError(deleteMemo(t.db, { id: m.id, version: 1 }))).toEqual(stale);
    const gone = await deleteMemo(t.db, { id: m.id, version: 2 });
    expect(gone.body).toBe("v2");
    expect(await t.db.memo.count()).toBe(0);
  });
});
