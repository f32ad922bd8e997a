import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  compareWords,
  countTokens,
  documentWordCounts,
  editStopWords,
  mergeDocumentCounts,
  parseCompareSpec,
  wordFrequencies,
  type CompareSide,
  type WordScope,
} from "../../lib/analysis";
import { insertDocumentWordCounts } from "../../lib/db/words";
import { TOKEN_SEP } from "../../lib/text/tokens";
import { addDocument } from "../coding/fixtures";
import { createTestDb, type TestDb } from "../helpers/db";
import { analysisFixture } from "./fixture";

/**
 * The per-document word-count cache (DocumentWordCounts): whole-document scopes read it, and
 * their tables equal the ones counted from the sentence units' tokens.
 */
describe("word-count cache", () => {
  let t: TestDb;
  let f: Awaited<ReturnType<typeof analysisFixture>>;
  let d3: Awaited<ReturnType<typeof addDocument>>;
  let d4: Awaited<ReturnType<typeof addDocument>>;

  beforeEach(async () => {
    t = await createTestDb();
    f = await analysisFixture(t.db);
    d3 = await addDocument(t.db, f.projectId, ["我们推进城际铁路和协同发展。2020年完成100%的目标。"], { title: "京津冀规划", region: "BTH", year: 2021, docType: "plan" });
    // Sentences without tokens: they count as units and their document as a document, with no words.
    d4 = await addDocument(t.db, f.projectId, ["未分词的文件。"], { title: "未分词", region: "PRD", year: 2019, noTokens: true });
    const v = await t.db.documentVariable.create({ data: { projectId: f.projectId, name: "tier", labelZh: "层级", kind: "category", categories: '["一","二"]' } });
    await t.db.documentVariableValue.create({ data: { variableId: v.id, documentId: f.d1.doc.id, value: "一" } });
    await t.db.documentVariableValue.create({ data: { variableId: v.id, documentId: d3.doc.id, value: "二" } });
  });
  afterEach(async () => {
    await t.close();
  });

  const rowsOf = () => t.db.documentWordCounts.findMany({ where: { document: { projectId: f.projectId } }, orderBy: { documentId: "asc" } });
  const uncached = { wordCountCache: false };
  const scopes: Omit<WordScope, "projectId">[] = [
    {},
    { filters: { region: ["BTH"] } },
    { filters: { year: ["2018", "2020"] } },
    { filters: { tier: ["一", ""] } },
    { filters: { region: ["PRD"] } },
    { filters: { region: ["nowhere"] } },
    { coders: ["bob"] },
    { except: { filters: { region: ["YRD"] } } },
  ];

  it("gives exactly the table counted from the units, for the whole corpus, filters, lengths and excepted groups", async () => {
    for (const s of scopes) {
      for (const options of [{}, { minLength: 1, top: 10_000 }, { minLength: 3 }]) {
        const q = { ...s, projectId: f.projectId, ...options };
        const cached = await wordFrequencies(t.db, q);
        expect(cached).toEqual(await wordFrequencies(t.db, q, uncached));
      }
    }
    const all = await wordFrequencies(t.db, { projectId: f.projectId, top: 10_000 });
    // 27 tokens of the word tests, in 9 sentences of 4 documents (d4's has no tokens).
    expect(all).toMatchObject({ tokens: 27, types: 20, units: 9, documents: 4 });
    expect(all.words.slice(0, 2)).toEqual([
      { word: "建设", count: 3, per10k: 30_000 / 27, documents: 2 },
      { word: "城际", count: 2, per10k: 20_000 / 27, documents: 2 },
    ]);
    expect(await wordFrequencies(t.db, { projectId: f.projectId, filters: { region: ["PRD"] } })).toEqual({ tokens: 0, types: 0, units: 1, documents: 1, minLength: 2, words: [] });
    expect((await rowsOf()).length).toBe(4);
  });

  it("gives exactly the keyness table counted from the units, the rest side included", async () => {
    for (const spec of ["region=BTH:region=YRD", "region=BTH:rest", "type=plan:rest", "tier=一:tier=二", "code=CON:rest", "region=BTH:code=CON"]) {
      const c = parseCompareSpec(spec);
      const q = { projectId: f.projectId, a: c.a as Exclude<CompareSide, "rest">, b: c.b, labels: c.labels, top: 10_000 };
      expect(await compareWords(t.db, q)).toEqual(await compareWords(t.db, q, uncached));
    }
    const rest = await compareWords(t.db, { projectId: f.projectId, a: { filters: { region: ["BTH"] } }, b: "rest" });
    // BTH: d1 and d3 (21 tokens); the rest: d2 (6) and d4 (no tokens).
    expect([rest.a.tokens, rest.a.units, rest.a.documents, rest.b.tokens, rest.b.units, rest.b.documents]).toEqual([21, 6, 2, 6, 3, 2]);
  });

  it("writes a document's row on its first whole-document query and reads it afterwards", async () => {
    expect(await rowsOf()).toEqual([]);
    // A query with a code or a search reads the units and writes nothing.
    await wordFrequencies(t.db, { projectId: f.projectId, codes: "CON" });
    await wordFrequencies(t.db, { projectId: f.projectId, query: "协同" });
    expect(await rowsOf()).toEqual([]);
    // A filtered query fills its own documents only.
    await wordFrequencies(t.db, { projectId: f.projectId, filters: { region: ["YRD"] } });
    const yrd = await rowsOf();
    expect(yrd.map((r) => [r.documentId, r.units])).toEqual([[f.d2.doc.id, 2]]);
    // Raw counts: stop words, single characters and punctuation are kept; filtering happens on reading.
    expect(Object.fromEntries(pairs(yrd[0]!.counts))).toEqual({ 建设: 1, 长三角: 1, 一体化: 1, 示范区: 1, "。": 2, 共享: 1, 公共服务: 1 });

    const first = await wordFrequencies(t.db, { projectId: f.projectId });
    const rows = await rowsOf();
    expect(rows.map((r) => r.documentId).sort()).toEqual([f.d1.doc.id, f.d2.doc.id, d3.doc.id, d4.doc.id].sort());
    expect(rows.find((r) => r.documentId === f.d2.doc.id)!.createdAt).toEqual(yrd[0]!.createdAt);
    expect(rows.find((r) => r.documentId === d4.doc.id)).toMatchObject({ units: 1, counts: "" });

    // The second query reads the rows, not the units: a word planted in a row shows up.
    await t.sql(`UPDATE "DocumentWordCounts" SET "counts" = ? WHERE "documentId" = ?`, [`${rows.find((r) => r.documentId === f.d2.doc.id)!.counts}${TOKEN_SEP}缓存词${TOKEN_SEP}7`, f.d2.doc.id]);
    const second = await wordFrequencies(t.db, { projectId: f.projectId, top: 10_000 });
    expect(second.words.find((w) => w.word === "缓存词")).toEqual({ word: "缓存词", count: 7, per10k: 70_000 / 34, documents: 1 });
    expect(second.tokens).toBe(first.tokens + 7);
    expect((await wordFrequencies(t.db, { projectId: f.projectId, top: 10_000 }, uncached)).words.find((w) => w.word === "缓存词")).toBeUndefined();
    expect((await rowsOf()).map((r) => [r.documentId, r.createdAt])).toEqual(rows.map((r) => [r.documentId, r.createdAt]));
  });

  it("survives two requests filling the same documents at once", async () => {
    const q = { projectId: f.projectId };
    const c = parseCompareSpec("region=BTH:rest");
    const k = { ...q, a: c.a as Exclude<CompareSide, "rest">, b: c.b };
    const [a, b, keyness] = await Promise.all([wordFrequencies(t.db, q), wordFrequencies(t.db, q), compareWords(t.db, k)]);
    expect(b).toEqual(a);
    expect(a).toEqual(await wordFrequencies(t.db, q, uncached));
    expect(keyness).toEqual(await compareWords(t.db, k, uncached));
    expect((await rowsOf()).length).toBe(4);
    // The losing insert of a row does nothing, whatever it carries; a row for a deleted document is not written.
    await insertDocumentWordCounts(t.db, [
      { documentId: f.d2.doc.id, units: 99, counts: `另一个${TOKEN_SEP}1` },
      { documentId: "no-such-document", units: 1, counts: "" },
    ]);
    expect((await rowsOf()).find((r) => r.documentId === f.d2.doc.id)!.units).toBe(2);
    expect(await t.db.documentWordCounts.count()).toBe(4);
  });

  it("deletes a document's row with the document, and a project's with the project", async () => {
    await wordFrequencies(t.db, { projectId: f.projectId });
    await t.db.document.delete({ where: { id: d3.doc.id } });
    expect((await rowsOf()).map((r) => r.documentId).sort()).toEqual([f.d1.doc.id, f.d2.doc.id, d4.doc.id].sort());
    const after = await wordFrequencies(t.db, { projectId: f.projectId });
    expect(after).toEqual(await wordFrequencies(t.db, { projectId: f.projectId }, uncached));
    expect(after).toMatchObject({ tokens: 20, documents: 3 });
    await t.db.project.delete({ where: { id: f.projectId } });
    expect(await t.db.documentWordCounts.count()).toBe(0);
  });

  it("applies stop words edited after the rows were written", async () => {
    const before = await wordFrequencies(t.db, { projectId: f.projectId });
    expect(before.words.find((w) => w.word === "城际")).toMatchObject({ count: 2 });
    await editStopWords(t.db, f.projectId, { add: ["城际"], remove: ["我们"] });
    const after = await wordFrequencies(t.db, { projectId: f.projectId });
    expect(after.words.find((w) => w.word === "城际")).toBeUndefined();
    expect(after.words.find((w) => w.word === "我们")).toMatchObject({ count: 1, documents: 1 });
    expect(after.tokens).toBe(27 - 2 + 1);
    expect(after).toEqual(await wordFrequencies(t.db, { projectId: f.projectId }, uncached));
  });
});

