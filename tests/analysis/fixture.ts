/**
 * The analysis fixture: two documents, a small 3-CO tree and eleven codings whose counts are
 * worked out by hand in the tests. Units are sentences; offsets are code points.
 *
 *   D1 (BTH, 2018, work-report, 36 chars)
 *     s0 推进城际铁路建设。   k1 CON-1 alice 城际铁路 · k2 CON-1 alice whole sentence (same unit, same code twice)
 *                             k6 CON-1 bob 城际铁路 (same span, other coder) · k11 CON-2 bob 铁路建设 (overlaps k1 k2 k6)
 *     s1 加快京津冀协同发展！ k4 CON-1 alice 加快京津冀 · k3 CON-2 alice 京津冀协同 (two sub-themes on one unit, overlapping)
 *     s2 强化产业转移；       k5 COO-3 alice 产业转移；推动雄安 (spans s2 and s3)
 *     s3 推动雄安新区建设。   k7 COO alice 雄安新区 (overlaps k5)
 *   D2 (YRD, 2020, plan, 19 chars)
 *     t0 建设长三角一体化示范区。 k8 COO-3 bob 长三角一体化 · k10 PLACE alice 示范区 (adjacent, no overlap)
 *     t1 共享公共服务。           k9 CON-2 alice 共享公共服务
 */
import { createCoding } from "../../lib/coding";
import type { Db } from "../../lib/db/client";
import { addDocument, addProject, cpIndexOf } from "../coding/fixtures";

export async function analysisFixture(db: Db, name = "analysis") {
  const project = await addProject(db, name);
  const projectId = project.id;
  const code = async (shortName: string, parentId: string | null, sortOrder: number) =>
    db.code.create({ data: { projectId, shortName, labelZh: shortName, labelEn: shortName, parentId, sortOrder } });
  const CON = await code("CON", null, 0);
  const CON1 = await code("CON-1", CON.id, 0);
  const CON2 = await code("CON-2", CON.id, 1);
  const COO = await code("COO", null, 1);
  const COO3 = await code("COO-3", COO.id, 0);
  const PLACE = await code("PLACE", null, 2);
  await db.codeGroup.create({
    data: { projectId, name: "3-CO", members: { create: [CON, CON1, CON2, COO, COO3].map((c) => ({ codeId: c.id })) } },
  });
  const d1 = await addDocument(db, projectId, ["推进城际铁路建设。加快京津冀协同发展！", "强化产业转移；推动雄安新区建设。"], {
    title: "京津冀报告",
    region: "BTH",
    year: 2018,
    docType: "work-report",
  });
  const d2 = await addDocument(db, projectId, ["建设长三角一体化示范区。共享公共服务。"], {
    title: "长三角规划",
    region: "YRD",
    year: 2020,
    docType: "plan",
  });
  const coding = async (doc: typeof d1, codeId: string, quote: string, coder: string, nth = 0) => {
    const start = cpIndexOf(doc.text, quote, nth);
    return (await createCoding(db, { documentId: doc.doc.id, codeId, start, end: start + Array.from(quote).length, coder })).id;
  };
  const k = {
    k1: await coding(d1, CON1.id, "城际铁路", "alice"),
    k2: await coding(d1, CON1.id, "推进城际铁路建设。", "alice"),
    k3: await coding(d1, CON2.id, "京津冀协同", "alice"),
    k4: await coding(d1, CON1.id, "加快京津冀", "alice"),
    k5: await coding(d1, COO3.id, "产业转移；推动雄安", "alice"),
    k6: await coding(d1, CON1.id, "城际铁路", "bob"),
    k7: await coding(d1, COO.id, "雄安新区", "alice"),
    k8: await coding(d2, COO3.id, "长三角一体化", "bob"),
    k9: await coding(d2, CON2.id, "共享公共服务", "alice"),
    k10: await coding(d2, PLACE.id, "示范区", "alice"),
    k11: await coding(d1, CON2.id, "铁路建设", "bob"),
  };
  const [s0, s1, s2, s3] = d1.sentences.map((s) => s.id);
  const [t0, t1] = d2.sentences.map((s) => s.id);
  return {
    projectId,
    codes: { CON, CON1, CON2, COO, COO3, PLACE },
    d1,
    d2,
    units: { s0: s0!, s1: s1!, s2: s2!, s3: s3!, t0: t0!, t1: t1! },
    k,
  };
}
