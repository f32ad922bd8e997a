import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/db";
import { runCli } from "../cli/cli";
import { seedAgreementFixture } from "./fixture";

/*
 * Three coders with missing data, end to end through `juncture agreement`. Unit-level data for
 * COE-1 (rows u1–u4 of D1, v1–v3 of D2; columns alice, bob, chen; – = missing):
 *   u1 1 1 1 · u2 1 0 0 · u3 0 0 1 · u4 0 0 0 · v1 1 1 – · v2 0 1 – · v3 0 0 –
 * Percent agreement: mean share of agreeing pairs = (1 + 1/3 + 1/3 + 1 + 1 + 0 + 1) / 7 = 14/21.
 * Fleiss' κ over the four complete units: P̄ = (1 + 1/3 + 1/3 + 1) / 4 = 2/3; p(1) = 5/12, p(0) = 7/12,
 *   P̄ₑ = 74/144 = 37/72; κ = (48/72 − 37/72) / (35/72) = 11/35 ≈ 0.314 (3 units with chen missing left out).
 * Cohen's κ alice–bob over 7 units: pₒ = 5/7, pₑ = (3/7)² + (4/7)² = 25/49, κ = (35 − 25) / 24 = 10/24 ≈ 0.417.
 *   alice–chen over u1–u4: pₒ = 1/2, pₑ = 1/2, κ = 0; bob–chen: pₒ = 3/4, pₑ = 1/8 + 3/8 = 1/2, κ = 1/2.
 * Krippendorff's α: coincidences o₁₁ = 5, o₀₀ = 7, o₀₁ = o₁₀ = 3; n₁ = 8, n₀ = 10, n = 18;
 *   α = 1 − 17 · 6 / (2 · 8 · 10) = 58/160 = 0.3625.
 * Characters alice–bob: D1 alice [2,15), bob [0,10) → 8 shared of 15; D2 alice [0,8), bob [1,12) → 7 of 12: 15/27.
 * CON-1 adds u1–u3 0 0 0 · u4 1 1 0 · v1–v3 0 0 –; pooled with COE-1 (14 rows): o₀₀ = 22, o₁₁ = 6,
 *   o₀₁ = o₁₀ = 4, n₁ = 10, n₀ = 26, n = 36: α = 1 − 35 · 8 / (2 · 10 · 26) = 6/13 ≈ 0.462.
 * (The same data is checked against the pure functions in compute-agreement.test.ts.)
 */
