import fs from "node:fs";
import { createHash } from "node:crypto";
import { corpusFiles, scratchDb } from "./bench/util";
import { filesReaching } from "./bench/import";
import { createProject } from "./lib/corpus";
import { resolveMetadata } from "./lib/corpus/metadata";
import { findDocumentBySha, insertDocumentWithUnits } from "./lib/db/documents";
import { extractDocument } from "./lib/text/extract";
import { splitSentences } from "./lib/text/sentences";
import { tokenize, tokensField } from "./lib/text/tokens";
import { tokenizeSentences } from "./lib/text/unit-tokens";
import { cpLength } from "./lib/text/offsets";
const files = await filesReaching(corpusFiles([".txt"]), 1_000_000);
const bufs = files.map((f) => new Uint8Array(fs.readFileSync(f)));
tokenize("预热");
const { db, dispose } = scratchDb("p");
const p = await createProject(db, { name: "x", templates: "none" });
const T: Record<string, number> = {};
const tick = (k: string, t: number) => { T[k] = (T[k] ?? 0) + performance.now() - t; return performance.now(); };
const t00 = performance.now();
for (let i = 0; i < files.length; i++) {
  let t = performance.now();
  const sha = createHash("sha256").update(bufs[i]).digest("hex"); t = tick("sha", t);
  await findDocumentBySha(db, p.id, sha); t = tick("findSha", t);
  const ex = await extractDocument(bufs[i], files[i]); t = tick("extract", t);
  const s = splitSentences(ex.text, ex.paragraphs); t = tick("split", t);
  const tok = tokenizeSentences(ex.text, s); t = tick("tokenize", t);
  const units = [...ex.paragraphs.map((q, k) => ({ kind: "paragraph" as const, ordinal: k, paragraph: k, start: q.start, end: q.end, tokens: "" })),
    ...s.map((q, k) => ({ kind: "sentence" as const, ordinal: k, paragraph: q.paragraph, start: q.start, end: q.end, tokens: tokensField(tok[k]) }))]; t = tick("units", t);
  const md = resolveMetadata(files[i], {}); const cc = cpLength(ex.text); t = tick("meta", t);
  await insertDocumentWithUnits(db, { projectId: p.id, ...md, originalFilename: "x", format: ex.format, encoding: ex.encoding, sha256: sha, plainText: ex.text, charCount: cc }, units); t = tick("insert", t);
}
console.log(T, performance.now() - t00);
await dispose();
