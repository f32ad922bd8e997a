import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeBulkConnections } from "../../lib/db/bulk";
import { createDb, type Db } from "../../lib/db/client";
import { absence, requireFixtures, sharedCorpus } from "./external";

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

/**
 * Path to the shared real corpus, or null when it is absent and tests may skip. Under `npm test`
 * (JUNCTURE_REQUIRE_FIXTURES=1) an absent corpus throws with the reason instead.
 */
export function sharedCorpusDir(): string | null {
  const corpus = sharedCorpus();
  if (corpus.available) return corpus.location;
  if (requireFixtures()) throw new Error(`${absence(corpus)}; npm test requires it (JUNCTURE_REQUIRE_FIXTURES=1)`);
  console.warn(`SKIPPED: ${absence(corpus)} — shared-corpus tests`);
  return null;
}
