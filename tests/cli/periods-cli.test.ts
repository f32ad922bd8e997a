import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/db";
import { runCli } from "./cli";

/** The periods commands as a researcher scripts them: import, list, export to CSV and back, add a juncture with evidence. */
describe("juncture periods, timeline and junctures", () => {
  let t: TestDb;
  let dir: string;
  beforeEach(async () => {
    t = await createTestDb();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-periods-"));
    await t.db.project.createMany({ data: [{ name: "甲" }, { name: "乙" }] });
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, body: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof body === "string" ? body : JSON.stringify(body));
    return file;
  };

  it("imports all or nothing, lists, and moves periods between projects through CSV", async () => {
    const bad = write("bad.json", {
      format: "juncture-periods",
      version: 1,
      groupings: [{ field: "region", value: "BTH", stages: [{ nameZh: "一", start: "2006", end: "2010" }, { nameZh: "二", start: "2009", end: null }] }],
    });
    const refused = await runCli(["periods", "import", "--project", "甲", "--file", bad, "--lang", "zh"], t.url);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("juncture: BTH：阶段“一”（2006–2010）与“二”（2009–）时间重叠；未导入任何内容\n");
    expect((await runCli(["periods", "--project", "甲"], t.url)).stdout).toBe("no stages or junctures yet\n");

    const good = write("good.json", {
      format: "juncture-periods",
      version: 1,
      groupings: [
        {
          field: "region",
          value: "BTH",
          stages: [{ nameZh: "沿海优先", start: "2006", end: "2010", strategies: ["临港产业"] }, { nameZh: "协同", start: "2011", end: null }],
          junctures: [{ date: "2011", titleZh: "首都经济圈", type: "reform" }],
        },
      ],
    });
    const imported = await runCli(["periods", "import", "--project", "甲", "--file", good], t.url);
    expect(imported).toEqual({ code: 0, stdout: "imported 2 stages and 1 junctures in 1 groupings\n", stderr: "" });
    expect((await runCli(["periods", "--project", "甲", "--region", "BTH", "--lang", "zh"], t.url)).stdout).toBe(
      ["region=BTH", "  2006–2010  沿海优先（1 条关键战略）", "  2011–  协同", "  → 2011  首都经济圈  [reform]  证据：0", ""].join("\n"),
    );

    const csv = await runCli(["periods", "export", "--project", "甲", "--format", "csv"], t.url);
    expect(csv.stdout.split("\n")[0]).toBe("\uFEFFfield,value,kind,start,end,name_zh,name_en,type,strategies,description");
    const file = write("periods.csv", csv.stdout);
    expect((await runCli(["periods", "import", "--project", "乙", "--file", file, "--json"], t.url)).code).toBe(0);
    const a = JSON.parse((await runCli(["periods", "export", "--project", "甲"], t.url)).stdout);
    const b = JSON.parse((await runCli(["periods", "export", "--project", "乙"], t.url)).stdout);
    expect(b).toEqual(a);

    const md = await runCli(["periods", "export", "--project", "甲", "--format", "md", "--lang", "zh"], t.url);
    expect(md.stdout).toContain("→ *2011 首都经济圈* (改革)");
  });

  it("adds a juncture with evidence, and refuses one inside a stage with the reason", async () => {
    const good = write("good.json", {
      format: "juncture-periods",
      version: 1,
      groupings: [{ field: "region", value: "BTH", stages: [{ nameEn: "I", start: "2006", end: "2010" }, { nameEn: "II", start: "2012", end: null }] }],
    });
    await runCli(["periods", "import", "--project", "甲", "--file", good], t.url);
    const project = await t.db.project.findFirstOrThrow({ where: { name: "甲" } });
    const doc = await t.db.document.create({
      data: { projectId: project.id, title: "报告", region: "BTH", year: 2011, sha256: "x", plainText: "设立首都经济圈。", charCount: 8 },
    });
    const inside = await runCli(["junctures", "add", "--project", "甲", "--region", "BTH", "--date", "2008", "--title", "中途"], t.url);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain("falls inside stage “I” (2006–2010)");
    const added = await runCli(
      ["junctures", "add", "--project", "甲", "--region", "BTH", "--date", "2011", "--title", "首都经济圈", "--type", "reform", "--evidence", `document:${doc.id}`, "--json"],
      t.url,
    );
    expect(added.code).toBe(0);
    const j = JSON.parse(added.stdout);
    expect(j).toMatchObject({ date: { year: 2011 }, titleZh: "首都经济圈", type: "reform", evidence: [{ kind: "document", targetId: doc.id, label: "报告", missing: false }] });
    const timeline = await runCli(["timeline", "--project", "甲", "--region", "BTH"], t.url);
    expect(timeline.code).toBe(2); // the project has no codes to profile
    expect(timeline.stderr).toContain("choose the codes to profile");
  });
});
