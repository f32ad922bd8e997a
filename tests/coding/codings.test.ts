import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  codeUnits,
  createCoding,
  deleteCoding,
  ensureUser,
  listDocumentCodings,
  updateCoding,
} from "../../lib/coding";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject, appError, cpIndexOf } from "./fixtures";

describe("codings", () => {
  let t: TestDb;
  let projectId: string;
  let codeId: string;
  let doc: Awaited<ReturnType<typeof addDocument>>;

  beforeEach(async () => {
    t = await createTestDb();
    const p = await addProject(t.db);
    projectId = p.id;
    codeId = (await addCode(t.db, projectId, "CON-1", { color: "#aa0000" })).id;
    doc = await addDocument(t.db, projectId, ["𠮷𠮷 推进城际铁路建设。加快京津冀协同发展！", "强化产业转移；推动雄安新区建设。"]);
  });
  afterEach(async () => t.close());

  /** The fixture's i-th sentence (the fixture text has four). */
  const sentence = (i: number) => {
    const u = doc.sentences[i];
    if (!u) throw new Error(`the fixture has no sentence ${i}`);
    return u;
  };

  it("stores the quote at code-point offsets after a character outside the BMP, and SQL substr agrees", async () => {
    const start = cpIndexOf(doc.text, "城际铁路");
    expect(start).toBe(5); // 𠮷 𠮷 space 推 进 — two non-BMP characters count once each
    const c = await createCoding(t.db, { documentId: doc.doc.id, codeId, start, end: start + 4, coder: " 小王 " });
    expect(c.quote).toBe("城际铁路");
    expect(c.prefix).toBe("𠮷𠮷 推进");
    expect(c.suffix.startsWith("建设。加快")).toBe(true);
    expect(Array.from(c.suffix)).toHaveLength(20);
    expect(c.shortName).toBe("CON-1");
    expect(c.color).toBe("#aa0000");
    expect(c.coder).toBe("小王");
    expect(c.version).toBe(1);
    const rows = await t.db.$queryRaw<{ q: string }[]>`
      SELECT substr(d."plainText", c."start" + 1, c."end" - c."start") AS q
       FROM "Coding" c JOIN "Document" d ON d."id" = c."documentId" WHERE c."id" = ${c.id}`;
    expect(rows[0]?.q).toBe("城际铁路");
  });

  it("refuses spans outside the text, empty, reversed, negative, fractional or whitespace-only", async () => {
    const base = { documentId: doc.doc.id, codeId, coder: "a" };
    const len = Array.from(doc.text).length;
    expect(await appError(createCoding(t.db, { ...base, start: len - 2, end: len + 1 }))).toEqual({
      code: "invalid_input",
      message: "end (40) is beyond the end of the document (39 characters) / 结束位置超出文档长度（39 字）",
    });
    expect(await appError(createCoding(t.db, { ...base, start: 6, end: 6 }))).toEqual({
      code: "invalid_input",
      message: "the selection is empty (start = end = 6) / 选区为空",
    });
    expect(await appError(createCoding(t.db, { ...base, start: 8, end: 6 }))).toEqual({
      code: "invalid_input",
      message: "start (8) is after end (6): the selection is reversed / 起始位置在结束位置之后",
    });
    expect(await appError(createCoding(t.db, { ...base, start: -1, end: 6 }))).toEqual({
      code: "invalid_input",
      message: "start: start must not be negative / start: 起始位置不能为负数",
    });
    expect(await appError(createCoding(t.db, { ...base, start: 1.5, end: 6 }))).toEqual({
      code: "invalid_input",
      message: "start: start must be a whole number of characters (code points) / start: 起始位置必须是整数",
    });
    // The space between 𠮷𠮷 and 推进 (code point 2) is whitespace only.
    expect(await appError(createCoding(t.db, { ...base, start: 2, end: 3 }))).toEqual({
      code: "invalid_input",
      message: "the selection contains only whitespace / 选区只包含空白字符",
    });
    expect(await t.db.coding.count()).toBe(0);
  });

  it("refuses a code from another project and an empty coder", async () => {
    const other = await addProject(t.db, "other");
    const foreign = await addCode(t.db, other.id, "COO-1");
    expect(await appError(createCoding(t.db, { documentId: doc.doc.id, codeId: foreign.id, start: 5, end: 9, coder: "a" }))).toEqual({
      code: "invalid_input",
      message: "code COO-1 belongs to another project than the document / 代码“COO-1”属于其他项目",
    });
    expect(await appError(createCoding(t.db, { documentId: doc.doc.id, codeId, start: 5, end: 9, coder: "  " }))).toEqual({
      code: "invalid_input",
      message: "coder: a user name is required / coder: 用户名不能为空",
    });
  });

  it("refuses a selection whose text no longer matches (expectQuote)", async () => {
    const start = cpIndexOf(doc.text, "城际铁路");
    expect(
      await appError(createCoding(t.db, { documentId: doc.doc.id, codeId, start, end: start + 4, coder: "a" }, { expectQuote: "城际公路" })),
    ).toEqual({
      code: "conflict",
      message: "the selected text no longer matches the document; reload it and select again / 选中文本与文档不一致，请刷新后重新选择",
    });
    const ok = await createCoding(
      t.db,
      { documentId: doc.doc.id, codeId, start, end: start + 4, coder: "a" },
      { expectQuote: "城际铁路" },
    );
    expect(ok.quote).toBe("城际铁路");
  });

  it("refuses an identical coding by the same coder, but lets a second coder code the same span", async () => {
    const input = { documentId: doc.doc.id, codeId, start: 5, end: 9, coder: "a" };
    const first = await createCoding(t.db, input);
    expect(await appError(createCoding(t.db, input))).toEqual({
      code: "conflict",
      message: `this passage is already coded with CON-1 by the same coder (coding ${first.id}) / 该段落已由同一编码者用“CON-1”编码`,
    });
    const second = await createCoding(t.db, { ...input, coder: "b" });
    expect(second.coder).toBe("b");
    expect(await t.db.coding.count()).toBe(2);
  });

  it("updates with the current version and refuses a stale one", async () => {
    const c = await createCoding(t.db, { documentId: doc.doc.id, codeId, start: 5, end: 9, coder: "a" });
    const code2 = await addCode(t.db, projectId, "COE-1");
    const start = cpIndexOf(doc.text, "京津冀");
    const u = await updateCoding(t.db, { id: c.id, version: 1, patch: { start, end: start + 7, codeId: code2.id, comment: "BTH" } });
    expect(u.version).toBe(2);
    expect(u.quote).toBe("京津冀协同发展");
    expect(u.prefix.endsWith("建设。加快")).toBe(true);
    expect(u.shortName).toBe("COE-1");
    expect(u.comment).toBe("BTH");
    expect(await appError(updateCoding(t.db, { id: c.id, version: 1, patch: { comment: "mine" } }))).toEqual({
      code: "conflict",
      message: "this coding was changed by someone else since you loaded it; reload the document and try again / 该编码已被他人修改，请刷新后重试",
    });
    expect((await t.db.coding.findUniqueOrThrow({ where: { id: c.id } })).comment).toBe("BTH");
    expect(await appError(updateCoding(t.db, { id: c.id, version: 2, patch: { end: 10_000 } }))).toEqual({
      code: "invalid_input",
      message: "end (10000) is beyond the end of the document (39 characters) / 结束位置超出文档长度（39 字）",
    });
  });

  it("delete returns what is needed to re-create the coding (undo)", async () => {
    const c = await createCoding(t.db, { documentId: doc.doc.id, codeId, start: 5, end: 9, coder: "a", comment: "x" });
    const gone = await deleteCoding(t.db, { id: c.id, version: 1 });
    expect(await t.db.coding.count()).toBe(0);
    const again = await createCoding(t.db, {
      documentId: gone.documentId,
      codeId: gone.codeId,
      start: gone.start,
      end: gone.end,
      coder: gone.coder,
      comment: gone.comment,
    });
    expect(again).toMatchObject({ quote: gone.quote, prefix: gone.prefix, suffix: gone.suffix, comment: "x", coder: "a" });
    expect(await appError(deleteCoding(t.db, { id: c.id, version: 1 }))).toEqual({
      code: "not_found",
      message: `coding ${c.id} not found (already deleted?) / 未找到该编码（可能已被删除）`,
    });
  });

  it("refuses to delete a coding changed since the version the client saw, and deletes nothing", async () => {
    const c = await createCoding(t.db, { documentId: doc.doc.id, codeId, start: 5, end: 9, coder: "a" });
    await updateCoding(t.db, { id: c.id, version: 1, patch: { comment: "edited by b" } });
    expect(await appError(deleteCoding(t.db, { id: c.id, version: 1 }))).toEqual({
      code: "conflict",
      message: "this coding was changed by someone else since you loaded it; reload the document and try again / 该编码已被他人修改，请刷新后重试",
    });
    expect(await t.db.coding.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ version: 2, comment: "edited by b" });
  });

  it("codes whole sentences in one transaction and skips ones already coded on that span", async () => {
    const [s0, s1, s2, s3] = [sentence(0), sentence(1), sentence(2), sentence(3)];
    await createCoding(t.db, { documentId: doc.doc.id, codeId, start: s1.start, end: s1.end, coder: "a" });
    const r = await codeUnits(t.db, { unitIds: [s0.id, s1.id, s2.id, s0.id], codeId, coder: "a" });
    expect(r.created.map((c) => c.quote)).toEqual([s0.text, s2.text]);
    expect(r.skipped).toEqual([s1.id]);
    expect(r.created.every((c) => c.coder === "a")).toBe(true);
    expect(await t.db.coding.count()).toBe(3);

    // A unit of another project makes the whole batch fail: nothing is written.
    const other = await addProject(t.db, "other");
    const foreignDoc = await addDocument(t.db, other.id, ["别的项目的句子。"]);
    const foreign = foreignDoc.sentences[0]?.id ?? "";
    expect(await appError(codeUnits(t.db, { unitIds: [s3.id, foreign], codeId, coder: "a" }))).toEqual({
      code: "invalid_input",
      message: "1 sentence(s) belong to another project than the code / 1 个句子属于其他项目",
    });
    expect(await t.db.coding.count()).toBe(3);
    expect(await appError(codeUnits(t.db, { unitIds: [s3.id, "nope"], codeId, coder: "a" }))).toEqual({
      code: "not_found",
      message: "1 sentence(s) not found: nope / 未找到 1 个句子",
    });
    expect(await t.db.coding.count()).toBe(3);
  });

  it("clips prefix and suffix at the document's edges and creates a new coder on first use", async () => {
    const cps = Array.from(doc.text);
    const first = await createCoding(t.db, { documentId: doc.doc.id, codeId, start: 0, end: 2, coder: "新人" });
    expect(first).toMatchObject({ quote: "𠮷𠮷", prefix: "", suffix: cps.slice(2, 22).join(""), coder: "新人" });
    expect(first.coderId).toBe((await ensureUser(t.db, "新人")).id);
    const last = await createCoding(t.db, {
      documentId: doc.doc.id,
      codeId,
      start: cps.length - 7,
      end: cps.length,
      coder: "新人",
    });
    expect(last).toMatchObject({ quote: "雄安新区建设。", prefix: cps.slice(cps.length - 27, cps.length - 7).join(""), suffix: "" });
  });

  it("refuses a missing document or code with not_found", async () => {
    expect(await appError(createCoding(t.db, { documentId: "missing", codeId, start: 5, end: 9, coder: "a" }))).toEqual({
      code: "not_found",
      message: "document missing not found / 未找到该文档",
    });
    expect(await appError(createCoding(t.db, { documentId: doc.doc.id, codeId: "gone", start: 5, end: 9, coder: "a" }))).toEqual({
      code: "not_found",
      message: "code gone not found / 未找到该代码",
    });
    expect(await t.db.coding.count()).toBe(0);
  });

  it("ensureUser trims, refuses empty names and is idempotent", async () => {
    const a = await ensureUser(t.db, "  李老师 ");
    const b = await ensureUser(t.db, "李老师");
    expect(a).toEqual(b);
    expect(a.name).toBe("李老师");
    expect(await appError(ensureUser(t.db, "   "))).toEqual({
      code: "invalid_input",
      message: "a user name is required / 用户名不能为空",
    });
  });

  it("lists a document's codings in text order", async () => {
    await createCoding(t.db, { documentId: doc.doc.id, codeId, start: 12, end: 15, coder: "a" });
    await createCoding(t.db, { documentId: doc.doc.id, codeId, start: 5, end: 9, coder: "b" });
    const list = await listDocumentCodings(t.db, doc.doc.id);
    expect(list.map((c) => c.start)).toEqual([5, 12]);
    expect(await appError(listDocumentCodings(t.db, "missing"))).toEqual({
      code: "not_found",
      message: "document missing not found / 未找到该文档",
    });
  });

  it("lets a coder change and delete only their own codings, and an owner anyone's", async () => {
    const start = cpIndexOf(doc.text, "城际铁路");
    const c = await createCoding(t.db, { documentId: doc.doc.id, codeId, start, end: start + 4, coder: "甲" });
    const refusal = {
      code: "forbidden",
      message: "this coding is 甲's: only its coder or a project owner can change or delete it / 该编码属于 甲：只有其编码者或项目负责人可以修改或删除",
    };
    const byB = { name: "乙", mayEditOthers: false };
    expect(await appError(updateCoding(t.db, { id: c.id, version: 1, patch: { comment: "改" }, by: byB }))).toEqual(refusal);
    expect(await appError(deleteCoding(t.db, { id: c.id, version: 1, by: byB }))).toEqual(refusal);
    const own = await updateCoding(t.db, { id: c.id, version: 1, patch: { comment: "自己的" }, by: { name: "甲", mayEditOthers: false } });
    expect(own.comment).toBe("自己的");
    const deleted = await deleteCoding(t.db, { id: c.id, version: 2, by: { name: "负责人", mayEditOthers: true } });
    expect(deleted.id).toBe(c.id);
    expect(await listDocumentCodings(t.db, doc.doc.id)).toHaveLength(0);
  });
});
