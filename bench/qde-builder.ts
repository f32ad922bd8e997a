/**
 * The `.qdpx` builder alone on a synthetic snapshot (no database): 46 documents of ~21,700
 * characters (1,000,000 in all), 100,000 codings over 60 codes by 2 coders, 200 memos. Compares
 * the former DOM writer (tests/exchange/qde-dom-reference.ts + zipSync) with the streaming writer.
 * Run: `NODE_OPTIONS=--expose-gc npx tsx bench/qde-builder.ts dom|stream` (one writer per process,
 * so the peak RSS is that writer's).
 */
import { strToU8, zipSync } from "fflate";
import { buildQdpx } from "../lib/exchange/refi";
import type { ExportSnapshot } from "../lib/exchange/snapshot";
import { buildQdeDom } from "../tests/exchange/qde-dom-reference";

const at = new Date("2026-01-01T00:00:00Z");
const SENTENCE = "京津冀协同发展是国家战略，𠮷祥的交通一体化率先突破，生态环境保护取得进展。";

function syntheticSnapshot(): ExportSnapshot {
  const users = [
    { id: "u1", name: "王" },
    { id: "u2", name: "Lee" },
  ];
  const codes = Array.from({ length: 60 }, (_, i) => ({
    id: `code${i}`,
    parentId: i >= 10 ? `code${i % 10}` : null,
    shortName: `code-${i}`,
    labelZh: `代码${i}`,
    labelEn: `Code ${i}`,
    color: "#aa3300",
    definition: "定义 & <说明>",
    inclusion: "",
    exclusion: "",
    example: "",
  }));
  const docText = Array.from({ length: Math.ceil(21_740 / Array.from(SENTENCE).length) }, () => SENTENCE).join("");
  const docLength = Array.from(docText).length;
  const documents = Array.from({ length: 46 }, (_, i) => ({
    id: `doc${i}`,
    title: `文件 ${i}`,
    plainText: docText,
    createdAt: at,
    updatedAt: at,
    region: "BTH",
    province: "北京",
    year: 2015 + (i % 10),
  }));
  const chars = Array.from(docText);
  const codings = Array.from({ length: 100_000 }, (_, i) => {
    const start = (i * 37) % (docLength - 40);
    const end = start + 5 + (i % 30);
    return {
      id: `coding${i}`,
      documentId: `doc${i % 46}`,
      codeId: `code${i % 60}`,
      coderId: users[i % 2]!.id,
      start,
      end,
      quote: chars.slice(start, end).join(""),
      comment: i % 10 === 0 ? "评论 \"quoted\" & more" : "",
      createdAt: at,
      updatedAt: at,
    };
  });
  const memos = Array.from({ length: 200 }, (_, i) => ({
    id: `memo${i}`,
    kind: "coding",
    title: `memo ${i}`,
    body: "备忘\n第二行",
    authorId: "u1",
    documentId: null,
    codeId: null,
    codingId: `coding${i * 7}`,
    createdAt: at,
    updatedAt: at,
  }));
  const groups = [{ id: "g1", name: "core", labelZh: "核心", members: [{ codeId: "code0" }, { codeId: "code1" }] }];
  const project = { id: "p1", name: "bench", description: "synthetic", createdAt: at, updatedAt: at };
  return { project, users, codes, documents, codings, memos, groups } as unknown as ExportSnapshot;
}

function domQdpx(s: ExportSnapshot): Uint8Array {
  const { xml, sources } = buildQdeDom(s);
  const mtime = s.project.updatedAt;
  const files: Record<string, [Uint8Array, { mtime: Date }]> = { "project.qde": [strToU8(xml), { mtime }] };
  for (const src of sources) files[src.path] = [strToU8(src.text), { mtime }];
  return zipSync(files, { level: 6 });
}

/**
 * Time, and the process's peak RSS before and after: the builders are synchronous, so a sampling
 * timer would never run; peak RSS is what the OS saw (run one writer per process to read it).
 */
function measure(name: string, fn: () => Uint8Array) {
  global.gc?.();
  const rssBefore = process.resourceUsage().maxRSS / 1024;
  const t = process.hrtime.bigint();
  const bytes = fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const rssAfter = process.resourceUsage().maxRSS / 1024;
  console.log(`${name}: ${(ms / 1000).toFixed(1)} s, ${(bytes.length / 2 ** 20).toFixed(1)} MB archive, peak RSS ${rssBefore.toFixed(0)} MB → ${rssAfter.toFixed(0)} MB`);
}

const s = syntheticSnapshot();
const which = process.argv[2];
if (!which || which === "dom") measure("DOM writer (before)", () => domQdpx(s));
if (!which || which === "stream") measure("streaming writer (after)", () => buildQdpx(s));
