import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../../lib/db/migrate";

/**
 * Global setup of the browser tests (vitest.browser.config.ts): a production
 * Next.js server on a fresh, migrated SQLite file.
 *
 *  1. `next build` when `.next/BUILD_ID` is missing or older than any source file
 *     under app/, components/, lib/ (or the build configuration);
 *  2. a new SQLite file in a temp folder, migrated with the committed migrations;
 *  3. `next start` on a free port with DATABASE_URL pointing at it;
 *  4. JUNCTURE_BASE_URL and JUNCTURE_TEST_DB_URL are set here, before the test
 *     workers start, so the workers inherit them.
 * The returned teardown stops the server (its whole process group) and removes the folder.
 */

const ROOT = path.resolve(__dirname, "..", "..");
const SOURCE_DIRS = ["app", "components", "lib"];
const CONFIG_FILES = ["next.config.js", "postcss.config.mjs", "tsconfig.json", "package.json"];
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");

function newestMtime(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of fs.readdirSync(p)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = Math.max(
    ...SOURCE_DIRS.map((d) => newestMtime(path.join(ROOT, d))),
    ...CONFIG_FILES.map((f) => newestMtime(path.join(ROOT, f))),
  );
  return sources > built;
}

function build(): void {
  console.log("[browser-tests] next build (sources changed since the last build)…");
  const res = spawnSync(NEXT_BIN, ["build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (res.status !== 0) throw new Error(`next build failed (exit ${res.status ?? res.signal})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, logFile: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited early (${child.exitCode ?? child.signalCode}); see ${logFile}:\n${readTail(logFile)}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer at ${url} within ${timeoutMs} ms; see ${logFile}:\n${readTail(logFile)}`);
}

function readTail(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").slice(-4000);
  } catch {
    return "(no log)";
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    const pid = child.pid;
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      // The server was started detached, in its own process group: stop all of it.
      process.kill(-pid, "SIGTERM");
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

export default async function setup() {
  if (buildIsStale()) build();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-browser-"));
  const dbUrl = `file:${path.join(dir, "browser.db")}`;
  migrateDatabase(dbUrl);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(dir, "next-start.log");
  const log = fs.openSync(logFile, "a");
  const child = spawn(NEXT_BIN, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbUrl, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", log, log],
    detached: true,
  });

  try {
    await waitUntilServing(`${baseUrl}/`, child, logFile);
  } catch (e) {
    await stop(child);
    fs.closeSync(log);
    throw e;
  }

  process.env.JUNCTURE_BASE_URL = baseUrl;
  process.env.JUNCTURE_TEST_DB_URL = dbUrl;
  process.env.JUNCTURE_SERVER_LOG = logFile;

  return async () => {
    await stop(child);
    fs.closeSync(log);
    if (process.env.JUNCTURE_KEEP_BROWSER_TMP !== "1") fs.rmSync(dir, { recursive: true, force: true });
  };
}
