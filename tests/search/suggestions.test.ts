import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCoding } from "../../lib/coding";
import { decideSuggestions, suggestForCode } from "../../lib/search";
import { createTestDb, type TestDb } from "../helpers/db";
import { nth } from "../helpers/nth";
import { addCode, addDocument, addProject, appError, cpIndexOf } from "../coding/fixtures";

describe("keyword suggestions", () => {
  let t: TestDb;
  let projectId: string;
  let codeId: string;
  let otherCodeId: string;
  let hebei: Awaited<ReturnType<typeof addDocument>>;
  let sichuan: Awaited<ReturnType<typeof addDocument>>;
  let liaoning: Awaited<ReturnType<typeof addDocument>>;

  beforeEach(async () => {
    t = await createTestDb();
    projectId = (await addProject(t.db)).id;
    codeId = (await addCode(t.db, projectId, "CON-1", { keywords: ["城际", "铁路", "交通"] })).id;
    otherCodeId = (await addCode(t.db, projectId, "COO-3", { keywords: ["产业"] })).id;
    sichuan = await addDocument(t.db, projectId, ["构建城际交通网。培育城市群，发展产业集群。"], { title: "四川", year: 2020 });
    hebei = await addDocument(t.db, projectId, ["𠮷推进城际铁路建设。推动产业转移。"], { title: "河北", year: 2018 });
    liaoning = await addDocument(t.db, projectId, ["推动沈阳经济区建设。加强城际合作。"], { title: "辽宁", year: 2015 });
  });
  afterEach(async () => t.close());

  const suggested = async () =>
    (await suggestForCode(t.db, { projectId, codeId })).groups.flatMap((g) => g.sentences.map((s) => s.unitId));

  it("proposes uncoded sentences containing a keyword, grouped by document, and codes nothing", async () => {
    const r = await suggestForCode(t.db, { projectId, codeId });
    expect(r.code).toMatchObject({ id: codeId, shortName: "CON-1", keywords: ["城际", "铁路", "交通"] });
    expect(r.groups.map((g) => g.title)).toEqual(["辽宁", "河北", "四川"]);
    expect(r.total).toBe(3);
    expect(r.groups.map((g) => g.sentences.map((x) => [x.unitId, x.text, x.keywords, x.start, x.end]))).toEqual([
      [[nth(liaoning.sentences, 1).id, "加强城际合作。", ["城际"], 10, 17]],
      [[nth(hebei.sentences, 0).id, "𠮷推进城际铁路建设。", ["城际", "铁路"], 0, 10]],
      [[nth(sichuan.sentences, 0).id, "构建城际交通网。", ["城际", "交通"], 0, 8]],
    ]);
    expect(await t.db.coding.count()).toBe(0);
    expect(await t.db.suggestionDecision.count()).toBe(0);
  });

  it("reads a code's keywords with the codebook's one rule: trimmed, NFC, no empties or duplicates", async () => {
    // Written straight to the row, as an older import or a hand edit might have left it.
    await t.db.code.update({ where: { id: codeId }, data: { keywords: JSON.stringify([" 铁路 ", "铁路", "", "\u3000城际"]) } });
    const r = await suggestForCode(t.db, { projectId, codeId });
    expect(r.code.keywords).toEqual(["铁路", "城际"]);
    expect(r.groups.map((g) => g.sentences.map((x) => x.keywords))).toEqual([[["城际"]], [["铁路", "城际"]], [["城际"]]]);
  });

  it("leaves out sentences already coded with the code (any overlap), but not ones coded with another code", async () => {
    const s = cpIndexOf(sichuan.text, "交通网");
    await createCoding(t.db, { documentId: sichuan.doc.id, codeId, start: s, end: s + 2, coder: "someone" });
    const h = nth(hebei.sentences, 0);
    await createCoding(t.db, { documentId: hebei.doc.id, codeId: otherCodeId, start: h.start, end: h.end, coder: "a" });
    expect(await suggested()).toEqual([nth(liaoning.sentences, 1).id, nth(hebei.sentences, 0).id]);
  });

  it("codes accepted sentences whole with the coder, and never proposes rejected ones again", async () => {
    const accept = [nth(hebei.sentences, 0).id];
    const reject = [nth(liaoning.sentences, 1).id];
    const r = await decideSuggestions(t.db, { projectId, codeId, coder: "小李", accept, reject });
    expect(r).toMatchObject({ accepted: 1, rejected: 1, skipped: [] });
    expect(r.created.map((c) => ({ quote: c.quote, start: c.start, end: c.end, coder: c.coder, codeId: c.codeId }))).toEqual([
      { quote: "𠮷推进城际铁路建设。", start: 0, end: 10, coder: "小李", codeId },
    ]);
    const decisions = await t.db.suggestionDecision.findMany({ orderBy: { decision: "asc" } });
    expect(decisions.map((d) => [d.unitId, d.decision, d.coder])).toEqual([
      [nth(accept, 0), "accepted", "小李"],
      [nth(reject, 0), "rejected", "小李"],
    ]);
    expect(await t.db.coding.count()).toBe(1); // the rejected sentence was not coded
    expect(await suggested()).toEqual([nth(sichuan.sentences, 0).id]);

    // Deleting every coding does not bring the rejected sentence back.
    await t.db.coding.deleteMany();
    expect(await suggested()).toEqual([nth(hebei.sentences, 0).id, nth(sichuan.sentences, 0).id]);
  });

  it("is all or nothing and refuses contradictory or foreign input", async () => {
    const other = await addProject(t.db, "other");
    const foreign = await addDocument(t.db, other.id, ["城际铁路。"]);
    const ours = nth(hebei.sentences, 0).id;
    const theirs = nth(foreign.sentences, 0).id;
    expect(await appError(decideSuggestions(t.db, { projectId, codeId, coder: "a", accept: [ours, theirs], reject: [] }))).toEqual({ code: "invalid_input", message: "1 sentence(s) belong to another project than the code / 1 个句子属于其他项目" });
    expect(await appError(decideSuggestions(t.db, { projectId, codeId, coder: "a", accept: [ours], reject: [ours] }))).toEqual({ code: "invalid_input", message: "a sentence cannot be both accepted and rejected / 同一句子不能同时接受和拒绝" });
    expect(await appError(suggestForCode(t.db, { projectId: other.id, codeId }))).toEqual({ code: "invalid_input", message: "the code belongs to another project / 该代码属于其他项目" });
    expect(await t.db.coding.count()).toBe(0);
    expect(await t.db.suggestionDecision.count()).toBe(0);
  });

  it("returns no suggestions for a code without keywords", async () => {
    const bare = await addCode(t.db, projectId, "EMPTY");
    const r = await suggestForCode(t.db, { projectId, codeId: bare.id });
    expect(r.groups).toEqual([]);
    expect(r.total).toBe(0);
  });
});
