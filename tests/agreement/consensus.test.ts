import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getAgreementReport } from "../../lib/agreement/agreement-report";
import { clearConsensus, decideConsensus, loadConsensusCodings } from "../../lib/agreement/consensus";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { seedAgreementFixture } from "./fixture";

describe("consensus layer: adjudicating disagreements", () => {
  let t: TestDb;
  let fx: Awaited<ReturnType<typeof seedAgreementFixture>>;
  const CODERS = { coders: ["alice", "bob", "chen"] };
  beforeEach(async () => {
    t = await createTestDb();
    fx = await seedAgreementFixture(t.db);
  });
  afterEach(async () => {
    await t.close();
  });

  it("builds the consensus from agreed units and decisions; undecided disagreements stay pending", async () => {
    const [u1, u2, u3, u4] = fx.units.D1;
    const [v1, v2] = fx.units.D2;
    const { x, y } = fx.codes;
    // u2 × COE-1: only alice coded it → accept alice's coding. u4 × CON-1: alice and bob coded, chen not → neither.
    await decideConsensus(t.db, fx.project.id, { unitId: u2!.id, codeId: x.id, accept: ["alice"], decidedBy: "lead" });
    await decideConsensus(t.db, fx.project.id, { unitId: u4!.id, codeId: y.id, accept: [], decidedBy: "lead" });

    const consensus = await loadConsensusCodings(t.db, fx.project.id, CODERS);
    const byUnit = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    const simple = consensus.codings.map((c) => [c.unitId, c.codeId, c.start, c.end, c.source, c.coders]);
    expect(simple.sort(byUnit)).toEqual(
      [
        // u1: all three coded COE-1 → agreed; union of their spans clipped to [0,10): bob [0,10).
        [u1!.id, x.id, 0, 10, "agreed", ["alice", "bob", "chen"]],
        // u2: alice's [2,15) clipped to the unit [10,20).
        [u2!.id, x.id, 10, 15, "adjudicated", ["alice"]],
        // v1: alice [0,8) and bob [1,8) (chen missing on D2) → agreed.
        [v1!.id, x.id, 0, 8, "agreed", ["alice", "bob"]],
      ].sort(byUnit),
    );
    expect(consensus.pending).toEqual(
      expect.arrayContaining([
        { unitId: u3!.id, codeId: x.id },
        { unitId: v2!.id, codeId: x.id },
      ]),
    );
    expect(consensus.pending).toHaveLength(2);

    // The report shows the decisions on the disputed codes and counts what is left.
    const report = await getAgreementReport(t.db, fx.project.id, CODERS);
    expect(report.disagreements.undecided).toBe(2);
    const onU2 = report.disagreements.passages.find((p) => p.unitId === u2!.id)!;
    expect(onU2.disputed[0]!.decision).toEqual({ accepted: ["alice"], decidedBy: "lead" });
    const onU4 = report.disagreements.passages.find((p) => p.unitId === u4!.id)!;
    expect(onU4.disputed[0]!.decision).toEqual({ accepted: [], decidedBy: "lead" });

    // Accepting both coders on v2 × COE-1 (only bob coded it) replaces nothing else; clearing u2 makes it pending again.
    await decideConsensus(t.db, fx.project.id, { unitId: v2!.id, codeId: x.id, accept: ["alice", "bob"] });
    expect(await clearConsensus(t.db, fx.project.id, { unitId: u2!.id, codeId: x.id })).toEqual({ removed: 1 });
    const after = await loadConsensusCodings(t.db, fx.project.id, CODERS);
    expect(after.codings.find((c) => c.unitId === v2!.id)).toMatchObject({ start: 8, end: 12, source: "adjudicated", coders: ["bob"] });
    expect(after.codings.some((c) => c.unitId === u2!.id)).toBe(false);
    expect(after.pending).toEqual(expect.arrayContaining([{ unitId: u2!.id, codeId: x.id }]));
  });

  it("replaces an earlier decision on the same unit and code", async () => {
    const u2 = fx.units.D1[1]!;
    await decideConsensus(t.db, fx.project.id, { unitId: u2.id, codeId: fx.codes.x.id, accept: ["alice"] });
    await decideConsensus(t.db, fx.project.id, { unitId: u2.id, codeId: fx.codes.x.id, accept: [] });
    expect(await t.sql(`SELECT "acceptedCoderIds" FROM "ConsensusDecision"`)).toEqual([{ acceptedCoderIds: "[]" }]);
  });

  it("refuses units, codes and coders outside the project", async () => {
    const other = await t.db.project.create({ data: { name: "other" } });
    const u2 = fx.units.D1[1]!;
    expect(await appError(decideConsensus(t.db, other.id, { unitId: u2.id, codeId: fx.codes.x.id, accept: [] }))).toEqual({
      code: "not_found",
      message: "no such sentence in this project / 本项目中没有这个句子",
    });
    expect(await appError(decideConsensus(t.db, fx.project.id, { unitId: u2.id, codeId: "nope", accept: [] }))).toMatchObject({ code: "not_found" });
    expect(await appError(decideConsensus(t.db, fx.project.id, { unitId: u2.id, codeId: fx.codes.x.id, accept: ["zoe"] }))).toEqual({
      code: "not_found",
      message: "no coder named “zoe” / 没有名为“zoe”的编码者",
    });
  });
});
