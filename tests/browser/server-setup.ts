import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../../lib/db/migrate";
import { startNextServer } from "./next-server";

/**
 * Global setup of the browser tests (vitest.browser.config.ts): a production
 * Next.js server on a fresh SQLite file migrated with the committed migrations.
 * JUNCTURE_BASE_URL and JUNCTURE_TEST_DB_URL are set here, before the test workers
 * start, so the workers inherit them. The teardown stops the server and removes
 * the folder (kept with JUNCTURE_KEEP_BROWSER_TMP=1, with the server log).
 */
export default async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-browser-"));
  const dbUrl = `file:${path.join(dir, "browser.db")}`;
  migrateDatabase(dbUrl);
  const server = await startNextServer({ dbUrl, logDir: dir });

  process.env.JUNCTURE_BASE_URL = server.baseUrl;
  process.env.JUNCTURE_TEST_DB_URL = dbUrl;
  process.env.JUNCTURE_SERVER_LOG = server.logFile;

  return async () => {
    await server.stop();
    if (process.env.JUNCTURE_KEEP_BROWSER_TMP !== "1") fs.rmSync(dir, { recursive: true, force: true });
  };
}
