import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../../lib/db/migrate";
import { onPostgres, postgresUrlFor } from "../helpers/db";
import { startNextServer } from "./next-server";

/**
 * Global setup of the browser tests (vitest.browser.config.ts): a production Next.js server
 * on a fresh database migrated with the committed migrations — a SQLite file, or a database
 * on the PostgreSQL server named by JUNCTURE_TEST_POSTGRES_URL. JUNCTURE_BASE_URL and
 * JUNCTURE_TEST_DB_URL are set here, before the test workers start, so the workers inherit
 * them. The teardown stops the server and removes the folder and database (kept with
 * JUNCTURE_KEEP_BROWSER_TMP=1, with the server log).
 */
export default async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-browser-"));
  const admin = process.env.JUNCTURE_TEST_POSTGRES_URL;
  const pgName = `juncture_browser_${process.pid}`;
  let dbUrl = `file:${path.join(dir, "browser.db")}`;
  if (admin) {
    await onPostgres(admin, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${pgName}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${pgName}"`);
    });
    dbUrl = postgresUrlFor(admin, pgName);
  }
  await migrateDatabase(dbUrl);
  const server = await startNextServer({ dbUrl, logDir: dir });

  process.env.JUNCTURE_BASE_URL = server.baseUrl;
  process.env.JUNCTURE_TEST_DB_URL = dbUrl;
  process.env.JUNCTURE_SERVER_LOG = server.logFile;

  return async () => {
    await server.stop();
    const keep = process.env.JUNCTURE_KEEP_BROWSER_TMP === "1";
    if (admin && !keep) await onPostgres(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${pgName}" WITH (FORCE)`));
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  };
}
