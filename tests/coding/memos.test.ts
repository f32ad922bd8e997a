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
    expect(await listMemos(t.db, projectId)).toHaveLength(4);
    expect((await listMemos(t.db, projectId, { kind: "document" })).map((x) => x.documentId)).toEqual([documentId]);
    expect(await listMemos(t.db, projectId, { codingId })).toHaveLength(1);
    expect(await listMemos(t.db, otherProjectId)).toHaveLength(0);
  });

  it("refuses a target that does not match the kind or lies in another project", async () => {
    const base = { projectId, author: "王", body: "笔记" };
    const cases = [
      { kind: "document" as const }, // missing documentId
      { kind: "project" as const, documentId }, // a project memo has no target
      { kind: "code" as const, codeId, documentId }, // two targets
      { kind: "coding" as const, codeId }, // wrong target for the kind
    ];
    for (const c of cases) expect((await appError(createMemo(t.db, { ...base, ...c }))).code).toBe("invalid_input");
    const foreignCode = await addCode(t.db, otherProjectId, "X");
    const e = await appError(createMemo(t.db, { ...base, kind: "code", codeId: foreignCode.id }));
    expect(e.code).toBe("invalid_input");
    expect(e.message).toMatch(/another project/);
    expect((await appError(createMemo(t.db, { ...base, kind: "document", documentId: "nope" }))).code).toBe("not_found");
    expect((await appError(createMemo(t.db, { ...base, kind: "project", body: "  " }))).code).toBe("invalid_input");
    expect(await t.db.memo.count()).toBe(0);
  });

  it("validates links: in the project, and text links inside their document", async () => {
    const base = { projectId, author: "王", body: "笔记", kind: "project" as const };
    const outside = await appError(createMemo(t.db, { ...base, links: [{ documentId, start: 2, end: 99 }] }));
    expect(outside.message).toMatch(/beyond the end/);
    expect((await appError(createMemo(t.db, { ...base, links: [{ documentId, start: 4, end: 4 }] }))).code).toBe("invalid_input");
    const foreign = await addCode(t.db, otherProjectId, "X");
    expect((await appError(createMemo(t.db, { ...base, links: [{ codeId: foreign.id }] }))).message).toMatch(/another project/);
    const shape = await appError(createMemo(t.db, { ...base, links: [{ nonsense: 1 } as never] }));
    expect(shape.code).toBe("invalid_input");
    expect(await t.db.memo.count()).toBe(0);
  });

  it("refuses a stale version on update and delete", async () => {
    const m = await createMemo(t.db, { projectId, kind: "project", author: "王", body: "v1" });
    const u = await updateMemo(t.db, { id: m.id, version: 1, patch: { body: "v2", links: [{ codeId }] } });
    expect(u).toMatchObject({ body: "v2", version: 2, links: [{ codeId }] });
    const stale = await appError(updateMemo(t.db, { id: m.id, version: 1, patch: { body: "lost update" } }));
    expect(stale.code).toBe("conflict");
    expect(stale.message).toMatch(/changed by someone else/);
    const staleDelete = await appError(deleteMemo(t.db, { id: m.id, version: 1 }));
    expect(staleDelete.code).toBe("conflict");
    expect(staleDelete.message).toBe(
      "this memo was changed by someone else since you loaded it; reload it and try again / 该备忘录已被他人修改，请刷新后重试",
    );
    expect(await t.db.memo.count()).toBe(1);
    const gone = await deleteMemo(t.db, { id: m.id, version: 2 });
    expect(gone.body).toBe("v2");
    expect(await t.db.memo.count()).toBe(0);
  });
});
