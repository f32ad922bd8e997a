import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCoding, getReaderData, verifyCodingAnchors } from "../../lib/coding";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject, appError, cpIndexOf } from "./fixtures";

describe("verifyCodingAnchors", () => {
  const text = "𠮷前言。推进城际铁路建设，完善城际铁路网络。";
  const at = cpIndexOf(text, "城际铁路", 1); // the second occurrence

  it("keeps a coding whose quote is still at its position", () => {
    const [r] = verifyCodingAnchors(text, [{ start: at, end: at + 4, quote: "城际铁路", prefix: "建设，完善", suffix: "网络。" }]);
    expect(r).toEqual({ status: "ok", start: at, end: at + 4 });
  });

  it("relocates a quote that moved, choosing the occurrence whose prefix/suffix agree", () => {
    // The text gained two characters (one of them non-BMP) before the span.
    const edited = "𠮷𠮷新" + text.slice(2);
    const stored = { start: at, end: at + 4, quote: "城际铁路", prefix: "建设，完善", suffix: "网络。" };
    const [r] = verifyCodingAnchors(edited, [stored]);
    const expected = cpIndexOf(edited, "城际铁路", 1);
    expect(r).toEqual({ status: "relocated", start: expected, end: expected + 4 });
    // With the first occurrence's context, the first occurrence wins even though it is farther away.
    const [r2] = verifyCodingAnchors(edited, [{ ...stored, prefix: "。推进", suffix: "建设，" }]);
    const first = cpIndexOf(edited, "城际铁路", 0);
    expect(r2).toEqual({ status: "relocated", start: first, end: first + 4 });
  });

  it("orphans a coding whose quote is gone, keeping its stored offsets", () => {
    const [r] = verifyCodingAnchors("完全不同的文本。", [{ start: 3, end: 7, quote: "城际铁路" }]);
    expect(r).toEqual({ status: "orphaned", start: 3, end: 7 });
  });
});

describe("getReaderData", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it("returns text, paragraphs, sentences, anchored codings and counts in code points", async () => {
    const p = await addProject(t.db);
    const a = await addCode(t.db, p.id, "CON-1");
    const b = await addCode(t.db, p.id, "COO-3");
    const d = await addDocument(t.db, p.id, ["𠮷推进城际铁路建设。", "发展产业集群；加强合作。"], { title: "报告", year: 2019 });
    const s = cpIndexOf(d.text, "城际铁路");
    await createCoding(t.db, { documentId: d.doc.id, codeId: a.id, start: s, end: s + 4, coder: "a" });
    const s2 = cpIndexOf(d.text, "产业集群");
    await createCoding(t.db, { documentId: d.doc.id, codeId: b.id, start: s2, end: s2 + 4, coder: "a" });
    await createCoding(t.db, { documentId: d.doc.id, codeId: b.id, start: s2 - 2, end: s2 + 4, coder: "b" });
    // Corrupt one stored quote so that it can only be found elsewhere … and one so that it is gone.
    await t.db.coding.updateMany({ where: { coderId: (await t.db.user.findUniqueOrThrow({ where: { name: "b" } })).id }, data: { start: 0, end: 6 } });
    const gone = await createCoding(t.db, { documentId: d.doc.id, codeId: a.id, start: 0, end: 3, coder: "c" });
    await t.db.coding.update({ where: { id: gone.id }, data: { quote: "不存在的话" } });

    const r = await getReaderData(t.db, d.doc.id);
    expect(r.text).toBe(d.text);
    expect(r.document).toMatchObject({ id: d.doc.id, projectId: p.id, title: "报告", year: 2019, charCount: Array.from(d.text).length });
    expect(r.paragraphs).toEqual([
      { ordinal: 0, start: 0, end: 10 },
      { ordinal: 1, start: 11, end: 23 },
    ]);
    expect(r.sentences.map((x) => [x.start, x.end, x.paragraph])).toEqual([
      [0, 10, 0],
      [11, 18, 1],
      [18, 23, 1],
    ]);
    const anchored = r.codings
      .map((c) => ({ coder: c.coder, code: c.shortName, anchor: c.anchor, start: c.start, end: c.end, quote: c.quote }))
      .sort((x, y) => x.coder.localeCompare(y.coder) || x.start - y.start);
    expect(anchored).toEqual([
      { coder: "a", code: "CON-1", anchor: "ok", start: s, end: s + 4, quote: "城际铁路" },
      { coder: "a", code: "COO-3", anchor: "ok", start: s2, end: s2 + 4, quote: "产业集群" },
      // Stored at 0…6, where the text no longer reads 发展产业集群: found again at its real place.
      { coder: "b", code: "COO-3", anchor: "relocated", start: s2 - 2, end: s2 + 4, quote: "发展产业集群" },
      // Its quote is nowhere in the text: kept at the stored offsets, marked orphaned.
      { coder: "c", code: "CON-1", anchor: "orphaned", start: 0, end: 3, quote: "不存在的话" },
    ]);
    expect(r.codeCounts).toEqual([
      expect.objectContaining({ shortName: "CON-1", count: 2 }),
      expect.objectContaining({ shortName: "COO-3", count: 2 }),
    ]);
    expect(await appError(getReaderData(t.db, "nope"))).toEqual({ code: "not_found", message: "document nope not found / 未找到该文档" });
  });

  // Only behaviour here; how fast the reader opens such a document is `npm run bench reader`.
  it("serves a 100,000-character document with 2,000 codings, all anchored", async () => {
    const p = await addProject(t.db);
    const code = await addCode(t.db, p.id, "COE-1");
    const sentence = "推进京津冀协同发展，加快城际铁路建设。"; // 19 code points
    const paras: string[] = [];
    for (let i = 0; i < 1050; i++) paras.push((i % 10 === 0 ? "𠮷" : "") + sentence.repeat(5));
    const d = await addDocument(t.db, p.id, paras, { noTokens: true });
    const user = await t.db.user.create({ data: { name: "bulk" } });
    const rows = d.sentences.slice(0, 2000).map((s) => ({
      projectId: p.id,
      documentId: d.doc.id,
      codeId: code.id,
      coderId: user.id,
      start: s.start,
      end: s.end,
      quote: s.text,
    }));
    await t.db.coding.createMany({ data: rows });
    const r = await getReaderData(t.db, d.doc.id);
    // 1,050 paragraphs of 95 code points, 105 of them led by 𠮷, joined by 1,049 line feeds.
    expect(Array.from(r.text)).toHaveLength(100_904);
    expect(r.document.charCount).toBe(100_904);
    expect(r.codings).toHaveLength(2000);
    expect(r.codings.filter((c) => c.anchor !== "ok")).toEqual([]);
  });
});
