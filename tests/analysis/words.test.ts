import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as wordPassagesRoute } from "../../app/api/projects/[projectId]/analysis/words/passages/route";
import { GET as wordsRoute } from "../../app/api/projects/[projectId]/analysis/words/route";
import { GET as listStopRoute, POST as editStopRoute } from "../../app/api/projects/[projectId]/analysis/stopwords/route";
import {
  BUILT_IN_STOP_WORDS,
  compareWords,
  editStopWords,
  listStopWords,
  parseCompareSpec,
  wordFrequencies,
  wordPassages,
  type CompareSide,
  type WordTable,
} from "../../lib/analysis";
import { cpIndexOf, addDocument } from "../coding/fixtures";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { analysisFixture } from "./fixture";

/**
 * Word frequencies on the analysis fixture plus a third document (BTH, 2021). Sentence tokens
 * (jieba), after the built-in stop words and minimum length 2:
 *   D1 s0 推进 城际 铁路 建设 · s1 加快 京津冀 协同 发展 · s2 强化 产业 转移 · s3 推动 (雄 安) 新区 建设
 *   D2 t0 建设 长三角 一体化 示范区 · t1 共享 公共服务
 *   D3 u0 (我们) 推进 城际 铁路 (和) 协同 发展 · u1 (2 0 2 0 年) 完成 (1 0 0 % 的) 目标
 * = 4 + 4 + 3 + 3 + 4 + 2 + 5 + 2 = 27 counted tokens.
 */
