import fs from "node:fs";
import path from "node:path";
import type { Db } from "../lib/db/client";
import { exportBytes, exportProject } from "../lib/exchange";
import { importQdpx } from "../lib/exchange/import-qdpx";
import { ms, type Figure } from "./util";

/**
 * Time and memory of `fn`: the peak of live memory (V8 heap + external + array buffers) above
 * its level at the start, sampled every 10 ms and at the end, after a GC when --expose-gc is on;
 * and the process's peak RSS. Live memory is compared with the floor: RSS does not shrink
 * after a phase, so a later phase reuses pages an earlier one grew and shows no RSS increase.
 */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; liveMb: number; rssMb: number }> {
  global.gc?.();
  const live = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external + m.arrayBuffers;
  };
  const base = live();
  let peak = base;
  let rss = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, live());
    rss = Math.max(rss, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 10);
  const t = process.hrtime.bigint();
  try {
    const value = await fn();
    sample();
    return { value, ms: ms(t), liveMb: (peak - base) / 2 ** 20, rssMb: rss / 2 ** 20 };
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
  const exported = await measured(async () => exportBytes(await exportProject(db, { projectId, format: "qdpx" })));
  const bytes = exported.value;
  const jsonFile = path.join(dir, "floor.json");
  const exportFloor = await measured(async () => {
    const documents = await db.document.findMany({ where: { projectId }, select: { id: true, title: true, plainText: true } });
    const codings = await db.coding.findMany({ where: { projectId }, select: { id: true, documentId: true, codeId: true, coderId: true, start: true, end: true, quote: true, comment: true } });
    fs.writeFileSync(jsonFile, JSON.stringify({ documents, codings }));
    return codings.length;
  });

  const imported = await measured(() => importQdpx(db, { bytes, projectName: "bench-qdpx-reimport" }));
  const r = imported.value;

  // The same rows the import wrote, copied from it before timing, written bare into a new project.
  const docs = await db.document.findMany({
    where: { projectId: r.projectId },
    select: { id: true, title: true, region: true, year: true, docType: true, format: true, sha256: true, plainText: true, charCount: true },
  });
  const units = await db.unit.findMany({ where: { document: { projectId: r.projectId } }, select: { documentId: true, kind: true, ordinal: true, paragraph: true, start: true, end: true, tokens: true } });
  const codings = await db.coding.findMany({ where: { projectId: r.projectId }, select: { documentId: true, codeId: true, coderId: true, start: true, end: true, quote: true, prefix: true, suffix: true, comment: true } });
  const floorProject = await db.project.create({ data: { name: "bench-qdpx-floor" } });
  const importFloor = await measured(() =>
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
    { name: "export, peak live memory above start", value: `${mb(exported.liveMb)} (process peak RSS ${mb(exported.rssMb)})`, floor: mb(exportFloor.liveMb), ratio: exported.liveMb / Math.max(1, exportFloor.liveMb) },
    { name: "import into a new project", value: s(imported.ms), floor: `${s(importFloor.ms)} bare createMany of the same rows`, ratio: imported.ms / importFloor.ms },
    { name: "import, peak live memory above start", value: `${mb(imported.liveMb)} (process peak RSS ${mb(imported.rssMb)})`, floor: mb(importFloor.liveMb), ratio: imported.liveMb / Math.max(1, importFloor.liveMb) },
    { name: "offsets read as", value: `${r.offsets.convention}; ${r.notes.length} notes` },
  ];
}
