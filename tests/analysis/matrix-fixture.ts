/**
 * The mismatch-matrix fixture: mismatches (rows), 3-CO themes (columns), trajectories
 * (within), fifteen codings whose cells are worked out by hand in matrix.test.ts.
 *
 *   D1 (BTH, 2018, work-report)
 *     s0 中央统筹交通建设。 m1 PLACE alice whole · m2 PLACE bob 交通建设 (unit coded twice with PLACE)
 *                           m3 CON-1 alice 交通 · m4 VERTICAL alice 中央统筹
 *     s1 城市之间竞争激烈。 m5 PRIORITY alice whole · m6 CON-1 alice 城市之间 · m7 CON-2 alice 竞争 (two sub-themes)
 *                           m8 COE alice 激烈 · m9 HORIZONTAL alice 城市之间
 *     s2 合作共享资源；     m10 PLACE alice 资源；推动地方 (spans s2 and s3) · m11 COO alice 合作
 *     s3 推动地方发展。     m12 COO alice 地方发展 · m13 VERTICAL alice 推动
 *   D2 (YRD, 2020, plan)
 *     t0 区域优先发展交通。 m14 PRIORITY bob 优先 · m15 CON-1 bob 交通
 */
import { createCoding } from "../../lib/coding";
import type { Db } from "../../lib/db/client";
import { addDocument, addProject, cpIndexOf } from "../coding/fixtures";

export async function matrixFixture(db: Db, name = "matrix") {
  const project = await addProject(db, name);
  const projectId = project.id;
  let order = 0;
  const code = async (shortName: string, parentId: string | null = null) =>
    db.code.create({ data: { projectId, shortName, labelZh: `${shortName}中`, labelEn: `${shortName} en`, parentId, sortOrder: order++ } });
  const COE = await code("COE");
  const CON = await code("CON");
  const CON1 = await code("CON-1", CON.id);
  const CON2 = await code("CON-2", CON.id);
  const COO = await code("COO");
  const PLACE = await code("PLACE");
  const PRIORITY = await code("PRIORITY");
  const VERTICAL = await code("VERTICAL");
  const HORIZONTAL = await code("HORIZONTAL");
  await db.codeGroup.create({
    data: { projectId, name: "3-CO", members: { create: [COE, CON, CON1, CON2, COO].map((c) => ({ codeId: c.id })) } },
  });
  const d1 = await addDocument(db, projectId, ["中央统筹交通建设。城市之间竞争激烈。", "合作共享资源；推动地方发展。"], {
    title: "京津冀报告",
    region: "BTH",
    year: 2018,
    docType: "work-report",
  });
  const d2 = await addDocument(db, projectId, ["区域优先发展交通。"], { title: "长三角规划", region: "YRD", year: 2020, docType: "plan" });
  const coding = async (doc: typeof d1, codeId: string, quote: string, coder: string, nth = 0) => {
    const start = cpIndexOf(doc.text, quote, nth);
    return (await createCoding(db, { documentId: doc.doc.id, codeId, start, end: start + Array.from(quote).length, coder })).id;
  };
  const m = {
    m1: await coding(d1, PLACE.id, "中央统筹交通建设。", "alice"),
    m2: await coding(d1, PLACE.id, "交通建设", "bob"),
    m3: await coding(d1, CON1.id, "交通", "alice"),
    m4: await coding(d1, VERTICAL.id, "中央统筹", "alice"),
    m5: await coding(d1, PRIORITY.id, "城市之间竞争激烈。", "alice"),
    m6: await coding(d1, CON1.id, "城市之间", "alice"),
    m7: await coding(d1, CON2.id, "竞争", "alice"),
    m8: await coding(d1, COE.id, "激烈", "alice"),
    m9: await coding(d1, HORIZONTAL.id, "城市之间", "alice"),
    m10: await coding(d1, PLACE.id, "资源；推动地方", "alice"),
    m11: await coding(d1, COO.id, "合作", "alice"),
    m12: await coding(d1, COO.id, "地方发展", "alice"),
    m13: await coding(d1, VERTICAL.id, "推动", "alice"),
    m14: await coding(d2, PRIORITY.id, "优先", "bob"),
    m15: await coding(d2, CON1.id, "交通", "bob"),
  };
  const [s0, s1, s2, s3] = d1.sentences.map((s) => s.id);
  const [t0] = d2.sentences.map((s) => s.id);
  return {
    projectId,
    codes: { COE, CON, CON1, CON2, COO, PLACE, PRIORITY, VERTICAL, HORIZONTAL },
    d1,
    d2,
    units: { s0: s0!, s1: s1!, s2: s2!, s3: s3!, t0: t0! },
    m,
  };
}
