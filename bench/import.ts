import fs from "node:fs";
import { createRequire } from "node:module";
import { createProject, importFiles } from "../lib/corpus";
import type { Db } from "../lib/db/client";
import { extractDocument } from "../lib/text/extract";
import { tokenize } from "../lib/text/tokens";
import { ms, type Figure } from "./util";

const require = createRequire(import.meta.url);

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
 * floor of nodejieba alone segmenting the same text in the same run. jieba's
 * dictionary is loaded before either is timed: it is a one-off cost per process.
 */
export async function benchImport(db: Db, projectName: string, files: string[]) {
  const project = await createProject(db, { name: projectName });
  const buffers = files.map((f) => new Uint8Array(fs.readFileSync(f)));
  tokenize("预热");

  const t0 = process.hrtime.bigint();
  const result = await importFiles(db, {
    projectId: project.id,
    files: files.map((f, i) => ({ fileName: f, read: async () => buffers[i] })),
  });
  const importMs = ms(t0);
  const chars = result.imported.reduce((n, d) => n + d.chars, 0);
  if (result.failed.length) console.log("failed:", result.failed);

  // Floor: nodejieba alone on the same canonical texts (extracted beforehand, not timed).
  const texts = await Promise.all(files.map(async (f, i) => (await extractDocument(buffers[i], f)).text));
  const jieba = require("nodejieba") as { cut: (s: string) => string[] };
  const t1 = process.hrtime.bigint();
  let tokens = 0;
  for (const text of texts) tokens += jieba.cut(text).length;
  const jiebaMs = ms(t1);

  const figures: Figure[] = [
    { name: "documents imported", value: `${result.imported.length} (${result.failed.length} failed)` },
    { name: "characters imported", value: chars.toLocaleString("en") },
    { name: "import throughput", value: `${Math.round(chars / (importMs / 1000)).toLocaleString("en")} chars/s` },
    {
      name: "whole import / jieba alone",
      value: `${(importMs / 1000).toFixed(2)} s`,
      floor: `${(jiebaMs / 1000).toFixed(2)} s (${tokens.toLocaleString("en")} tokens)`,
      ratio: importMs / jiebaMs,
      target: "≤ 3",
    },
  ];
  return { figures, projectId: project.id, chars };
}
