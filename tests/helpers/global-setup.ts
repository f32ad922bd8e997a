import fs from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../lib/db/migrate";
import { absence, cjkFont, requireFixtures, sharedCorpus } from "./external";

/**
 * Migrates one template database per test run (prisma migrate deploy, the real
 * migrations); each test copies it, which is fast and isolated. The path is per
 * process so that concurrent runs do not share a template.
 */
export default function setup() {
  const dir = path.resolve(__dirname, "..", "..", ".test-tmp", String(process.pid));
  fs.mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  fs.rmSync(template, { force: true });
  migrateDatabase(`file:${template}`);
  process.env.JUNCTURE_TEST_TEMPLATE = template;
  return () => {
    fs.rmSync(dir, { recursive: true, force: true });
    // Printed after the run's own summary, so a skip for want of a fixture is seen.
    const missing = [cjkFont(), sharedCorpus()].filter((e) => !e.available);
    for (const e of missing) {
      console.warn(`${requireFixtures() ? "FAILED" : "SKIPPED"}: tests needing the ${absence(e)}`);
    }
  };
}
