import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMemo, resolveMemos } from "../../lib/coding";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject } from "./fixtures";

describe("resolveMemos (the memo page's data)", () => {
  let t: TestDb;
  let projectId: string;
  let codeId: string;
  let documentId: string;
  let otherDocumentId: string;
  const long = "长".repeat(170);

  beforeEach(async () => {
    t = await createTestDb();
    projectId = (await addProject(t.db, "p")).id;
    const otherProjectId = (await addProject(t.db, "q")).id;
    codeId = (await addCode(t.db, projectId, "CON-1", { labelZh: "互联互通" })).id;
    documentId = (await addDocument(t.db, projectId, ["𠮷推进城际铁路建设。", long], { title: "河北" })).doc.id;
    otherDocumentId = (await addDocument(t.db, otherProjectId, ["别的项目的文本。"], { title: "外" })).doc.id;
  });
  afterEach(async () => t.close());

  it("quotes passages by code point, clips long ones, and resolves code and document targets", async () => {
    await createMemo(t.db, {
      projectId,
      kind: "document",
      documentId,
      author: "王",
      body: "笔记",
      // 𠮷 is one code point: 3–7 is 城际铁路. The second paragraph starts at 11 (10 + "\n").
      links: [{ documentId, start: 3, end: 7 }, { codeId }, { documentId, start: 11, end: 11 + 170 }],
    });
    const { memos, passages } = await resolveMemos(t.db, {
      projectId,
      passages: [
        { documentId, start: 0, end: 3 },
        { documentId: otherDocumentId, start: 0, end: 2 }, // another project's text never leaks
      ],
    });
    expect(memos).toHaveLength(1);
    expect(memos[0]!.target).toEqual({ kind: "document", documentId, title: "河北" });
    expect(memos[0]!.resolvedLinks).toEqual([
      { type: "passage", documentId, start: 3, end: 7, title: "河北", quote: "城际铁路" },
      { type: "code", codeId, code: { shortName: "CON-1", labelZh: "互联互通", labelEn: "CON-1", color: "#336699" } },
      { type: "passage", documentId, start: 11, end: 181, title: "河北", quote: `${"长".repeat(160)}…` },
    ]);
    expect(passages).toEqual([
      { documentId, start: 0, end: 3, title: "河北", quote: "𠮷推进" },
      { documentId: otherDocumentId, start: 0, end: 2, title: null, quote: "" },
    ]);
  });

  it("marks links to deleted codes and documents as unresolved", async () => {
    const goneCode = await addCode(t.db, projectId, "GONE");
    await createMemo(t.db, {
      projectId,
      kind: "code",
      codeId: goneCode.id,
      author: "王",
      body: "笔记",
      links: [{ documentId, start: 3, end: 7 }],
    });
    await t.db.memo.updateMany({ data: { codeId: null } }); // as if the code went and left the memo
    await t.db.code.delete({ where: { id: goneCode.id } });
    await t.db.document.delete({ where: { id: documentId } });
    const { memos } = await resolveMemos(t.db, { projectId });
    expect(memos[0]!.resolvedLinks).toEqual([{ type: "passage", documentId, start: 3, end: 7, title: null, quote: "" }]);
  });
});
