import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, sharedCorpusDir, type TestDb } from "../helpers/db";
import { runCli } from "./cli";

describe("juncture CLI: import, projects, documents, demo", () => {
  let t: TestDb;
  let dir: string;
  beforeEach(async () => {
    t = await createTestDb();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-cli-"));
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("imports files and folders recursively, creates the project, and prints the JSON report", async () => {
    fs.mkdirSync(path.join(dir, "sub"));
    fs.writeFileSync(path.join(dir, "保定市_2018_report.txt"), "保定市推进协同发展。承接产业转移。");
    fs.writeFileSync(path.join(dir, "sub", "report.txt"), iconv.encode("河北省加快交通建设。", "gb18030"));
    const r = await runCli(["import", dir, "--project", "CLI 项目", "--type", "work-report", "--json"], t.url);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.failed).toEqual([]);
    expect(out.imported).toHaveLength(2);
    const baoding = out.imported.find((d: { file: string }) => d.file.endsWith("保定市_2018_report.txt"));
    expect(baoding).toMatchObject({ chars: 17, paragraphs: 1, sentences: 2, encoding: "UTF-8", year: 2018, region: "BTH" });
    expect(Object.keys(baoding).sort()).toEqual(["chars", "encoding", "file", "id", "paragraphs", "region", "sentences", "title", "year"]);
    const gbk = out.imported.find((d: { file: string }) => d.file.endsWith("report.txt") && d !== baoding);
    expect(gbk.encoding).toMatch(/GB18030|GBK/i);

    const projects = JSON.parse((await runCli(["projects", "--json"], t.url)).stdout);
    expect(projects.map((p: { name: string }) => p.name)).toEqual(["CLI 项目"]);
    expect(projects[0].documentCount).toBe(2);
    expect(projects[0].codeCount).toBeGreaterThan(0); // default templates came with the new project

    const docs = JSON.parse((await runCli(["documents", "--project", "CLI 项目", "--json"], t.url)).stdout);
    expect(docs.map((d: { docType: string }) => d.docType)).toEqual(["work-report", "work-report"]);
  });

  it("exits 1 and reports each failed file while importing the others", async () => {
    fs.writeFileSync(path.join(dir, "good.txt"), "一句话。");
    fs.writeFileSync(path.join(dir, "empty.txt"), "");
    const r = await runCli(
      ["import", path.join(dir, "good.txt"), path.join(dir, "empty.txt"), path.join(dir, "missing.txt"), "--project", "P", "--json"],
      t.url,
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.imported.map((d: { file: string }) => path.basename(d.file))).toEqual(["good.txt"]);
    expect(out.failed.map((f: { file: string }) => path.basename(f.file)).sort()).toEqual(["empty.txt", "missing.txt"]);
    expect(out.failed.find((f: { file: string }) => f.file.endsWith("empty.txt")).error).toMatch(/empty/i);
  });

  it("refuses bad flags with a clear message", async () => {
    const r = await runCli(["import", dir, "--project", "P", "--year", "abc"], t.url);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--year/);
  });

  it("loads the demo project once, and again with --reset", async () => {
    const first = JSON.parse((await runCli(["demo", "--json"], t.url)).stdout);
    expect(first.loaded).toBe(true);
    expect(first.documents).toBe(3);
    expect(first.codings).toBeGreaterThan(10);
    const again = JSON.parse((await runCli(["demo", "--json"], t.url)).stdout);
    expect(again.loaded).toBe(false);
    const reset = JSON.parse((await runCli(["demo", "--reset", "--json"], t.url)).stdout);
    expect(reset.loaded).toBe(true);
    const projects = JSON.parse((await runCli(["projects", "--json"], t.url)).stdout);
    expect(projects).toHaveLength(1);
    expect(projects[0].documentCount).toBe(3);
  });
});

describe("juncture import of the shared real corpus", () => {
  const corpus = sharedCorpusDir();
  it.skipIf(!corpus)("imports every .txt and .docx file of ../shared/corpus/raw", async () => {
    const t = await createTestDb();
    try {
      const r = await runCli(["import", corpus!, "--project", "语料 Corpus", "--json"], t.url);
      const out = JSON.parse(r.stdout);
      const wanted = listFiles(corpus!).filter((f) => /\.(txt|docx)$/i.test(f));
      expect(out.failed).toEqual([]);
      expect(r.code).toBe(0);
      expect(out.imported.map((d: { file: string }) => d.file).sort()).toEqual(wanted.sort());
      for (const d of out.imported) expect(d.sentences).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  }, 900_000);
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : [full];
  });
}
