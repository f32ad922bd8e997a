import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/db";
import { describeWith } from "../helpers/describe-with";
import { sharedCorpus } from "../helpers/external";
import { runCli } from "./cli";
import { DOC_FIXTURE, makeEpub, makeOdt, makeRtf, rtfGbk, xhtmlPage } from "../text/fixtures";

/** The default codebooks of a new project (3co and mismatches) hold this many codes. */
const DEFAULT_TEMPLATE_CODES = 17;

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
    const r = await runCli(["import", dir, "--project", "CLI 项目", "--type", "work-report", "--json", "--lang", "en"], t.url);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.failed).toEqual([]);
    expect(out.imported).toHaveLength(2);
    const baoding = out.imported.find((d: { file: string }) => d.file.endsWith("保定市_2018_report.txt"));
    expect(baoding).toMatchObject({ chars: 17, paragraphs: 1, sentences: 2, encoding: "UTF-8", year: 2018, region: "BTH" });
    expect(Object.keys(baoding).sort()).toEqual([
      "chars",
      "encoding",
      "file",
      "id",
      "paragraphs",
      "region",
      "sentences",
      "title",
      "warnings",
      "year",
    ]);
    expect(baoding.warnings).toEqual([]);
    const gbk = out.imported.find((d: { file: string }) => d.file.endsWith("report.txt") && d !== baoding);
    expect(gbk).toMatchObject({ encoding: "GB18030", warnings: ["encoding detected as GB18030 (confidence 1.00)"] });

    const projects = JSON.parse((await runCli(["projects", "--json"], t.url)).stdout);
    expect(projects.map((p: { name: string }) => p.name)).toEqual(["CLI 项目"]);
    expect(projects[0].documentCount).toBe(2);
    expect(projects[0].codeCount).toBe(DEFAULT_TEMPLATE_CODES); // default templates came with the new project

    const docs = JSON.parse((await runCli(["documents", "--project", "CLI 项目", "--json"], t.url)).stdout);
    expect(docs.map((d: { docType: string }) => d.docType)).toEqual(["work-report", "work-report"]);
  });

  it("exits 1 and reports each failed file while importing the others", async () => {
    fs.writeFileSync(path.join(dir, "good.txt"), "一句话。");
    fs.writeFileSync(path.join(dir, "empty.txt"), "");
    const r = await runCli(
      [
        "import",
        path.join(dir, "good.txt"),
        path.join(dir, "empty.txt"),
        path.join(dir, "missing.txt"),
        "--project",
        "P",
        "--json",
        "--lang",
        "en",
      ],
      t.url,
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.imported.map((d: { file: string }) => path.basename(d.file))).toEqual(["good.txt"]);
    expect(out.failed).toEqual([
      { file: path.join(dir, "missing.txt"), error: "no such file or folder" },
      { file: path.join(dir, "empty.txt"), error: "file is empty" },
    ]);
  });

  it("prints the import report, failures, skipped files and warnings in the chosen language", async () => {
    fs.writeFileSync(path.join(dir, "good.txt"), "一句话。");
    fs.writeFileSync(path.join(dir, "empty.txt"), "");
    fs.writeFileSync(path.join(dir, "gbk.txt"), iconv.encode("河北省加快交通建设。", "gb18030"));
    fs.writeFileSync(path.join(dir, "table.xls"), "a,b");
    const f = (name: string) => path.join(dir, name);
    const zh = await runCli(["--lang", "zh", "import", dir, "--project", "P"], t.url);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe(
      [
        "项目“P”（新建）：导入 2 个，失败 1 个，跳过 1 个（不是 TXT/DOCX/DOC/WPS/RTF/ODT/EPUB/PDF/HTML）",
        `  失败：${f("empty.txt")}：文件为空`,
        `  跳过：${f("table.xls")}`,
        "",
      ].join("\n"),
    );
    expect(zh.stderr).toBe(
      [
        `✗ ${f("empty.txt")}：文件为空`,
        `✓ ${f("gbk.txt")}：10 字，1 句，GB18030`,
        "  ! 检测到编码 GB18030（置信度 1.00）",
        `✓ ${f("good.txt")}：4 字，1 句，UTF-8`,
        "",
      ].join("\n"),
    );

    const en = await runCli(["import", f("empty.txt"), "--project", "P", "--lang", "en"], t.url);
    expect(en).toEqual({
      code: 1,
      stdout: `project “P”: 0 imported, 1 failed\n  failed: ${f("empty.txt")}: file is empty\n`,
      stderr: `✗ ${f("empty.txt")}: file is empty\n`,
    });
  });

  it("imports .doc, .rtf, .odt and .epub from a folder and refuses a .wps that is not a Word file", async () => {
    fs.copyFileSync(DOC_FIXTURE, path.join(dir, "石家庄市_2024_政府工作报告.doc"));
    fs.writeFileSync(path.join(dir, "b.rtf"), makeRtf(`${rtfGbk("RTF 正文。")}\\par`, "RTF 标题"));
    fs.writeFileSync(path.join(dir, "c.odt"), makeOdt("<text:p>ODT 正文。</text:p>", { title: "ODT 标题" }));
    fs.writeFileSync(path.join(dir, "d.epub"), makeEpub([{ id: "c1", href: "c1.xhtml", xhtml: xhtmlPage("一", "<p>EPUB 正文。</p>") }], { title: "EPUB 标题" }));
    fs.writeFileSync(path.join(dir, "e.wps"), Buffer.from([0xff, 0x57, 0x50, 0x43, ...new Array(600).fill(0x20)]));
    fs.writeFileSync(path.join(dir, "f.pages"), "x");
    const r = await runCli(["import", dir, "--project", "P", "--json", "--lang", "en"], t.url);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.imported.map((d: { file: string; title: string; sentences: number; encoding: string }) => [path.basename(d.file), d.title, d.sentences, d.encoding])).toEqual([
      ["b.rtf", "RTF 标题", 1, "cp936"],
      ["c.odt", "ODT 标题", 1, "UTF-8"],
      ["d.epub", "EPUB 标题", 1, "UTF-8"],
      ["石家庄市_2024_政府工作报告.doc", "石家庄市 2024 政府工作报告", 6, "UTF-16LE"],
    ]);
    expect(out.failed).toEqual([
      {
        file: path.join(dir, "e.wps"),
        error: "this .wps file is not a Word-compatible document that can be read (not a Word 97–2003 file (no OLE header)) — open it in WPS Office and save it as .docx",
      },
    ]);
    expect(out.skipped).toEqual([path.join(dir, "f.pages")]);
  });

  it("refuses bad flags with a clear message in the chosen language", async () => {
    const r = await runCli(["import", dir, "--project", "P", "--year", "abc", "--lang", "en"], t.url);
    expect(r).toEqual({ code: 2, stdout: "", stderr: "juncture: --year must be a year such as 2018, not “abc”\n" });
    const zh = await runCli(["import", dir, "--project", "P", "--type", "memo", "--lang", "zh"], t.url);
    expect(zh).toEqual({
      code: 2,
      stdout: "",
      stderr: "juncture: --type“memo”不是 plan、work-report、five-year-plan、interview、field-notes、other 之一\n",
    });
    const listing = await runCli(["documents", "--project", "P", "--year", "20x8", "--lang", "zh"], t.url);
    expect(listing).toEqual({ code: 2, stdout: "", stderr: "juncture: --year 必须是年份（如 2018），而不是“20x8”\n" });
  });

  it("loads the demo project once, and again with --reset: the real Hebei series, its keyword-suggested codings and Table 4.1", async () => {
    const name = "示例：京津冀城市群 Demo: Beijing-Tianjin-Hebei";
    const sources = JSON.parse(fs.readFileSync(path.join("lib", "corpus", "demo-texts", "hebei", "sources.json"), "utf8")) as { files: { year: number }[] };
    const first = JSON.parse((await runCli(["demo", "--json"], t.url)).stdout);
    expect(first).toMatchObject({ name, loaded: true, documents: sources.files.length });
    expect(first.codings).toBeGreaterThan(0);
    const again = await runCli(["demo", "--lang", "zh"], t.url);
    expect(again.stdout).toBe(`示例项目“${name}”已存在（用 --reset 重新载入）\n`);
    const reset = JSON.parse((await runCli(["demo", "--reset", "--json"], t.url)).stdout);
    expect(reset).toEqual(first);
    const projects = JSON.parse((await runCli(["projects", "--json"], t.url)).stdout);
    expect(projects).toHaveLength(1);
    expect(projects[0].documentCount).toBe(sources.files.length);
    expect(projects[0].codingCount).toBe(first.codings);
    // Every year of the series is there once (the file labelled 2018 holds the 2019 report).
    const docs = JSON.parse((await runCli(["documents", "--project", name, "--json"], t.url)).stdout) as { year: number; region: string }[];
    expect(docs.map((d) => d.year).sort()).toEqual(sources.files.map((f) => f.year).sort());
    expect(new Set(docs.map((d) => d.region))).toEqual(new Set(["BTH"]));
    const periods = JSON.parse((await runCli(["periods", "--project", name, "--json"], t.url)).stdout) as { scope: { value: string }; stages: unknown[]; junctures: unknown[] }[];
    expect(periods.map((p) => [p.scope.value, p.stages.length, p.junctures.length])).toEqual([
      ["BTH", 4, 3],
      ["CC", 4, 3],
      ["SCLN", 4, 3],
    ]);
  }, 120_000);
});

describeWith(sharedCorpus(), "juncture import of the shared real corpus", () => {
  it("imports every .txt and .docx file of ../shared/corpus/raw", async () => {
    const corpus = sharedCorpus().location;
    const t = await createTestDb();
    try {
      const r = await runCli(["import", corpus, "--project", "语料 Corpus", "--json"], t.url);
      const out = JSON.parse(r.stdout);
      const wanted = listFiles(corpus).filter((f) => /\.(txt|docx)$/i.test(f));
      expect(out.failed).toEqual([]);
      expect(r.code).toBe(0);
      expect(out.imported.map((d: { file: string }) => d.file).sort()).toEqual(wanted.sort());
      // Counts per file depend on the corpus's contents; every imported text has some.
      expect(out.imported.filter((d: { sentences: number }) => d.sentences === 0)).toEqual([]);
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
