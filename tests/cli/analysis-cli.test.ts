import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/db";
import { analysisFixture } from "../analysis/fixture";
import { createStage } from "../../lib/periods";
import { runCli } from "./cli";

describe("juncture stats, cooccurrence, passages", () => {
  let t: TestDb;
  let f: Awaited<ReturnType<typeof analysisFixture>>;
  beforeAll(async () => {
    t = await createTestDb();
    f = await analysisFixture(t.db);
  });
  afterAll(async () => t.close());

  it("prints frequencies by region for a filtered code group as JSON", async () => {
    const r = await runCli(["stats", "--project", "analysis", "--by", "region", "--filter", "type=work-report", "--codes", "3-CO", "--json"], t.url);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.groups.map((g: { key: string; codings: number }) => [g.key, g.codings])).toEqual([["BTH", 8]]);
    const con = out.codes.find((c: { shortName: string }) => c.shortName === "CON");
    expect(con.cells.BTH).toMatchObject({ codings: 6, units: 2 });
    expect(out.codes.map((c: { shortName: string }) => c.shortName)).not.toContain("PLACE");
  });

  it("prints co-occurrence in both modes and the passages behind a cell", async () => {
    const unit = JSON.parse((await runCli(["cooccurrence", "--project", "analysis", "--json"], t.url)).stdout);
    expect(unit.pairs[0]).toMatchObject({ aShortName: "CON-1", bShortName: "CON-2", n12: 2, n1: 2, n2: 3 });
    const overlap = JSON.parse((await runCli(["cooccurrence", "--project", "analysis", "--mode", "overlap", "--json"], t.url)).stdout);
    expect(overlap.pairs.map((p: { n12: number }) => p.n12)).toEqual([4, 1]);
    const cell = JSON.parse(
      (await runCli(["passages", "--project", "analysis", "--code", "COO-3", "--with", "PLACE", "--json"], t.url)).stdout,
    );
    expect(cell.passages.map((p: { codingId: string }) => p.codingId).sort()).toEqual([f.k.k8, f.k.k10].sort());
  });

  it("drills down by filter and coder, and prints text in Chinese", async () => {
    const r = await runCli(["passages", "--project", "analysis", "--code", "CON", "--filter", "region=BTH", "--group-by", "coder", "--group", "bob", "--lang", "zh"], t.url);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1 个句子中的 2 处段落");
    expect(r.stdout).toContain("【城际铁路】");
    expect(r.stdout).toContain("【铁路建设】");
    const text = await runCli(["stats", "--project", "analysis", "--lang", "en"], t.url);
    expect(text.stdout).toContain("CON\t7 codings\t3 units\t– of parent\t50.0% of coded units");
    const bad = await runCli(["stats", "--project", "analysis", "--filter", "colour=red", "--lang", "en"], t.url);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cannot filter by "colour"');
  });

  it("defines the study's variables, sets them from a CSV and groups by them", async () => {
    expect((await runCli(["variables", "template", "--project", "analysis", "--lang", "en"], t.url)).stdout).toContain("role\tcategory\tRole in the mega-region\tcore, secondary");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-vars-"));
    const file = path.join(dir, "values.csv");
    fs.writeFileSync(file, `document,role,cityType\n京津冀报告,core,\n长三角规划,secondary,TYPE-D\n别的文档,core,\n`);
    const set = await runCli(["variables", "set", "--project", "analysis", "--file", file, "--lang", "en"], t.url);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(set.stderr).toBe("");
    expect(set.stdout).toBe('✓ 3 values set on 2 documents\n✗ no document named "别的文档"\n');
    const stats = JSON.parse((await runCli(["stats", "--project", "analysis", "--by", "role", "--filter", "cityType=TYPE-D", "--json"], t.url)).stdout);
    expect(stats.groups.map((g: { key: string; codings: number }) => [g.key, g.codings])).toEqual([["secondary", 3]]);
    const one = await runCli(["variables", "set", "--project", "analysis", "--variable", "cityType", "--value", "TYPE-Q", "--document", f.d1.doc.id, "--lang", "en"], t.url);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('cityType: "TYPE-Q" is not one of TYPE-A, TYPE-B, TYPE-C, TYPE-D, TYPE-E');
  });

  it("groups by stage, the documents outside stages in a group of their own", async () => {
    const stage = await createStage(t.db, {
      projectId: f.projectId,
      scope: { field: "region", value: "BTH" },
      stage: { nameZh: "协同起步", start: { year: 2016 }, end: null },
      actor: "a",
    });
    const json = JSON.parse((await runCli(["stats", "--project", "analysis", "--by", "stage", "--json"], t.url)).stdout);
    expect(json.groups.map((g: { key: string; label: string; codings: number }) => [g.key, g.label, g.codings])).toEqual([
      [stage.id, "BTH 2016– 协同起步", 8],
      ["", "", 3],
    ]);
    const text = await runCli(["stats", "--project", "analysis", "--by", "stage", "--lang", "en"], t.url);
    expect(text.stdout.split("\n")[0]).toBe("code\tcodings\tunits\tBTH 2016– 协同起步\toutside stages");
    const outside = JSON.parse((await runCli(["passages", "--project", "analysis", "--code", "COO-3", "--group-by", "stage", "--group", "", "--json"], t.url)).stdout);
    expect(outside.passages.map((p: { codingId: string }) => p.codingId)).toEqual([f.k.k8]);
  });

  it("counts the consensus of two coders with --consensus", async () => {
    // alice and bob both coded s0 with CON-1 (k1 k2 · k6): the only agreed unit of the fixture's codes there.
    const r = await runCli(["stats", "--project", "analysis", "--coder", "alice,bob", "--consensus", "--json"], t.url);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.codes.find((c: { shortName: string }) => c.shortName === "CON-1").total).toMatchObject({ units: 1, codings: 1 });
    const one = await runCli(["stats", "--project", "analysis", "--coder", "alice", "--consensus", "--lang", "en"], t.url);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("choose at least two coders");
  });
});
