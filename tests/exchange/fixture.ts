/**
 * The exchange tests' project: Chinese text with 𠮷 (outside the BMP) before a coding, a code
 * tree (经济 › 基础设施), a code group, two coders, a multi-line comment with quotes, and a memo of
 * each kind. Offsets are code points.
 */
import { createCoding } from "../../lib/coding";
import { createMemo } from "../../lib/coding/memos";
import type { Db } from "../../lib/db/client";
import { addCode, addDocument, addProject, cpIndexOf } from "../coding/fixtures";

export const P0 = "京津冀协同发展是国家战略。𠮷祥的交通一体化率先突破！";
export const P1 = "生态环境保护取得进展。产业升级转移稳步推进。";
export const Q0 = "长三角一体化发展。";
export const COMMENT = '第一行评论\nsecond line, with "quotes", and a comma';

export async function exchangeFixture(db: Db, name = "京津冀 exchange") {
  const project = await addProject(db, name);
  const econ = await addCode(db, project.id, "econ", { labelZh: "经济", color: "#aa3300" });
  const infra = await db.code.create({
    data: { projectId: project.id, parentId: econ.id, shortName: "infra", labelZh: "基础设施", labelEn: "Infrastructure", color: "#3366cc", definition: "交通、能源", sortOrder: 1 },
  });
  const gov = await addCode(db, project.id, "gov", { labelZh: "治理", color: "#228844" });
  const group = await db.codeGroup.create({ data: { projectId: project.id, name: "core", labelZh: "核心", members: { create: [{ codeId: econ.id }, { codeId: gov.id }] } } });
  const a = await addDocument(db, project.id, [P0, P1], { title: "京津冀规划", region: "BTH", province: "北京", year: 2015, docType: "plan", level: "national" });
  const b = await addDocument(db, project.id, [Q0], { title: "长三角报告", region: "YRD", province: "上海", year: null, docType: "work-report" });
  const at = (needle: string) => cpIndexOf(a.text, needle);
  const span = (needle: string) => ({ start: at(needle), end: at(needle) + Array.from(needle).length });
  const cInfra = await createCoding(db, { documentId: a.doc.id, codeId: infra.id, ...span("交通一体化"), coder: "王", comment: COMMENT });
  const cGov = await createCoding(db, { documentId: a.doc.id, codeId: gov.id, ...span("京津冀协同发展"), coder: "Lee" });
  const cEcon = await createCoding(db, { documentId: a.doc.id, codeId: econ.id, ...span("产业升级转移"), coder: "王" });
  // Across two sentences: from 国家战略 into 𠮷祥.
  const cCross = await createCoding(db, { documentId: a.doc.id, codeId: gov.id, start: at("国家战略"), end: at("祥的") + 1, coder: "Lee" });
  const cB = await createCoding(db, { documentId: b.doc.id, codeId: infra.id, start: 0, end: 3, coder: "Lee" });
  await createMemo(db, { projectId: project.id, kind: "project", author: "王", title: "总体", body: "项目备忘\n第二行" });
  await createMemo(db, { projectId: project.id, kind: "document", documentId: a.doc.id, author: "Lee", title: "doc memo", body: "关于京津冀" });
  await createMemo(db, { projectId: project.id, kind: "code", codeId: infra.id, author: "王", title: "code memo", body: "基础设施定义" });
  await createMemo(db, { projectId: project.id, kind: "coding", codingId: cInfra.id, author: "王", title: "coding memo", body: "𠮷 之后的编码" });
  return { project, codes: { econ, infra, gov }, group, a, b, codings: { cInfra, cGov, cEcon, cCross, cB } };
}
export type ExchangeFixture = Awaited<ReturnType<typeof exchangeFixture>>;
