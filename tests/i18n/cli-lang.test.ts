import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/cli";
import { createTestDb, type TestDb } from "../helpers/db";

/** The CLI prints everything for people in one language: --lang, else LC_ALL / LANG, else English. */
describe("juncture CLI language", () => {
  let t: TestDb;
  const saved = { LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
  beforeAll(async () => {
    t = await createTestDb();
    // runCli passes this process's environment on: start from a neutral locale.
    process.env.LC_ALL = "";
    process.env.LC_MESSAGES = "";
    process.env.LANG = "C.UTF-8";
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await t.close();
  });

  it("follows --lang, else LANG, else English", async () => {
    const en = await runCli(["documents", "--project", "无此项目"], t.url);
    expect(en).toMatchObject({ code: 2, stderr: "juncture: no project named “无此项目”\n" });

    const zh = await runCli(["--lang", "zh", "documents", "--project", "无此项目"], t.url);
    expect(zh).toMatchObject({ code: 2, stderr: "juncture: 项目不存在\n" });

    process.env.LANG = "zh_CN.UTF-8";
    try {
      const fromEnv = await runCli(["documents", "--project", "无此项目"], t.url);
      expect(fromEnv.stderr).toBe("juncture: 项目不存在\n");
      const overridden = await runCli(["documents", "--project", "无此项目", "--lang", "en"], t.url);
      expect(overridden.stderr).toBe("juncture: no project named “无此项目”\n");
    } finally {
      process.env.LANG = "C.UTF-8";
    }
  });

  it("prints help, commander's own words and empty listings in the chosen language", async () => {
    const zhHelp = await runCli(["projects", "--help", "--lang", "zh"], t.url);
    expect(zhHelp).toEqual({
      code: 0,
      stdout: "用法： juncture projects [options]\n\n项目列表\n\n选项：\n  --json      输出 JSON\n  -h, --help  显示命令帮助\n",
      stderr: "",
    });
    const enHelp = await runCli(["projects", "--help"], t.url);
    expect(enHelp.stdout).toBe(
      "Usage: juncture projects [options]\n\nlist projects\n\nOptions:\n  --json      print JSON\n  -h, --help  display help for command\n",
    );

    const missing = await runCli(["--lang", "zh", "documents"], t.url);
    expect(missing).toEqual({ code: 2, stdout: "", stderr: "错误：缺少必需的选项 --project <name>\n（加 --help 查看更多说明）\n" });
    const choice = await runCli(["search", "--project", "P", "--query", "a", "--mode", "fuzzy", "--lang", "zh"], t.url);
    expect(choice.stderr).toBe("错误：选项 --mode <mode> 的取值“fuzzy”无效，可选值：substring, word, regex\n（加 --help 查看更多说明）\n");
    const enMissing = await runCli(["documents"], t.url);
    expect(enMissing.stderr).toBe("error: required option '--project <name>' not specified\n(add --help for additional information)\n");

    expect(await runCli(["projects", "--lang", "zh"], t.url)).toEqual({ code: 0, stdout: "暂无项目\n", stderr: "" });
    expect(await runCli(["projects"], t.url)).toEqual({ code: 0, stdout: "no projects yet\n", stderr: "" });
  });

  it("shows code labels and counts in the chosen language", async () => {
    const db = await createTestDb();
    try {
      expect((await runCli(["demo"], db.url)).code).toBe(0);
      const project = "示例：京津冀城市群 Demo: Beijing-Tianjin-Hebei";
      const head = async (lang: string) =>
        (await runCli(["codebook", "--project", project, "--lang", lang], db.url)).stdout.split("\n").slice(0, 3);
      // The same counts (from the JSON codebook) in each language's own words.
      const tree = JSON.parse((await runCli(["codebook", "--project", project, "--json"], db.url)).stdout) as {
        codingCount: number;
        totalCodingCount: number;
        children: { codingCount: number }[];
      }[];
      const coe = tree[0]!;
      const [one, two] = [coe.children[0]!.codingCount, coe.children[1]!.codingCount];
      expect(coe.totalCodingCount).toBeGreaterThan(0);
      expect(await head("zh")).toEqual([`COE  共存  （0，含子编码 ${coe.totalCodingCount}）`, `  COE-1  重构区域空间格局  （${one}）`, `  COE-2  重新定位城市功能  （${two}）`]);
      expect(await head("en")).toEqual([
        `COE  Coexistence  (0, ${coe.totalCodingCount} with sub-codes)`,
        `  COE-1  Restructuring regional spatial patterns  (${one})`,
        `  COE-2  Repositioning functional roles  (${two})`,
      ]);
      const json = JSON.parse((await runCli(["search", "--project", project, "--query", "雄安", "--json"], db.url)).stdout) as { total: number };
      expect(json.total).toBeGreaterThan(0);
      const hits = await runCli(["search", "--project", project, "--query", "雄安", "--lang", "zh"], db.url);
      expect(hits.stdout.split("\n")[0]).toBe(`命中 ${json.total} 处`);
    } finally {
      await db.close();
    }
  });
});
