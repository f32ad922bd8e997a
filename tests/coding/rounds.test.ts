import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { blindCoderOn, blindScopeOf, closeRound, createCoding, getReaderData, listRounds, openRound, refuseWhileBlind } from "../../lib/coding";
import { codeFrequencies } from "../../lib/analysis";
import { getCodebook } from "../../lib/codebook";
import { listDocuments } from "../../lib/corpus";
import { searchCorpus, suggestForCode } from "../../lib/search";
import { appErrorSync } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject, appError, cpIndexOf } from "./fixtures";

/**
 * Blind rounds: while a round is open, each of its coders sees only their own codings on its
 * documents — in the reader, counts, search filters, suggestions and analyses — and others
 * (and the same coder on other documents) see everything; closing the round reveals all.
 */
describe("blind rounds", () => {
  let t: TestDb;
  let projectId: string;
  let codeId: string;
  let inRound: Awaited<ReturnType<typeof addDocument>>;
  let outside: Awaited<ReturnType<typeof addDocument>>;

  const code = (documentId: string, text: string, needle: string, coder: string) => {
    const start = cpIndexOf(text, needle);
    return createCoding(t.db, { documentId, codeId, start, end: start + Array.from(needle).length, coder });
  };

  beforeEach(async () => {
    t = await createTestDb();
    projectId = (await addProject(t.db)).id;
    codeId = (await addCode(t.db, projectId, "CON-1")).id;
    await t.db.code.update({ where: { id: codeId }, data: { keywords: JSON.stringify(["铁路"]) } });
    inRound = await addDocument(t.db, projectId, ["𠮷 推进城际铁路建设。加快协同发展！"], { title: "in round" });
    outside = await addDocument(t.db, projectId, ["建设城际铁路网络。"], { title: "outside" });
    // 甲 codes the railway in both documents, 乙 codes "协同发展" in the round's document.
    await code(inRound.doc.id, inRound.text, "城际铁路", "甲");
    await code(inRound.doc.id, inRound.text, "协同发展", "乙");
    await code(outside.doc.id, outside.text, "城际铁路", "乙");
    await t.db.user.create({ data: { name: "丙" } });
  });
  afterEach(async () => t.close());

  const open = () => openRound(t.db, { projectId, by: "owner", input: { name: "R1", documentIds: [inRound.doc.id], coders: ["甲", "乙"] } });

  it("shows a coder of an open round only their own codings on its documents, everywhere codings are read", async () => {
    const round = await open();
    expect(round.status).toBe("open");
    expect(round.coders.map((c) => c.name)).toEqual(["乙", "甲"].sort((a, b) => a.localeCompare(b)));

    const blindA = await blindScopeOf(t.db, projectId, "甲");
    expect(blindA?.documentIds).toEqual([inRound.doc.id]);
    expect(await blindScopeOf(t.db, projectId, "丙")).toBeNull(); // not a coder of the round

    // Reader: 甲 sees one coding (theirs) and is told the view is blind; 丙 sees both.
    const onlyA = await blindCoderOn(t.db, inRound.doc.id, "甲");
    const readerA = await getReaderData(t.db, inRound.doc.id, { onlyCoderId: onlyA });
    expect(readerA.codings.map((c) => [c.coder, c.quote])).toEqual([["甲", "城际铁路"]]);
    expect(readerA.blind).toBe(true);
    const readerC = await getReaderData(t.db, inRound.doc.id, { onlyCoderId: await blindCoderOn(t.db, inRound.doc.id, "丙") });
    expect(readerC.codings.map((c) => c.coder).sort()).toEqual(["乙", "甲"].sort());
    expect(readerC.blind).toBe(false);
    // Outside the round 甲 sees 乙's coding.
    expect(await blindCoderOn(t.db, outside.doc.id, "甲")).toBeUndefined();

    // Counts: codebook and document list.
    const countOf = async (blind: typeof blindA) => (await getCodebook(t.db, projectId, { blind }))[0]!.codingCount;
    expect(await countOf(blindA)).toBe(2); // own coding in the round + 乙's outside it
    expect(await countOf(null)).toBe(3);
    const docsA = await listDocuments(t.db, projectId, {}, blindA);
    expect(Object.fromEntries(docsA.map((d) => [d.title, d.codingCount]))).toEqual({ "in round": 1, outside: 1 });

    // Analyses.
    const freq = await codeFrequencies(t.db, { projectId, by: "code", blind: blindA });
    const con1 = freq.codes.find((c) => c.shortName === "CON-1");
    expect(con1?.total.codings).toBe(2);

    // Search filters and suggestions: a second round puts "outside" under 丙's blind view, where
    // 乙's railway coding is hidden, so the sentence counts as not yet coded for 丙 only.
    const notCoded = (blind: typeof blindA) =>
      searchCorpus(t.db, projectId, { query: "铁路", filters: { notCodedWith: [codeId] } }, { blind }).then((r) => r.total);
    expect(await notCoded(null)).toBe(0); // every railway sentence is coded by someone
    const tmp = await openRound(t.db, { projectId, by: "owner", input: { name: "R2", documentIds: [outside.doc.id], coders: ["甲", "丙"] } });
    const blindC = await blindScopeOf(t.db, projectId, "丙");
    expect(await notCoded(blindC)).toBe(1); // 乙's coding in "outside" is hidden from 丙

    // Suggestions: 丙 is offered the railway sentence of "outside" that 乙 already coded.
    const sugC = await suggestForCode(t.db, { projectId, codeId }, { blind: blindC });
    expect(sugC.groups.map((g) => g.title)).toEqual(["outside"]);
    const sugAll = await suggestForCode(t.db, { projectId, codeId });
    expect(sugAll.total).toBe(0);
    await closeRound(t.db, { roundId: tmp.id, by: "owner" });
  });

  it("reveals all when the round closes, refuses closing twice, and refuses agreement and exports to its coders meanwhile", async () => {
    const round = await open();
    const blind = await blindScopeOf(t.db, projectId, "甲");
    expect(appErrorSync(() => refuseWhileBlind(blind))).toEqual({
      code: "forbidden",
      message:
        "you are coding in an open blind round: agreement and exports of this project open to you when the round is closed / 您正在参与未关闭的盲编轮次：本轮关闭后才能查看本项目的一致性结果和导出",
    });
    const closed = await closeRound(t.db, { roundId: round.id, by: "owner" });
    expect(closed.status).toBe("closed");
    expect(closed.closedBy).toBe("owner");
    expect(await blindScopeOf(t.db, projectId, "甲")).toBeNull();
    const reader = await getReaderData(t.db, inRound.doc.id, { onlyCoderId: await blindCoderOn(t.db, inRound.doc.id, "甲") });
    expect(reader.codings).toHaveLength(2);
    expect(await appError(closeRound(t.db, { roundId: round.id, by: "owner" }))).toEqual({
      code: "conflict",
      message: "round “R1” is already closed / 轮次“R1”已关闭",
    });
    expect((await listRounds(t.db, projectId)).map((r) => [r.name, r.status])).toEqual([["R1", "closed"]]);
  });

  it("refuses a round with foreign documents, unknown users or fewer than two coders, and writes nothing", async () => {
    const other = await addProject(t.db, "other");
    const foreign = await addDocument(t.db, other.id, ["别的项目。"]);
    expect(await appError(openRound(t.db, { projectId, by: "o", input: { name: "x", documentIds: [foreign.doc.id], coders: ["甲", "乙"] } }))).toEqual({
      code: "invalid_input",
      message: `not documents of this project: ${foreign.doc.id} / 不是本项目的文档：${foreign.doc.id}`,
    });
    expect(await appError(openRound(t.db, { projectId, by: "o", input: { name: "x", documentIds: [inRound.doc.id], coders: ["甲", "无名"] } }))).toEqual({
      code: "invalid_input",
      message: "no such users: 无名 (add them first) / 没有这些用户：无名（请先添加）",
    });
    expect((await appError(openRound(t.db, { projectId, by: "o", input: { name: "x", documentIds: [inRound.doc.id], coders: ["甲"] } }))).code).toBe("invalid_input");
    expect(await t.db.round.count()).toBe(0);
  });
});
