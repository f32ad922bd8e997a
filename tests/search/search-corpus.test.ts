import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCoding } from "../../lib/coding";
import { plainScanBaseline } from "../../bench/plain-scan";
import { searchCorpus, type SearchRequest } from "../../lib/search";
import { createTestDb, type TestDb } from "../helpers/db";
import { nth } from "../helpers/nth";
import { addCode, addDocument, addProject, appError, cpIndexOf, unitTokens } from "../coding/fixtures";

describe("searchCorpus", () => {
  let t: TestDb;
  let projectId: string;
  let hebei: Awaited<ReturnType<typeof addDocument>>;
  let sichuan: Awaited<ReturnType<typeof addDocument>>;
  let liaoning: Awaited<ReturnType<typeof addDocument>>;

  beforeEach(async () => {
    t = await createTestDb();
    projectId = (await addProject(t.db)).id;
    // Inserted out of order: results must come back by year, then title.
    sichuan = await addDocument(t.db, projectId, ["构建城际交通网。培育城市群，发展产业集群。", "完善基础设施建设。"], {
      title: "四川省政府工作报告2020",
      region: "CC",
      province: "四川省",
      year: 2020,
      docType: "plan",
    });
    hebei = await addDocument(t.db, projectId, ["𠮷𠮷推进城际铁路建设，完善基础设施。", "加快京津冀协同发展；推动产业转移。"], {
      title: "河北省政府工作报告2018",
      region: "BTH",
      province: "河北省",
      city: "",
      year: 2018,
    });
    liaoning = await addDocument(t.db, projectId, ["推动沈阳经济区建设。加强城际合作。"], {
      title: "辽宁省政府工作报告2015",
      region: "SCLN",
      province: "辽宁省",
      year: 2015,
      level: "city",
    });
    // Another project's text never shows up.
    const other = await addProject(t.db, "other");
    await addDocument(t.db, other.id, ["城际铁路城际铁路。"]);
  });
  afterEach(async () => t.close());

  const search = (req: SearchRequest) => searchCorpus(t.db, projectId, req);
  const matches = async (req: SearchRequest) => (await search(req)).hits.map((h) => h.match);

  it("orders hits by document (year, title) then position, with code-point offsets", async () => {
    const r = await search({ query: "城际", mode: "substring" });
    expect(r.total).toBe(3);
    expect(r.documents).toBe(3);
    expect(r.hits.map((h) => h.documentId)).toEqual([liaoning.doc.id, hebei.doc.id, sichuan.doc.id]);
    const sentence = nth(hebei.sentences, 0);
    expect(r.hits[1]).toMatchObject({
      start: 4,
      end: 6,
      match: "城际",
      title: "河北省政府工作报告2018",
      year: 2018,
      region: "BTH",
      unitId: sentence.id,
      unitStart: sentence.start,
      unitEnd: sentence.end,
    });
  });

  it("finds sentences whose tokens were never stored (substring mode)", async () => {
    const raw = await addDocument(t.db, projectId, ["推进城际铁路建设。"], { title: "未分词", noTokens: true });
    const r = await search({ query: "城际 铁路", mode: "substring", filters: { documentIds: [raw.doc.id] } });
    expect(r.hits.map((h) => h.match)).toEqual(["城际", "铁路"]);
  });

  it("puts documents without a year last", async () => {
    const undated = await addDocument(t.db, projectId, ["城际。"], { title: "A 无年份", year: null });
    const r = await search({ query: "城际", mode: "substring" });
    expect(r.hits.map((h) => h.documentId)).toEqual([liaoning.doc.id, hebei.doc.id, sichuan.doc.id, undated.doc.id]);
  });

  it("gives KWIC contexts counted in code points (𠮷) that stop at paragraph boundaries", async () => {
    const r = await search({ query: "城际", mode: "substring", contextChars: 3 });
    const h = r.hits.find((x) => x.documentId === hebei.doc.id)!;
    expect(h.left).toBe("𠮷推进");
    expect(h.right).toBe("铁路建");
    const rows = await t.db.$queryRaw<{ s: string }[]>`
      SELECT substr("plainText", ${h.start + 1}, ${h.end - h.start}) AS s FROM "Document" WHERE "id" = ${h.documentId}`;
    expect(rows).toEqual([{ s: "城际" }]);

    const end = await search({ query: "基础设施", mode: "substring", filters: { region: ["BTH"] } });
    expect(end.hits.map((x) => x.right)).toEqual(["。"]); // not "\n加快京津冀…"
    const start = await search({ query: "加快", mode: "substring" });
    // The previous paragraph is not context.
    expect(start.hits.map((x) => [x.left, x.start])).toEqual([["", cpIndexOf(hebei.text, "加快")]]);
  });

  it("matches substrings in substring mode but only whole jieba tokens (or runs of them) in word mode", async () => {
    // What jieba does with these sentences, so the example stays honest.
    expect(unitTokens("完善基础设施建设。")).toContain("\u001f基础设施\u001f");
    expect(unitTokens("培育城市群，发展产业集群。")).toContain("\u001f城市群\u001f");
    expect(unitTokens("𠮷𠮷推进城际铁路建设，完善基础设施。")).toContain("\u001f城际\u001f铁路\u001f");

    expect((await search({ query: "基础", mode: "substring" })).total).toBe(2);
    expect((await search({ query: "基础", mode: "word" })).total).toBe(0);
    expect((await search({ query: "城市", mode: "substring" })).total).toBe(1);
    expect((await search({ query: "城市", mode: "word" })).total).toBe(0);
    expect(await matches({ query: "基础设施", mode: "word" })).toEqual(["基础设施", "基础设施"]);
    expect(await matches({ query: "城际铁路", mode: "word" })).toEqual(["城际铁路"]); // two tokens in a row
    expect((await search({ query: "际铁", mode: "word" })).total).toBe(0);
    expect((await search({ query: "际铁", mode: "substring" })).total).toBe(1);
    // A quoted phrase is an exact substring in every mode.
    expect(await matches({ query: "“际铁”", mode: "word" })).toEqual(["际铁"]);
    // Word-mode offsets are code points too.
    const w = await search({ query: "城际", mode: "word", filters: { region: ["BTH"] } });
    expect(w.hits.map((x) => [x.start, x.end])).toEqual([[4, 6]]);
  });

  it("evaluates AND / OR / NOT per sentence and reports every positive term", async () => {
    const and = await search({ query: "城际 AND 建设", mode: "substring" });
    expect(and.hits.map((h) => h.match)).toEqual(["城际", "建设"]);
    expect(and.units).toBe(1);
    // 城际 and 建设 both occur in the Liaoning document, but in different sentences.
    expect(and.hits.every((h) => h.documentId === hebei.doc.id)).toBe(true);

    const not = await search({ query: "城际 NOT 铁路", mode: "substring" });
    expect(not.hits.map((h) => h.documentId)).toEqual([liaoning.doc.id, sichuan.doc.id]);

    expect(await matches({ query: "城际 OR 产业", mode: "substring" })).toEqual(["城际", "城际", "产业", "城际", "产业"]);
    expect(await matches({ query: "(城际 OR 产业) 推动", mode: "substring" })).toEqual(["推动", "产业"]);
    // In word mode 交通 is not a word of "构建城际交通网" (jieba: 构建|城际|交通网), so NOT 交通 holds there.
    const zhOps = "城际 且 非 (铁路 或 交通)";
    expect((await search({ query: zhOps, mode: "substring" })).hits.map((h) => h.documentId)).toEqual([liaoning.doc.id]);
    expect((await search({ query: zhOps, mode: "word" })).hits.map((h) => h.documentId)).toEqual([
      liaoning.doc.id,
      sichuan.doc.id,
    ]);
    expect(await matches({ query: '"城际铁路"', mode: "substring" })).toEqual(["城际铁路"]);
    expect((await search({ query: '"城际 铁路"', mode: "substring" })).total).toBe(0);
  });

  it("supports regular expressions and explains invalid ones", async () => {
    expect(await matches({ query: "城.群|产业集群", mode: "regex" })).toEqual(["城市群", "产业集群"]);
    expect(await matches({ query: "/城际(铁路|交通)/", mode: "regex" })).toEqual(["城际铁路", "城际交通"]);
    expect(await matches({ query: "𠮷{2}推进", mode: "regex" })).toEqual(["𠮷𠮷推进"]); // flag u: 𠮷 is one character
    // ^ anchors at the start of each sentence, not of the document.
    const anchored = await search({ query: "^推动", mode: "regex" });
    expect(anchored.hits.map((h) => h.documentId)).toEqual([liaoning.doc.id, hebei.doc.id]);
    expect(await matches({ query: "建设。$", mode: "regex" })).toEqual(["建设。", "建设。"]); // 辽宁 and 四川, not 河北
    expect(await appError(search({ query: "[城际", mode: "regex" }))).toEqual({
      code: "invalid_input",
      // The middle part is re2js's own wording (the linear-time engine of lib/search/safe-regex.ts).
      message: expect.stringMatching(/^invalid regular expression \/\[城际\/ at position 1: .+ \/ 第 1 个字符处的正则表达式无效$/),
    });
    expect(await appError(search({ query: "城际 OR", mode: "substring" }))).toEqual({
      code: "invalid_input",
      message: "OR at position 4 has no term after it / 第 4 个字符处的 OR 后缺少检索词",
    });
    expect(await appError(search({ query: "NOT 城际", mode: "substring" }))).toEqual({
      code: "invalid_input",
      message: "the query needs at least one term that is not negated by NOT / 查询至少需要一个未被 NOT 否定的检索词",
    });
    expect(await appError(search({ query: "城际", mode: "fuzzy" as never }))).toEqual({
      code: "invalid_input",
      message: "mode: mode must be substring, word or regex / mode: 检索模式无效",
    });
  });

  it("applies metadata filters", async () => {
    const docsOf = async (filters: SearchRequest["filters"]) =>
      [...new Set((await search({ query: "城际 OR 推动 OR 完善", mode: "substring", filters })).hits.map((h) => h.documentId))];
    expect(await docsOf({ region: ["BTH"] })).toEqual([hebei.doc.id]);
    expect(await docsOf({ province: ["四川省", "辽宁省"] })).toEqual([liaoning.doc.id, sichuan.doc.id]);
    expect(await docsOf({ year: { from: 2016, to: 2019 } })).toEqual([hebei.doc.id]);
    expect(await docsOf({ year: { from: 2018 } })).toEqual([hebei.doc.id, sichuan.doc.id]);
    expect(await docsOf({ docType: ["plan"] })).toEqual([sichuan.doc.id]);
    expect(await docsOf({ level: ["city"] })).toEqual([liaoning.doc.id]);
    expect(await docsOf({ documentIds: [sichuan.doc.id, hebei.doc.id] })).toEqual([hebei.doc.id, sichuan.doc.id]);
    expect(await docsOf({ region: ["YRD"] })).toEqual([]);
  });

  it("filters sentences by overlap with codings (codedWith / notCodedWith)", async () => {
    const con = await addCode(t.db, projectId, "CON-1");
    const coe = await addCode(t.db, projectId, "COE-1");
    // Overlaps "构建城际交通网。" partly.
    const s = cpIndexOf(sichuan.text, "交通网");
    await createCoding(t.db, { documentId: sichuan.doc.id, codeId: con.id, start: s, end: s + 3, coder: "a" });
    // Ends exactly where "加强城际合作。" starts: touching is not overlapping.
    const l0 = nth(liaoning.sentences, 0);
    await createCoding(t.db, { documentId: liaoning.doc.id, codeId: coe.id, start: l0.start, end: l0.end, coder: "a" });

    const coded = await search({ query: "城际", mode: "substring", filters: { codedWith: [con.id] } });
    expect(coded.hits.map((h) => h.unitId)).toEqual([nth(sichuan.sentences, 0).id]);
    const notCoded = await search({ query: "城际", mode: "substring", filters: { notCodedWith: [con.id, coe.id] } });
    expect(notCoded.hits.map((h) => h.documentId)).toEqual([liaoning.doc.id, hebei.doc.id]);
    expect((await search({ query: "城际", mode: "substring", filters: { codedWith: [coe.id] } })).total).toBe(0);
    const building = await search({ query: "建设", mode: "substring", filters: { codedWith: [coe.id] } });
    expect(building.hits.map((h) => h.unitId)).toEqual([l0.id]);
  });

  it("pages with limit/offset while reporting the full total", async () => {
    const all = await search({ query: "城际 OR 产业", mode: "substring" });
    const page = await search({ query: "城际 OR 产业", mode: "substring", limit: 2, offset: 1 });
    expect(page.total).toBe(all.total);
    expect(page.hits).toEqual(all.hits.slice(1, 3));
  });

  it("agrees with the plain SQL scan on occurrence counts", async () => {
    const base = await plainScanBaseline(t.db, projectId, "城际");
    expect(base.total).toBe(3);
    expect(base.documents).toHaveLength(3);
    expect((await search({ query: "城际", mode: "substring" })).total).toBe(base.total);
    expect((await plainScanBaseline(t.db, projectId, "不存在")).total).toBe(0);
    // LIKE wildcards in the term are literal.
    expect((await plainScanBaseline(t.db, projectId, "%")).total).toBe(0);
  });
});
