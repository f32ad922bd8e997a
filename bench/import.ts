import fs from "node:fs";
import { createRequire } from "node:module";
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
  const buffers = files.map((f) => new Uint8Array(fs.readFileSync(f)));
  const texts = await Promise.all(files.map(async (f, i) => (await extractDocument(buffers[i], f)).text));
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
      files: files.map((f, i) => ({ fileName: f, read: async () => buffers[i] })),
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
