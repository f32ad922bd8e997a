import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as consensusRoute } from "../../app/api/projects/[projectId]/agreement/consensus/route";
import { GET as agreementRoute } from "../../app/api/projects/[projectId]/agreement/route";
import { decideConsensus } from "../../lib/agreement/consensus";
import { createTestDb, type TestDb } from "../helpers/db";
import { seedAgreementFixture } from "./fixture";

describe("GET /api/projects/[projectId]/agreement", () => {
  let t: TestDb;
  let fx: Awaited<ReturnType<typeof seedAgreementFixture>>;
  const savedUrl = process.env.DATABASE_URL;
  beforeEach(async () => {
    t = await createTestDb();
    process.env.DATABASE_URL = t.url;
    fx = await seedAgreementFixture(t.db);
  });
  afterEach(async () => {
    process.env.DATABASE_URL = savedUrl;
    await t.close();
  });

  const call = (route: typeof agreementRoute, projectId: string, query: string, sub = "") =>
    route(new Request(`http://localhost/api/projects/${projectId}/agreement${sub}?${query}`), { params: Promise.resolve({ projectId }) });

  it("answers the report for the coders, codes and documents in the query", async () => {
    const res = await call(agreementRoute, fx.project.id, "coders=alice,bob&codes=COE-1&limit=1");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.codes.map((c: { shortName: string }) => c.shortName)).toEqual(["COE-1"]);
    // alice vs bob on COE-1 over 7 units: κ = 10/24 (see agreement-cli.test.ts).
    expect(body.perCode[0].pairs[0].cohenKappa).toBeCloseTo(10 / 24, 12);
    // u2 (alice only) and v2 (bob only); limit=1 lists the first passage and counts both.
    expect(body.disagreements.total).toBe(2);
    expect(body.disagreements.passages).toHaveLength(1);
    expect(body.disagreements.passages[0].unitId).toBe(fx.units.D1[1]!.id);
  });

  it("counts a coder who coded the document with other codes as present (0), not missing", async () => {
    // chen coded D1 only with COE-1: on CON-1 chen is present there and did not code u4, which alice and bob coded.
    const res = await call(agreementRoute, fx.project.id, "coders=alice,bob,chen&codes=CON-1");
    const body = await res.json();
    expect(body.perCode[0]).toMatchObject({ units: 7, codedUnits: 1, fleissUnits: 4, fleissUnitsWithMissing: 3, disagreements: 1 });
    expect(body.disagreements.passages[0].disputed[0]).toMatchObject({ shortName: "CON-1", coded: ["alice", "bob"], notCoded: ["chen"] });
  });

  it("refuses one coder (400) and an unknown project (404) with a reason", async () => {
    const one = await call(agreementRoute, fx.project.id, "coders=alice");
    expect(one.status).toBe(400);
    expect((await one.json()).error.message).toContain("choose at least two coders");
    const missing = await call(agreementRoute, "nope", "coders=alice,bob");
    expect(missing.status).toBe(404);
  });

  it("answers the consensus codings", async () => {
    await decideConsensus(t.db, fx.project.id, { unitId: fx.units.D2[1]!.id, codeId: fx.codes.x.id, accept: ["bob"] });
    const res = await call(consensusRoute, fx.project.id, "coders=alice,bob&codes=COE-1", "/consensus");
    expect(res.status).toBe(200);
    const body = await res.json();
    // u1, v1 agreed; v2 adjudicated (bob's [8,12)); u2 pending.
    expect(body.codings.map((c: { source: string; start: number; end: number }) => [c.source, c.start, c.end]).sort()).toEqual(
      [["adjudicated", 8, 12], ["agreed", 0, 10], ["agreed", 0, 8]].sort(),
    );
    expect(body.pending).toEqual([{ unitId: fx.units.D1[1]!.id, codeId: fx.codes.x.id }]);
  });
});