describe("word frequencies and keyness", () => {
  let t: TestDb;
  let f: Awaited<ReturnType<typeof analysisFixture>>;
  let d3: Awaited<ReturnType<typeof addDocument>>;
  const savedUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    t = await createTestDb();
    process.env.DATABASE_URL = t.url;
    f = await analysisFixture(t.db);
    d3 = await addDocument(t.db, f.projectId, ["我们推进城际铁路和协同发展。2020年完成100%的目标。"], { title: "京津冀规划", region: "BTH", year: 2021, docType: "plan" });
  });
  afterAll(async () => {
    process.env.DATABASE_URL = savedUrl;
    await t.close();
  });

  const counts = (table: WordTable) => Object.fromEntries(table.words.map((w) => [w.word, w.count]));

  it("counts the corpus without stop words, single characters, numbers and punctuation", async () => {
    const table = await wordFrequencies(t.db, { projectId: f.projectId });
    expect(table).toMatchObject({ tokens: 27, types: 20, units: 8, documents: 3, minLength: 2 });
    expect(table.words.slice(0, 6).map((w) => [w.word, w.count, w.documents])).toEqual([
      ["建设", 3, 2],
      ["城际", 2, 2],
      ["发展", 2, 2],
      ["铁路", 2, 2],
      ["推进", 2, 2],
      ["协同", 2, 2],
    ]);
    expect(table.words[0]!.per10k).toBeCloseTo(30_000 / 27, 9);
    const c = counts(table);
    for (const gone of ["我们", "和", "的", "年", "雄", "安", "2", "0", "%", "。", "！", "；"]) expect(c[gone]).toBeUndefined();
    expect(table.words.reduce((s, w) => s + w.count, 0)).toBe(27);
  });

  it("applies the minimum length in characters and the top N", async () => {
    const one = await wordFrequencies(t.db, { projectId: f.projectId, minLength: 1 });
    // 雄 and 安 come in; 和 的 年 are stop words, digits and % are not words.
    expect(one.tokens).toBe(29);
    expect(counts(one)).toMatchObject({ 雄: 1, 安: 1 });
    const three = await wordFrequencies(t.db, { projectId: f.projectId, minLength: 3, top: 3 });
    expect(three.tokens).toBe(5);
    expect(three.types).toBe(5);
    expect(three.words).toHaveLength(3);
    expect(await appError(wordFrequencies(t.db, { projectId: f.projectId, minLength: 0 }))).toMatchObject({ code: "invalid_input", message: "minimum word length must be a whole number from 1 to 20 / 最小词长须为 1 到 20 的整数" });
  });

  it("counts the sentences of a code with its sub-codes, a sentence coded several times once", async () => {
    // CON = CON-1 + CON-2: s0 (k1 k2 k6 k11, four codings), s1 (k3 k4), t1 (k9).
    const con = await wordFrequencies(t.db, { projectId: f.projectId, codes: "CON" });
    expect(con).toMatchObject({ tokens: 10, units: 3, documents: 2 });
    expect(counts(con)).toMatchObject({ 推进: 1, 城际: 1, 铁路: 1, 建设: 1, 协同: 1, 共享: 1 });
    // k5 spans s2 and s3, so COO-3 counts both sentences, with t0 (k8).
    const coo3 = await wordFrequencies(t.db, { projectId: f.projectId, codes: "COO-3" });
    expect(coo3).toMatchObject({ tokens: 10, units: 3 });
    expect(counts(coo3)["建设"]).toBe(2);
    // Only bob's codings of CON: k6 and k11, both on s0.
    const bob = await wordFrequencies(t.db, { projectId: f.projectId, codes: "CON", coders: ["bob"] });
    expect(bob).toMatchObject({ tokens: 4, units: 1 });
  });

  it("counts a document group and the sentences with a search hit", async () => {
    const bth = await wordFrequencies(t.db, { projectId: f.projectId, filters: { region: ["BTH"] } });
    expect(bth).toMatchObject({ tokens: 21, units: 6, documents: 2 });
    const hits = await wordFrequencies(t.db, { projectId: f.projectId, query: "协同" });
    expect(hits).toMatchObject({ tokens: 9, units: 2, documents: 2 });
    expect(counts(hits)).toMatchObject({ 协同: 2, 发展: 2, 推进: 1, 加快: 1 });
    const both = await wordFrequencies(t.db, { projectId: f.projectId, query: "建设", filters: { year: ["2018"] } });
    expect(both).toMatchObject({ tokens: 7, units: 2 });
  });

  it("persists a project's stop-word edits and forgets edits that restore the built-in list", async () => {
    expect(BUILT_IN_STOP_WORDS).toContain("我们");
    const after = await editStopWords(t.db, f.projectId, { add: ["建设", " 建设 "], remove: ["我们"] });
    expect(after.added).toEqual(["建设"]);
    expect(after.removed).toEqual(["我们"]);
    expect(after.words).toContain("建设");
    expect(after.words).not.toContain("我们");
    expect(await t.db.projectStopWord.count({ where: { projectId: f.projectId } })).toBe(2);
    const edited = await wordFrequencies(t.db, { projectId: f.projectId });
    // 27 − 3 (建设) + 1 (我们).
    expect(edited.tokens).toBe(25);
    expect(counts(edited)).toMatchObject({ 我们: 1 });
    expect(counts(edited)["建设"]).toBeUndefined();
    const back = await editStopWords(t.db, f.projectId, { add: ["我们"], remove: ["建设"] });
    expect(back).toMatchObject({ added: [], removed: [] });
    expect(await t.db.projectStopWord.count({ where: { projectId: f.projectId } })).toBe(0);
    expect((await wordFrequencies(t.db, { projectId: f.projectId })).tokens).toBe(27);
    expect((await listStopWords(t.db, f.projectId)).words).toHaveLength(BUILT_IN_STOP_WORDS.length);
    expect(await appError(editStopWords(t.db, f.projectId, { add: ["发展"], remove: ["发展"] }))).toMatchObject({ code: "invalid_input", message: '"发展" cannot be both added and removed / "发展"不能同时添加和移除' });
  });

  it("compares two document groups by G² and Log Ratio (hand-computed)", async () => {
    const c = parseCompareSpec("region=BTH:region=YRD");
    const table = await compareWords(t.db, { projectId: f.projectId, a: c.a as Exclude<CompareSide, "rest">, b: c.b, labels: c.labels });
    expect(table.a).toMatchObject({ label: "region=BTH", tokens: 21, units: 6, documents: 2 });
    expect(table.b).toMatchObject({ label: "region=YRD", tokens: 6, units: 2, documents: 1 });
    expect(table.threshold).toBe(3.84);
    const row = (w: string) => table.words.find((x) => x.word === w)!;
    // 建设 2 of 21 vs 1 of 6: E = 21·3/27, 6·3/27; G² = 2(2 ln(2/2.333) + ln(1/0.667)) = 0.194; LR = log₂((2/21)/(1/6)) = −0.807.
    expect(row("建设").logLikelihood).toBeCloseTo(0.1943, 3);
    expect(row("建设").logRatio).toBeCloseTo(-0.8074, 3);
    expect(row("建设")).toMatchObject({ countA: 2, countB: 1, overusedIn: "B", significant: false });
    // 长三角 0 vs 1: G² = 2 ln 4.5 = 3.008; LR with 0 taken as 0.5 = log₂(1/7) = −2.807.
    expect(row("长三角").logLikelihood).toBeCloseTo(3.0082, 3);
    expect(row("长三角").logRatio).toBeCloseTo(-2.8074, 3);
    // 推进 2 vs 0: G² = 4 ln(27/21) = 1.005; LR = log₂((2/21)/(0.5/6)) = 0.193.
    expect(row("推进").logLikelihood).toBeCloseTo(1.0053, 3);
    expect(row("推进").logRatio).toBeCloseTo(0.1926, 3);
    expect(row("推进").overusedIn).toBe("A");
    // Sorted by G²: the five YRD-only words (3.008) first.
    expect(new Set(table.words.slice(0, 5).map((w) => w.word))).toEqual(new Set(["长三角", "一体化", "示范区", "共享", "公共服务"]));
    expect(table.words[5]!.logLikelihood).toBeCloseTo(1.0053, 3);
  });

  it("compares a code with the rest of the scope", async () => {
    const c = parseCompareSpec("code=CON:rest");
    expect(c.b).toBe("rest");
    const table = await compareWords(t.db, { projectId: f.projectId, a: c.a as Exclude<CompareSide, "rest">, b: c.b });
    // CON: s0 s1 t1 (10 tokens); rest: s2 s3 t0 u0 u1 (17).
    expect(table.a.tokens).toBe(10);
    expect(table.b.tokens).toBe(17);
    const row = (w: string) => table.words.find((x) => x.word === w)!;
    expect(row("共享").logLikelihood).toBeCloseTo(1.9865, 3);
    expect(row("共享").logRatio).toBeCloseTo(1.7655, 3);
    expect(row("协同").logLikelihood).toBeCloseTo(0.1392, 3);
    expect(row("协同").logRatio).toBeCloseTo(0.7655, 3);
    expect(row("建设").logLikelihood).toBeCloseTo(0.0179, 3);
    expect(row("建设").logRatio).toBeCloseTo(-0.2345, 3);
    expect(() => parseCompareSpec("region=BTH")).toThrow(/two groups separated by a colon/);
    expect(() => parseCompareSpec("rest:region=BTH")).toThrow(/first group cannot be rest/);
  });

  it("drills a word down to exactly its occurrences, placed in the document's text", async () => {
    const list = await wordPassages(t.db, { projectId: f.projectId, word: "协同" });
    expect(list.total).toBe(2);
    const at1 = cpIndexOf(f.d1.text, "协同");
    const at3 = cpIndexOf(d3.text, "协同");
    expect(list.passages.map((p) => [p.documentId, p.start, p.end, p.match])).toEqual([
      [f.d1.doc.id, at1, at1 + 2, "协同"],
      [d3.doc.id, at3, at3 + 2, "协同"],
    ]);
    expect(list.passages[0]).toMatchObject({ title: "京津冀报告", year: 2018, region: "BTH", unitId: f.units.s1, left: "推进城际铁路建设。加快京津冀", right: "发展！" });
    // Within a code: 建设 once in CON (s0), though four codings lie on s0.
    const inCode = await wordPassages(t.db, { projectId: f.projectId, word: "建设", codes: "CON" });
    expect(inCode.passages.map((p) => p.unitId)).toEqual([f.units.s0]);
    // The rest of CON: s3 and t0.
    const rest = await wordPassages(t.db, { projectId: f.projectId, word: "建设", except: { codes: "CON" } });
    expect(rest.passages.map((p) => p.unitId)).toEqual([f.units.s3, f.units.t0]);
  });

  describe("API", () => {
    const call = (route: (req: Request, ctx: never) => Promise<Response>, path: string, params: Record<string, string>, init?: RequestInit) =>
      route(new Request(`http://localhost/api/projects/${f.projectId}/analysis/${path}?${new URLSearchParams(params)}`, { headers: { "accept-language": "en", "content-type": "application/json" }, ...init }), {
        params: Promise.resolve({ projectId: f.projectId }),
      } as never);

    it("answers frequencies, keyness, CSV and passages of a comparison side", async () => {
      const words = await (await call(wordsRoute, "words", { filter: "region=BTH", top: "2" })).json();
      expect(words).toMatchObject({ tokens: 21, words: [{ word: "城际", count: 2 }, { word: "发展", count: 2 }] });
      const coo = await (await call(wordsRoute, "words", { code: "COO-3" })).json();
      expect(coo.tokens).toBe(10);
      const k = await (await call(wordsRoute, "words", { compare: "region=BTH:region=YRD", top: "1" })).json();
      expect(k.words).toHaveLength(1);
      expect(k.words[0].logLikelihood).toBeCloseTo(3.0082, 3);
      const csv = await (await call(wordsRoute, "words", { format: "csv", top: "1" })).text();
      expect(csv.replace(/^\uFEFF/, "").trim().split("\n")).toEqual(["word,count,per_10k_tokens,documents,tokens,min_length", `建设,3,${30_000 / 27},2,27,2`]);
      const side = await (await call(wordPassagesRoute, "words/passages", { word: "建设", compare: "code=CON:rest", side: "b" })).json();
      expect(side.total).toBe(2);
      const bad = await call(wordsRoute, "words", { compare: "region=BTH" });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(await bad.json())).toContain("two groups separated by a colon");
    });

    it("lists and edits stop words", async () => {
      const edited = await call(editStopRoute, "stopwords", {}, { method: "POST", body: JSON.stringify({ add: ["新区"] }) });
      expect(edited.status).toBe(200);
      expect((await edited.json()).added).toEqual(["新区"]);
      const listed = await (await call(listStopRoute, "stopwords", {})).json();
      expect(listed.added).toEqual(["新区"]);
      expect(listed.builtIn).toBe(BUILT_IN_STOP_WORDS.length);
      expect((await wordFrequencies(t.db, { projectId: f.projectId })).tokens).toBe(26);
      await editStopWords(t.db, f.projectId, { remove: ["新区"] });
    });
  });
});
