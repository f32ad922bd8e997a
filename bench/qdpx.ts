import fs from "node:fs";
import path from "node:path";
import type { Db } from "../lib/db/client";
import { exportBytes, exportProject } from "../lib/exchange";
import { importQdpx } from "../lib/exchange/import-qdpx";
import { ms, type Figure } from "./util";

/** Peak resident set size while `fn` runs, sampled every 10 ms (and at both ends), above the RSS at its start. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number; deltaMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 10);
  const t = process.hrtime.bigint();
  try {
    const value = await fn();
    sample();
    return { value, ms: ms(t), peakMb: peak / 2 ** 20, deltaMb: (peak - base) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

const CHUNK = 1000;

/**
 * Export of the 1,000,000-character / 100,000-coding project as QDPX and its re-import into a
 * new project, each with its peak memory. Floors, in the same run: for the export, reading the
 * same documents' texts and codings and writing them as one plain JSON file; for the import,
 * the bare writes of the same rows (documents, units, codings) with createMany in one
 * transaction, without reading, mapping or tokenising anything.
 */
export async function benchQdpx(db: Db, dir: string, projectId: string): Promise<Figure[]> {
  const exported = await withPeakRss(async () => exportBytes(await exportProject(db, { projectId, format: "qdpx" })));
  const bytes = exported.value;
  const jsonFile = path.join(dir, "floor.json");
  const exportFloor = await withPeakRss(async () => {
    const documents = await db.document.findMany({ where: { projectId }, select: { id: true, title: true, plainText: true } });
    const codings = await db.coding.findMany({ where: { projectId }, select: { id: true, documentId: true, codeId: true, coderId: true, start: true, end: true, quote: true, comment: true } });
    fs.writeFileSync(jsonFile, JSON.stringify({ documents, codings }));
    return codings.length;
  });

  const imported = await withPeakRss(() => importQdpx(db, { bytes, projectName: "bench-qdpx-reimport" }));
  const r = imported.value;

  // The same rows the import wrote, copied from it before timing, written bare into a new project.
  const docs = await db.document.findMany({
    where: { projectId: r.projectId },
    select: { id: true, title: true, region: true, year: true, docType: true, format: true, sha256: true, plainText: true, charCount: true },
  });
  const units = await db.unit.findMany({ where: { document: { projectId: r.projectId } }, select: { documentId: true, kind: true, ordinal: true, paragraph: true, start: true, end: true, tokens: true } });
  const codings = await db.coding.findMany({ where: { projectId: r.projectId }, select: { documentId: true, codeId: true, coderId: true, start: true, end: true, quote: true, prefix: true, suffix: true, comment: true } });
  const floorProject = await db.project.create({ data: { name: "bench-qdpx-floor" } });
  const importFloor = await withPeakRss(() =>
    db.$transaction(
      async (tx) => {
        const docId = new Map<string, string>();
        for (const d of docs) {
          const { id, ...rest } = d;
          docId.set(id, (await tx.document.create({ data: { ...rest, projectId: floorProject.id }, select: { id: true } })).id);
        }
        const unitRows = units.map((u) => ({ ...u, documentId: docId.get(u.documentId)! }));
        for (let i = 0; i < unitRows.length; i += CHUNK) await tx.unit.createMany({ data: unitRows.slice(i, i + CHUNK) });
        const codingRows = codings.map((c) => ({ ...c, projectId: floorProject.id, documentId: docId.get(c.documentId)! }));
        for (let i = 0; i < codingRows.length; i += CHUNK) await tx.coding.createMany({ data: codingRows.slice(i, i + CHUNK) });
      },
      { timeout: 600_000 },
    ),
  );

  const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
  const mb = (x: number) => `${x.toFixed(0)} MB`;
  return [
    { name: "archive", value: `${(bytes.length / 2 ** 20).toFixed(1)} MB, ${r.imported.documents} documents, ${r.imported.codings.toLocaleString("en")} codings (${exportFloor.value.toLocaleString("en")} exported)` },
    { name: "export as QDPX", value: s(exported.ms), floor: `${s(exportFloor.ms)} plain JSON file of the same texts and codings`, ratio: exported.ms / exportFloor.ms },
    { name: "export, peak RSS above start", value: `${mb(exported.deltaMb)} (peak ${mb(exported.peakMb)})`, floor: mb(exportFloor.deltaMb), ratio: exported.deltaMb / Math.max(1, exportFloor.deltaMb) },
    { name: "import into a new project", value: s(imported.ms), floor: `${s(importFloor.ms)} bare createMany of the same rows`, ratio: imported.ms / importFloor.ms },
    { name: "import, peak RSS above start", value: `${mb(imported.deltaMb)} (peak ${mb(imported.peakMb)})`, floor: mb(importFloor.deltaMb), ratio: imported.deltaMb / Math.max(1, importFloor.deltaMb) },
    { name: "offsets read as", value: `${r.offsets.convention}; ${r.notes.length} notes` },
  ];
}
