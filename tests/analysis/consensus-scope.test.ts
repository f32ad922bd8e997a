import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideConsensus } from "../../lib/agreement/consensus";
import { codeFrequencies, cooccurrence, findPassages, frequencyQuerySchema, mismatchMatrix, scopeFromQuery, wordFrequencies } from "../../lib/analysis";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { seedAgreementFixture } from "../agreement/fixture";

/**
 * The consensus layer as the analyses' coder choice, on the agreement fixture with the decisions
 * of tests/agreement/consensus.test.ts: the consensus of alice, bob and chen is COE-1 on u1 [0,10)
 * (agreed), on u2 [10,15) (alice accepted) and on v1 [0,8) (agreed; chen never coded D2);
 * CON-1 on u4 was decided "neither", u3 and v2 stay pending.
 */
describe("analyses of the consensus layer", () => {
  let t: TestDb;
  let fx: Awaited<ReturnType<typeof seedAgreementFixture>>;
  const scope = () => ({ projectId: fx.project.id, coders: ["alice", "bob", "chen"], consensus: true });
  beforeAll(async () => {
    t = await createTestDb();
    fx = await seedAgreementFixture(t.db);
    const [, u2, , u4] = fx.units.D1;
    await decideConsensus(t.db, fx.project.id, { unitId: u2!.id, codeId: fx.codes.x.id, accept: ["alice"], decidedBy: "lead" });
    await decideConsensus(t.db, fx.project.id, { unitId: u4!.id, codeId: fx.codes.y.id, accept: [], decidedBy: "lead" });
  });
  afterAll(async () => t.close());

  it("counts the consensus codings in frequencies, not the coders' own", async () => {
    const table = await codeFrequencies(t.db, { ...scope(), by: "code" });
    const row = (s: string) => table.codes.find((c) => c.shortName === s)!.total;
    expect(row("COE-1")).toMatchObject({ codings: 3, units: 3, ownCodings: 3 });
    expect(row("COE")).toMatchObject({ codings: 3, units: 3, ownCodings: 0 });
    expect(row("CON-1")).toMatchObject({ codings: 0, units: 0 });
    expect(table.total).toMatchObject({ codings: 3, codedUnits: 3 });
    // The same coders' own codings: 11 of them (D3's too).
    const own = await codeFrequencies(t.db, { projectId: fx.project.id, coders: ["alice", "bob", "chen"], by: "code" });
    expect(own.total.codings).toBe(11);
    const byDocument = await codeFrequencies(t.db, { ...scope(), by: "document" });
    expect(byDocument.groups.map((g) => [g.label, g.codings])).toEqual([
      ["第一号文件", 2],
      ["第三号文件", 0],
      ["第二号文件", 1],
    ]);
  });

  it("drills down to the consensus passages, clipped to their sentences", async () => {
    const list = await findPassages(t.db, { ...scope(), code: "COE-1" });
    expect(list.total).toBe(3);
    expect(list.passages.map((p) => [p.quote, p.start, p.end, p.coder])).toEqual([
      ["甲甲甲甲甲甲甲甲甲。", 0, 10, "consensus"],
      ["乙乙乙乙乙", 10, 15, "consensus"],
      ["戊戊戊戊戊戊戊。", 0, 8, "consensus"],
    ]);
  });

  it("feeds co-occurrence, the matrix and word frequencies", async () => {
    const co = await cooccurrence(t.db, { ...scope(), mode: "unit" });
    expect(co.pairs).toEqual([]);
    const overlap = await cooccurrence(t.db, { ...scope(), mode: "overlap" });
    expect(overlap.pairs).toEqual([]);
    const m = await mismatchMatrix(t.db, { ...scope(), rows: ["COE"], cols: ["COE-1", "CON-1"] });
    expect(m.cells[0]!.map((c) => [c.units, c.codings])).toEqual([
      [3, 3],
      [0, 0],
    ]);
    const words = await wordFrequencies(t.db, { ...scope(), codes: "COE-1", minLength: 1 });
    expect(words.units).toBe(3);
    const all = await wordFrequencies(t.db, { projectId: fx.project.id, coders: ["alice", "bob", "chen"], codes: "COE-1", minLength: 1 });
    // The coders' own COE-1 codings touch u1 u2 u3 v1 v2.
    expect(all.units).toBe(5);
  });

  it("refuses a consensus of one coder and during the asker's open blind round, with the reason", async () => {
    expect(await appError(codeFrequencies(t.db, { ...scope(), coders: ["alice"], by: "code" }))).toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("choose at least two coders"),
    });
    expect(await appError(codeFrequencies(t.db, { ...scope(), by: "code", blind: { userId: "u", documentIds: [fx.documents.D1] } }))).toEqual({
      code: "forbidden",
      message: "the consensus is not shown while you code in an open blind round / 您参与的盲编轮次尚未结束，无法查看共识",
    });
  });

  it("takes consensus=1 from the routes' query", () => {
    const q = frequencyQuerySchema.parse({ coders: "alice,bob", consensus: "1" });
    expect(scopeFromQuery("p", q)).toMatchObject({ coders: ["alice", "bob"], consensus: true });
    expect(scopeFromQuery("p", frequencyQuerySchema.parse({ coders: "alice" })).consensus).toBe(false);
  });
});
