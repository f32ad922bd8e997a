import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { closeBulkConnections } from "../lib/db/bulk";
import { createDb, type Db } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";

export const CORPUS_DIR = process.env.JUNCTURE_CORPUS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "shared", "corpus", "raw");

export function corpusFiles(exts: string[]): string[] {
  if (!fs.existsSync(CORPUS_DIR)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (exts.includes(path.extname(e.name).toLowerCase())) out.push(full);
    }
  };
  walk(CORPUS_DIR);
  return out;
}

/** A fresh migrated SQLite database in a temp folder. */
export async function scratchDb(name: string): Promise<{ db: Db; url: string; dir: string; dispose: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `juncture-bench-${name}-`));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrateDatabase(url);
  const db = createDb(url);
  return {
    db,
    url,
    dir,
    dispose: async () => {
      await db.$disconnect();
      await closeBulkConnections(url);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function ms(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e6;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!; // clamped to 0 … length - 1 above
}

export type Figure = { name: string; value: string; floor?: string; ratio?: number; target?: string };

export function printFigures(section: string, figures: Figure[]) {
  console.log(`\n## ${section}`);
  for (const f of figures) {
    const parts = [`${f.name}: ${f.value}`];
    if (f.floor) parts.push(`floor ${f.floor}`);
    if (f.ratio !== undefined) parts.push(`ratio ${f.ratio.toFixed(2)}`);
    if (f.target) parts.push(`target ${f.target}`);
    console.log(`- ${parts.join(" · ")}`);
  }
}
