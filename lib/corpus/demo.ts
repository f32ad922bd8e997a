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

export const DEMO_PROJECT_NAME = "示例：京津冀城市群 Demo: Beijing-Tianjin-Hebei";

const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "demo-texts");

/** Short sample documents written for the demo: one plan and two yearly work reports. */
const DEMO_DOCUMENTS: { file: string; metadata: DocumentMetadataPatch }[] = [
  {
    file: "bth-plan-2015.txt",
    metadata: {
      title: "京津冀城市群协同发展规划（示例）",
      region: "BTH",
      level: "national",
      docType: "plan",
      issuer: "国家发展改革委（示例）",
      year: 2015,
      sourceRef: "written for the Juncture demo",
    },
  },
  {
    file: "hebei-report-2016.txt",
    metadata: {
      title: "河北省政府工作报告 2016（示例）",
      region: "BTH",
      province: "河北省",
      level: "provincial",
      docType: "work-report",
      issuer: "河北省人民政府",
      year: 2016,
      sourceRef: "written for the Juncture demo",
    },
  },
  {
    file: "hebei-report-2018.txt",
    metadata: {
      title: "河北省政府工作报告 2018（示例）",
      region: "BTH",
      province: "河北省",
      level: "provincial",
      docType: "work-report",
      issuer: "河北省人民政府",
      year: 2018,
      sourceRef: "written for the Juncture demo",
    },
  },
];

/** Sub-themes whose keyword suggestions the demo accepts, and the coder it records. */
const DEMO_CODES = ["CON-1", "COE-3", "COO-3", "COO-4", "COE-2"];
const DEMO_CODER = "示例编码员 demo";

export type DemoResult = { name: string; loaded: boolean; documents: number; codings: number };

/** Loads the demo project (idempotent unless reset). */
export async function loadDemoProject(db: Db, opts: { reset?: boolean } = {}): Promise<DemoResult> {
  const existing = await findProjectByName(db, DEMO_PROJECT_NAME);
  if (existing && !opts.reset) return { name: DEMO_PROJECT_NAME, loaded: false, documents: 0, codings: 0 };
  if (existing) await deleteProjectById(db, existing.id);

  const project = await createProject(db, {
    name: DEMO_PROJECT_NAME,
    description:
      "示例项目：一份城市群规划与两份省级政府工作报告（为演示而撰写）。 Demo project: a mega-region plan and two provincial work reports written for the demo.",
  });
  let documents = 0;
  for (const d of DEMO_DOCUMENTS) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(DEMO_DIR, d.file)));
    await importDocument(db, { projectId: project.id, fileName: d.file, bytes, metadata: d.metadata });
    documents++;
  }
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
