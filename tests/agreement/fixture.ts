/**
 * The agreement fixture on the database: the same units and codings as the pure test
 * (tests/agreement/compute-agreement.test.ts), so the figures through the database and the
 * CLI can be checked against numbers already proven there and by hand.
 *   D1 “第一号文件”: one paragraph, four sentences of 10 code points → units [0,10) [10,20) [20,30) [30,40)
 *   D2 “第二号文件”: one paragraph, three sentences of 8 code points → units [0,8) [8,16) [16,24)
 *   D3 “第三号文件”: coded by alice only (left out: fewer than two coders present)
 * Coders alice (A), bob (B), chen (C); chen never coded D2: missing there, not "did not code".
 * Codes X = COE-1 (child of COE), Y = CON-1, and UNUSED (no codings: not compared by default).
 */
import type { Db } from "../../lib/db/client";
import { createCoding } from "../../lib/coding";
import { addDocument } from "../coding/fixtures";

const S10 = (c: string) => `${c.repeat(9)}。`; // 10 code points
const S8 = (c: string) => `${c.repeat(7)}。`; // 8 code points

export async function seedAgreementFixture(db: Db, opts: { coders?: 2 | 3; name?: string } = {}) {
  const project = await db.project.create({ data: { name: opts.name ?? "一致性项目" } });
  const parent = await db.code.create({ data: { projectId: project.id, shortName: "COE", labelZh: "协调", labelEn: "Coordination" } });
  const x = await db.code.create({
    data: { projectId: project.id, parentId: parent.id, shortName: "COE-1", labelZh: "协调一", labelEn: "Coordination 1", sortOrder: 0 },
  });
  const y = await db.code.create({ data: { projectId: project.id, shortName: "CON-1", labelZh: "冲突一", labelEn: "Conflict 1", sortOrder: 1 } });
  await db.code.create({ data: { projectId: project.id, shortName: "UNUSED", labelZh: "未用", labelEn: "Unused", sortOrder: 2 } });
  const d1 = await addDocument(db, project.id, [S10("甲") + S10("乙") + S10("丙") + S10("丁")], { title: "第一号文件" });
  const d2 = await addDocument(db, project.id, [S8("戊") + S8("己") + S8("庚")], { title: "第二号文件" });
  const d3 = await addDocument(db, project.id, [S8("辛")], { title: "第三号文件" });
  const D = { D1: d1.doc.id, D2: d2.doc.id, D3: d3.doc.id };
  const code = (coder: string, codeId: string, doc: keyof typeof D, start: number, end: number) =>
    createCoding(db, { documentId: D[doc], codeId, start, end, coder });
  await code("alice", x.id, "D1", 2, 15); // spans u1 and u2: counts for both
  await code("alice", x.id, "D2", 0, 8);
  await code("alice", y.id, "D1", 30, 40);
  await code("alice", y.id, "D3", 0, 8);
  await code("bob", x.id, "D1", 0, 10);
  await code("bob", x.id, "D1", 3, 6); // u1 coded twice with X by bob: still one decision
  await code("bob", x.id, "D2", 1, 8);
  await code("bob", x.id, "D2", 8, 12);
  await code("bob", y.id, "D1", 32, 35);
  if ((opts.coders ?? 3) === 3) {
    await code("chen", x.id, "D1", 5, 10);
    await code("chen", x.id, "D1", 25, 28);
  }
  return { project, codes: { parent, x, y }, documents: D, units: { D1: d1.sentences, D2: d2.sentences } };
}