describe("juncture agreement (three coders, missing data)", () => {
  let t: TestDb;
  let fx: Awaited<ReturnType<typeof seedAgreementFixture>>;
  beforeEach(async () => {
    t = await createTestDb();
    fx = await seedAgreementFixture(t.db);
  });
  afterEach(async () => {
    await t.close();
  });

  it("prints per code and overall figures as JSON, with the disagreements", async () => {
    const r = await runCli(["agreement", "--project", "一致性项目", "--coders", "alice,bob,chen", "--json", "--lang", "en"], t.url);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.coders.map((c: { name: string }) => c.name)).toEqual(["alice", "bob", "chen"]);
    // UNUSED has no codings and COE (the parent) none of its own: compared are the codes used.
    expect(out.codes.map((c: { shortName: string }) => c.shortName)).toEqual(["COE-1", "CON-1"]);
    expect(out.documents).toEqual([
      { id: fx.documents.D1, title: "第一号文件", coders: ["alice", "bob", "chen"] },
      { id: fx.documents.D2, title: "第二号文件", coders: ["alice", "bob"] },
    ]);
    expect(out.documentsLeftOut).toEqual([{ id: fx.documents.D3, title: "第三号文件", coders: ["alice"] }]);

    const x = out.perCode[0];
    expect(x.code.shortName).toBe("COE-1");
    expect(x.units).toBe(7);
    expect(x.codedUnits).toBe(5);
    expect(x.percentAgreement).toBeCloseTo(14 / 21, 12);
    expect(x.fleissKappa).toBeCloseTo(11 / 35, 12);
    expect(x.fleissUnits).toBe(4);
    expect(x.fleissUnitsWithMissing).toBe(3);
    expect(x.krippendorffAlpha).toBeCloseTo(0.3625, 12);
    const pair = (a: string, b: string) => x.pairs.find((p: { coderA: string; coderB: string }) => p.coderA === a && p.coderB === b);
    expect(pair("alice", "bob")).toMatchObject({ units: 7, characters: { both: 15, either: 27 } });
    expect(pair("alice", "bob").cohenKappa).toBeCloseTo(10 / 24, 12);
    expect(pair("alice", "chen").units).toBe(4);
    expect(pair("alice", "chen").cohenKappa).toBeCloseTo(0, 12);
    expect(pair("bob", "chen").cohenKappa).toBeCloseTo(0.5, 12);
    expect(x.disagreements).toBe(3);

    expect(out.overall.units).toBe(14);
    expect(out.overall.krippendorffAlpha).toBeCloseTo(6 / 13, 12);
    expect(out.overall.disagreements).toBe(4);

    const [u1, u2, u3, u4] = fx.units.D1;
    const [, v2] = fx.units.D2;
    expect(out.disagreements.total).toBe(4);
    expect(out.disagreements.undecided).toBe(4);
    expect(out.disagreements.passages.map((p: { unitId: string }) => p.unitId)).toEqual([u2!.id, u3!.id, u4!.id, v2!.id]);
    expect(u1).toBeDefined();
    const second = out.disagreements.passages[0];
    expect(second).toMatchObject({
      documentId: fx.documents.D1,
      documentTitle: "第一号文件",
      ordinal: 1,
      start: 10,
      end: 20,
      text: "乙乙乙乙乙乙乙乙乙。",
      coders: [
        { coder: "alice", codes: ["COE-1"] },
        { coder: "bob", codes: [] },
        { coder: "chen", codes: [] },
      ],
      disputed: [{ shortName: "COE-1", coded: ["alice"], notCoded: ["bob", "chen"], decision: null }],
    });
    // chen is missing on D2: null, not "no codes".
    expect(out.disagreements.passages[3].coders).toEqual([
      { coder: "alice", codes: [] },
      { coder: "bob", codes: ["COE-1"] },
      { coder: "chen", codes: null },
    ]);
  });

  it("prints a readable table, and narrows to a code's subtree and to chosen documents", async () => {
    const text = await runCli(["agreement", "--project", "一致性项目", "--coders", "alice,bob,chen", "--lang", "en"], t.url);
    expect(text.code).toBe(0);
    const lines = text.stdout.split("\n");
    expect(lines[0]).toBe("agreement of alice, bob, chen over 2 document(s)");
    expect(lines[1]).toBe("1 document(s) left out: fewer than two of the coders coded them");
    const row = lines.find((l) => l.startsWith("COE-1"))!.split(/\s{2,}/);
    // code, units, coded, % agree, κ a–b, κ a–c, κ b–c, Fleiss, α, chars a–b, a–c, b–c
    expect(row.slice(0, 9)).toEqual(["COE-1", "7", "5", "66.7%", "0.417", "0.000", "0.500", "0.314", "0.363"]);
    expect(row[9]).toBe("55.6%");
    expect(lines.find((l) => l.startsWith("overall"))).toContain("0.462");
    expect(text.stdout).toContain("4 disagreement(s), 4 undecided:");
    expect(text.stdout).toContain("COE-1: alice coded, bob, chen not");

    // COE selects its subtree: COE itself and COE-1, compared one by one; only D2.
    const narrowed = JSON.parse(
      (await runCli(["agreement", "--project", "一致性项目", "--coders", "alice,bob", "--codes", "COE", "--documents", fx.documents.D2, "--json"], t.url))
        .stdout,
    );
    expect(narrowed.codes.map((c: { shortName: string }) => c.shortName)).toEqual(["COE", "COE-1"]);
    const x = narrowed.perCode[1];
    // D2 only, alice [1,0,0] vs bob [1,1,0]: pₒ = 2/3, pₑ = 1/3·2/3 + 2/3·1/3 = 4/9, κ = (6/9 − 4/9)/(5/9) = 2/5.
    expect(x.units).toBe(3);
    expect(x.pairs[0].cohenKappa).toBeCloseTo(0.4, 12);
    expect(narrowed.perCode[0]).toMatchObject({ units: 3, codedUnits: 0, krippendorffAlpha: null, disagreements: 0 });

    const zh = await runCli(["agreement", "--project", "一致性项目", "--coders", "alice,bob", "--lang", "zh"], t.url);
    expect(zh.stdout.split("\n")[0]).toBe("alice、bob 在 2 篇文档上的一致性");
  });

  it("prints the consensus codings once disagreements are adjudicated", async () => {
    const { decideConsensus } = await import("../../lib/agreement/consensus");
    // u2 × COE-1 (alice only): accept alice → alice's [2,15) clipped to the unit [10,20).
    await decideConsensus(t.db, fx.project.id, { unitId: fx.units.D1[1]!.id, codeId: fx.codes.x.id, accept: ["alice"] });
    const r = await runCli(["agreement", "--project", "一致性项目", "--coders", "alice,bob", "--codes", "COE-1", "--consensus", "--lang", "en"], t.url);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").filter(Boolean)).toEqual([
      `${fx.documents.D1}\tCOE-1\t0–10\tagreed\talice, bob`,
      `${fx.documents.D1}\tCOE-1\t10–15\tadjudicated\talice`,
      `${fx.documents.D2}\tCOE-1\t0–8\tagreed\talice, bob`,
      // v2 (bob only) is still undecided.
      "3 consensus coding(s); 1 disagreement(s) still undecided",
    ]);
    const json = JSON.parse((await runCli(["agreement", "--project", "一致性项目", "--coders", "alice,bob", "--consensus", "--json"], t.url)).stdout);
    expect(json.pending).toHaveLength(1);
  });

  it("refuses fewer than two coders and unknown coders or codes with a reason", async () => {
    const one = await runCli(["agreement", "--project", "一致性项目", "--coders", "alice", "--lang", "en"], t.url);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("choose at least two coders");
    const unknown = await runCli(["agreement", "--project", "一致性项目", "--coders", "alice,zoe", "--lang", "en"], t.url);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no coder named “zoe”");
    const code = await runCli(["agreement", "--project", "一致性项目", "--coders", "alice,bob", "--codes", "NOPE", "--lang", "zh"], t.url);
    expect(code.code).toBe(2);
    expect(code.stderr).toContain("本项目中没有编码“NOPE”");
  });
});
