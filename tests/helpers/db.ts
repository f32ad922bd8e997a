import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeBulkConnections } from "../../lib/db/bulk";
import { createDb, type Db } from "../../lib/db/client";


export type TestDb = { db: Db; url: string; file: string; close: () => Promise<void> };

/** A fresh, migrated SQLite database in a temp folder, copied from the run's template. */
export async function createTestDb(): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-test-"));
  const file = path.join(dir, "test.db");
  const template = process.env.JUNCTURE_TEST_TEMPLATE;
  if (!template) throw new Error("tests/helpers/global-setup.ts did not run (JUNCTURE_TEST_TEMPLATE unset)");
  fs.copyFileSync(template, file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    file,
    close: async () => {
      await db.$disconnect();
      closeBulkConnections(url);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Path to the shared real corpus, or null when it is absent (tests then skip with a message). */
export function sharedCorpusDir(): string | null {
  const candidates = [
    process.env.JUNCTURE_CORPUS_DIR,
    path.resolve(__dirname, "..", "..", "..", "shared", "corpus", "raw"),
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) console.warn("shared corpus not found at ../shared/corpus/raw — corpus tests skipped");
  return found ?? null;
}
