import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/db";
import { analysisFixture } from "../analysis/fixture";
import { runCli } from "./cli";

/** `juncture words` and `juncture stopwords` on the analysis fixture (counts worked out in tests/analysis/words.test.ts). */
describe("juncture words, stopwords", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await analysisFixture(t.db);
  });
  afterAll(async () => t.close());

  it("prints word frequencies of a code and the keyness of two regions as JSON", async () => {
    const r = await runCli(["words", "--project", "analysis", "--code", "COO-3", "--top", "1", "--json"], t.url);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ tokens: 10, units: 3, words: [{ word: "建设", count: 2, documents: 2 }] });
    const k = JSON.parse((await runCli(["words", "--project", "analysis", "--compare", "region=BTH:region=YRD", "--json"], t.url)).stdout);
    // BTH here is D1 only: 14 tokens; YRD 6. 建设 2 vs 1.
    expect(k.a.tokens).toBe(14);
    expect(k.b.tokens).toBe(6);
    const row = k.words.find((x: { word: string }) => x.word === "建设");
    expect(row).toMatchObject({ countA: 2, countB: 1 });
  });

  it("adds and removes stop words, persisted for the next run", async () => {
    const add = await runCli(["stopwords", "add", "建设", "--project", "analysis", "--json"], t.url);
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout).added).toEqual(["建设"]);
    const words = JSON.parse((await runCli(["words", "--project", "analysis", "--json"], t.url)).stdout);
    expect(words.tokens).toBe(17);
    const list = JSON.parse((await runCli(["stopwords", "list", "--project", "analysis", "--json"], t.url)).stdout);
    expect(list.added).toEqual(["建设"]);
    const removed = JSON.parse((await runCli(["stopwords", "remove", "建设", "--project", "analysis", "--json"], t.url)).stdout);
    expect(removed.added).toEqual([]);
    const bad = await runCli(["words", "--project", "analysis", "--compare", "region=BTH"], t.url);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("two groups separated by a colon");
  });
});
