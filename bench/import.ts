import fs from "node:fs";
import { createRequire } from "node:module";
import { createProject, importFiles } from "../lib/corpus";
import { extractDocument } from "../lib/text/extract";
import { corpusFiles, ms, printFigures, scratchDb, type Figure } from "./util";

const require = createRequire(import.meta.url);

/**
 * Import throughput: the whole pipeline (decode, canonical text, sentences, jieba,
 * one transaction per document) over ≥ 1,000,000 characters of the shared corpus,
 * against the floor of nodejieba alone segmenting the same text in the same run.
 */
export async function benchImport(): Promise<Figure[]> {
  const files = corpusFiles([".txt"]);
  if (files.length === 0) {
    console.log("shared corpus absent (../shared/corpus/raw): import benchmark skipped");
    return [];
  }
  const { db, dispose } = scratchDb("import");
  try {
    const project = await createProject(db, { name: "bench", templates: "none" });
    const buffers = files.map((f) => new Uint8Array(fs.readFileSync(f)));

    const t0 = process.hrtime.bigint();
    const result = await importFiles(db, {
      projectId: project.id,
      files: files.map((f, i) => ({ fileName: f, read: async () => buffers[i] })),
    });
    const importMs = ms(t0);
    const chars = result.imported.reduce((n, d) => n + d.chars, 0);
    if (result.failed.length) console.log("failed:", result.failed);

    // Floor: nodejieba alone on the same canonical texts (decoded beforehand, not timed).
    const texts = await Promise.all(files.map(async (f, i) => (await extractDocument(buffers[i], f)).text));
    const jieba = require("nodejieba") as { cut: (s: string, hmm?: boolean) => string[]; load: () => void };
    jieba.cut("预热词典", true); // dictionary loading is not part of either measurement
    const t1 = process.hrtime.bigint();
    let tokens = 0;
    for (const text of texts) tokens += jieba.cut(text, true).length;
    const jiebaMs = ms(t1);

    return [
      { name: "documents imported", value: `${result.imported.length} (${result.failed.length} failed)` },
      { name: "characters imported", value: chars.toLocaleString("en") },
      { name: "import time", value: `${(importMs / 1000).toFixed(2)} s` },
      { name: "import throughput", value: `${Math.round(chars / (importMs / 1000)).toLocaleString("en")} chars/s` },
      {
        name: "import / jieba-only",
        value: `${(importMs / 1000).toFixed(2)} s`,
        floor: `${(jiebaMs / 1000).toFixed(2)} s jieba alone (${tokens.toLocaleString("en")} tokens)`,
        ratio: importMs / jiebaMs,
        target: "≤ 3",
      },
    ];
  } finally {
    await dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printFigures("Import (issue: corpus import)", await benchImport());
}
