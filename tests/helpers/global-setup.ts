import fs from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../lib/db/migrate";
import { onPostgres, postgresUrlFor } from "./db";
import { absence, cjkFont, requireFixtures, sharedCorpus } from "./external";

/**
 * Migrates one template database per test run (the real migrations, applied by the same
 * runner as the product); each test copies it, which is fast and isolated. Named per
 * process so that concurrent runs do not share a template. On PostgreSQL
 * (JUNCTURE_TEST_POSTGRES_URL) the template is a database of that server.
 */
export default async function setup() {
  // A PostgreSQL DATABASE_URL means a team server (login required); the suite's PostgreSQL run
  // tests the embedded workbench on it unless a test asks for server mode itself.
  process.env.JUNCTURE_MODE ??= "embedded";
  const admin = process.env.JUNCTURE_TEST_POSTGRES_URL;
  let dropTemplate: () => Promise<void>;
  if (admin) {
    const name = `juncture_tpl_${process.pid}`;
    await onPostgres(admin, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`);
    });
    await migrateDatabase(postgresUrlFor(admin, name));
    process.env.JUNCTURE_TEST_TEMPLATE = name;
    dropTemplate = () => onPostgres(admin, async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  } else {
    const dir = path.resolve(__dirname, "..", "..", ".test-tmp", String(process.pid));
    fs.mkdirSync(dir, { recursive: true });
    const template = path.join(dir, "template.db");
    fs.rmSync(template, { force: true });
    await migrateDatabase(`file:${template}`);
    process.env.JUNCTURE_TEST_TEMPLATE = template;
    dropTemplate = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  return async () => {
    await dropTemplate();
    // Printed after the run's own summary, so a skip for want of a fixture is seen.
    const missing = [cjkFont(), sharedCorpus()].filter((e) => !e.available);
    for (const e of missing) {
      console.warn(`${requireFixtures() ? "FAILED" : "SKIPPED"}: tests needing the ${absence(e)}`);
    }
  };
}
