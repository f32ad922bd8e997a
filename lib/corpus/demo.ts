import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../db/client";
import { deleteProjectById, findProjectByName } from "../db/projects";
import { importDocument } from "./import-document";
import type { DocumentMetadataPatch } from "./metadata";
import { createProject } from "./projects";
import { findCodeByShortName } from "../codebook";
import { decideSuggestions, suggestForCode } from "../search";
import { importPeriods, type PeriodsFile } from "../periods/periods-file";
import table41 from "../periods/table-4-1.json";

export const DEMO_PROJECT_NAME = "示例：京津冀城市群 Demo: Beijing-Tianjin-Hebei";

const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "demo-texts");

/** The real series: Hebei's provincial government work reports, with where each came from. */
type DemoSource = { file: string; year: number; repository: string; commit: string; path: string; url: string; caveat: string };

function demoDocuments(): { file: string; metadata: DocumentMetadataPatch }[] {
  const sources = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, "hebei", "sources.json"), "utf8")) as { files: DemoSource[] };
  return sources.files.map((f) => ({
    file: path.join("hebei", f.file),
    metadata: {
      title: `河北省政府工作报告 ${f.year}`,
      region: "BTH",
      province: "河北省",
      level: "provincial",
      docType: "work-report",
      issuer: "河北省人民政府",
      year: f.year,
      sourceRef: [`${f.repository}@${f.commit.slice(0, 7)}:${f.path}`, f.url, f.caveat].filter(Boolean).join(" · "),
    },
  }));
}

/** Sub-themes whose keyword suggestions the demo accepts, and the coder it records. */
const DEMO_CODES = ["COE-1", "COE-2", "COE-3", "CON-1", "CON-2", "CON-3", "COO-1", "COO-3", "COO-4"];
/** The demo's codings are accepted keyword suggestions, not a researcher's reading: the coder says so. */
export const DEMO_CODER = "关键词建议 keyword suggestions";

export type DemoResult = { name: string; loaded: boolean; documents: number; codings: number };

/** Loads the demo project (idempotent unless reset). */
export async function loadDemoProject(db: Db, opts: { reset?: boolean } = {}): Promise<DemoResult> {
  const existing = await findProjectByName(db, DEMO_PROJECT_NAME);
  if (existing && !opts.reset) return { name: DEMO_PROJECT_NAME, loaded: false, documents: 0, codings: 0 };
  if (existing) await deleteProjectById(db, existing.id);

  const project = await createProject(db, {
    name: DEMO_PROJECT_NAME,
    description:
      "示例项目：河北省政府工作报告 2006–2026（真实文本，部分为节选），编码为关键词建议的初步结果，尚未经研究者审阅；京津冀、成渝、辽中南的阶段与关键节点取自研究的表 4.1。 " +
      "Demo project: Hebei's provincial government work reports 2006–2026 (real texts, some truncated), coded by accepted keyword suggestions that no researcher has reviewed yet; the stages and critical junctures of BTH, CC and SCLN are Table 4.1 of the study.",
  });
  let documents = 0;
  for (const d of demoDocuments()) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(DEMO_DIR, d.file)));
    await importDocument(db, { projectId: project.id, fileName: path.basename(d.file), bytes, metadata: d.metadata });
    documents++;
  }
  await importPeriods(db, { projectId: project.id, file: table41 as PeriodsFile, actor: DEMO_CODER });
  // A first pass of coding, as a researcher would start: accept the keyword
  // suggestions of a few 3-CO sub-themes, so that the reader, the codebook counts
  // and the search filters have something to show.
  let codings = 0;
  for (const shortName of DEMO_CODES) {
    const code = await findCodeByShortName(db, project.id, shortName);
    if (!code) continue;
    const { groups } = await suggestForCode(db, { projectId: project.id, codeId: code.id });
    const accept = groups.flatMap((g) => g.sentences.map((s) => s.unitId));
    if (accept.length === 0) continue;
    const decided = await decideSuggestions(db, { projectId: project.id, codeId: code.id, coder: DEMO_CODER, accept, reject: [] });
    codings += decided.created.length;
  }
  return { name: DEMO_PROJECT_NAME, loaded: true, documents, codings };
}
