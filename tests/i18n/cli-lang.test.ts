import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/cli";
import { createTestDb, type TestDb } from "../helpers/db";

/** The CLI prints its refusals in one language: --lang, else LC_ALL / LANG, else English. */
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
});
