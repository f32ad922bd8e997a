import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
// Plain ESM helper shared with the npm scripts (start, test).
import { ensureBuild, ROOT } from "../../scripts/lib.mjs";

/**
 * A production Next.js server (`next start`) on a free loopback port and a given
 * database, for the real-browser tests and the reader benchmark. Builds first when
 * the build is missing or older than the sources.
 */

const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");

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


export type NextServer = { baseUrl: string; logFile: string; stop: () => Promise<void> };

/** `env` adds to the server's environment, e.g. `{ JUNCTURE_MODE: "server" }` for a team server with logins. */
export async function startNextServer(opts: { dbUrl: string; logDir: string; env?: Record<string, string> }): Promise<NextServer> {
  ensureBuild();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(opts.logDir, "next-start.log");
  const log = fs.openSync(logFile, "a");
  const child = spawn(NEXT_BIN, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: opts.dbUrl, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...opts.env },
    stdio: ["ignore", log, log],
    // Its own process group, so that stop() ends next-server's children too.
    detached: true,
  });
  try {
    await waitUntilServing(`${baseUrl}/`, child, logFile);
  } catch (e) {
    await stop(child);
    fs.closeSync(log);
    throw e;
  }
  return {
    baseUrl,
    logFile,
    stop: async () => {
      await stop(child);
      fs.closeSync(log);
    },
  };
}