const pairs = (counts: string): [string, number][] => {
  const parts = counts === "" ? [] : counts.split(TOKEN_SEP);
  const out: [string, number][] = [];
  for (let i = 0; i < parts.length; i += 2) out.push([parts[i]!, Number(parts[i + 1])]);
  return out;
};

describe("merging documents' word counts", () => {
  it("counts what counting every token counts: stop words, lengths in code points, numbers, punctuation", () => {
    const units = [
      { documentId: "a", tokens: `${TOKEN_SEP}𠮷野${TOKEN_SEP}的${TOKEN_SEP}发展${TOKEN_SEP}，${TOKEN_SEP}2020${TOKEN_SEP}发展${TOKEN_SEP}` },
      { documentId: "a", tokens: "" },
      { documentId: "b", tokens: `${TOKEN_SEP}发展${TOKEN_SEP}𠮷${TOKEN_SEP}我们${TOKEN_SEP}` },
      { documentId: "c", tokens: "" },
    ];
    const docs = documentWordCounts(["a", "b", "c", "d"], units);
    expect(docs.map((d) => [d.documentId, d.units, pairs(d.counts)])).toEqual([
      ["a", 2, [["𠮷野", 1], ["的", 1], ["发展", 2], ["，", 1], ["2020", 1]]],
      ["b", 1, [["发展", 1], ["𠮷", 1], ["我们", 1]]],
      ["c", 1, []],
      ["d", 0, []],
    ]);
    for (const minLength of [1, 2, 3]) {
      const stop = new Set(["的", "我们"]);
      const merged = mergeDocumentCounts(docs, stop, minLength);
      const counted = countTokens(units, stop, minLength);
      expect(merged.tokens).toBe(counted.tokens);
      expect(merged.documents).toBe(counted.documents);
      const plain = (m: typeof merged.counts) => Object.fromEntries([...m].map(([w, c]) => [w, [c.count, c.documents]]));
      expect(plain(merged.counts)).toEqual(plain(counted.counts));
    }
    expect(Object.fromEntries([...mergeDocumentCounts(docs, new Set(), 2).counts].map(([w, c]) => [w, c.count]))).toEqual({ 𠮷野: 1, 发展: 3, 我们: 1 });
  });
});
