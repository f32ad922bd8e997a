import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createProject, importFiles } from "../lib/corpus";
import type { Db } from "../lib/db/client";
import { extractDocument } from "../lib/text/extract";
import { tokenize } from "../lib/text/tokens";
import { ms, quantile, type Figure } from "./util";

const require = createRequire(import.meta.url);
const ROUNDS = 3;

/** The first corpus files, in order, that together reach `minChars` decoded characters. */
export async function filesReaching(files: string[], minChars: number): Promise<string[]> {
  const chosen: string[] = [];
  let chars = 0;
  for (const f of files) {
    if (chars >= minChars) break;
    chosen.push(f);
    chars += [...(await extractDocument(new Uint8Array(fs.readFileSync(f)), f)).text].length;
  }
  return chosen;
}

/**
 * Import throughput: the whole pipeline (decode, canonical text, sentences, jieba,
 * one transaction per document) over the given files in one batch, against the
 * floor of nodejieba alone segmenting the same text. Import and floor alternate
 * for a few rounds (each import into a fresh project) and medians are compared,
 * so that load from other processes hits both alike. jieba's dictionary is loaded
 * before anything is timed: it is a one-off cost per process.
 */
export async function benchImport(db: Db, projectName: string, files: string[], rounds = ROUNDS) {
  const inputs = files.map((f) => ({ fileName: f, bytes: new Uint8Array(fs.readFileSync(f)) }));
  const texts = await Promise.all(inputs.map(async (f) => (await extractDocument(f.bytes, f.fileName)).text));
  return benchImportOf(db, { projectName, inputs, texts, rounds });
}

/**
 * HTML import: the same corpus texts as `benchImport`, each wrapped as a saved
 * government web page (navigation, breadcrumbs, scripts, styles, related links and a
 * footer around the article), imported as .html, against the same jieba floor over
 * the texts themselves.
 */
export async function benchHtmlImport(db: Db, projectName: string, files: string[], rounds = ROUNDS) {
  const texts = await Promise.all(files.map(async (f) => (await extractDocument(new Uint8Array(fs.readFileSync(f)), f)).text));
  const inputs = files.map((f, i) => ({
    fileName: `${path.basename(f, path.extname(f))}.html`,
    bytes: new Uint8Array(Buffer.from(govPage(path.basename(f, path.extname(f)), texts[i] ?? ""), "utf8")),
  }));
  const htmlBytes = inputs.reduce((n, f) => n + f.bytes.byteLength, 0);
  const result = await benchImportOf(db, { projectName, inputs, texts, rounds });
  result.figures.splice(2, 0, { name: "HTML bytes", value: htmlBytes.toLocaleString("en") });
  return result;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A page as government portals serve them: the article inside the site's furniture. */
export function govPage(title: string, text: string): string {
  const [heading = title, ...body] = text.split("\n");
  const links = (n: number, what: string) =>
    Array.from({ length: n }, (_, i) => `<li><a href="/${what}/${i}.html">${what}栏目${i + 1}</a></li>`).join("");
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}_政策文件_某某市人民政府</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/css/main.css">
<style>body{font-family:"Microsoft YaHei",sans-serif}.nav li{float:left;margin:0 8px}.footer{color:#999}</style>
<script>var _hmt=_hmt||[];(function(){var hm=document.createElement("script");hm.src="//stat.example/hm.js";})();</script>
</head><body>
<header class="header"><div class="logo">某某市人民政府门户网站</div>
<form action="/search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form></header>
<nav class="nav"><ul>${links(12, "nav")}</ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政策文件</div>
<div class="main"><div class="content" id="zoom">
<h1>${escapeHtml(heading)}</h1>
<div class="info">发布时间：2025-01-20 来源：市政府办公室 <script>document.write("浏览次数：" + 1024);</script></div>
${body.map((p) => `<p style="text-indent:2em">${escapeHtml(p)}</p>`).join("\n")}
</div>
<aside class="related"><h3>相关文件</h3><ul>${links(8, "related")}</ul></aside></div>
<footer class="footer"><p>主办：某某市人民政府办公室 版权所有</p><p>网站标识码 1234567890 备案号：某ICP备12345678号</p></footer>
<script src="/js/jquery.min.js"></script><script>$(function(){$(".nav li").hover(function(){});});</script>
</body></html>`;
}

type ImportBenchOptions = {
  projectName: string;
  inputs: { fileName: string; bytes: Uint8Array }[];
  /** The canonical texts, for the jieba floor. */
  texts: string[];
  rounds: number;
};

async function benchImportOf(db: Db, { projectName, inputs, texts, rounds }: ImportBenchOptions) {
  const jieba = require("nodejieba") as { cut: (s: string) => string[] };
  tokenize("预热");

  const importTimes: number[] = [];
  const jiebaTimes: number[] = [];
  let projectId = "";
  let chars = 0;
  let imported = 0;
  let failed = 0;
  let tokens = 0;
  for (let round = 0; round < rounds; round++) {
    const project = await createProject(db, { name: round === 0 ? projectName : `${projectName} (round ${round + 1})` });
    const t0 = process.hrtime.bigint();
    const result = await importFiles(db, {
      projectId: project.id,
      files: inputs.map((f) => ({ fileName: f.fileName, read: async () => f.bytes })),
    });
    importTimes.push(ms(t0));
    if (round === 0) {
      projectId = project.id;
      chars = result.imported.reduce((n, d) => n + d.chars, 0);
      imported = result.imported.length;
      failed = result.failed.length;
      if (failed) console.log("failed:", result.failed);
    } else {
      await db.project.delete({ where: { id: project.id } });
    }
    const t1 = process.hrtime.bigint();
    tokens = 0;
    for (const text of texts) tokens += jieba.cut(text).length;
    jiebaTimes.push(ms(t1));
  }
  const med = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);
  const importMs = med(importTimes);
  const jiebaMs = med(jiebaTimes);

  const figures: Figure[] = [
    { name: "documents imported", value: `${imported} (${failed} failed)` },
    { name: "characters imported", value: chars.toLocaleString("en") },
    { name: "import throughput", value: `${Math.round(chars / (importMs / 1000)).toLocaleString("en")} chars/s` },
    {
      name: `whole import / jieba alone (median of ${rounds})`,
      value: `${(importMs / 1000).toFixed(2)} s`,
      floor: `${(jiebaMs / 1000).toFixed(2)} s (${tokens.toLocaleString("en")} tokens)`,
      ratio: importMs / jiebaMs,
      target: "≤ 3",
    },
  ];
  return { figures, projectId, chars };
}
