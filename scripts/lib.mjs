// Helpers shared by the start and test scripts, the browser-test set-up and the
// benchmarks (plain Node, no TypeScript needed).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { markStartupChunks } from "./compile-hints.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");

export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", ...opts });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
  });
}

/** Newest modification time under a path; a folder's own mtime counts (a deleted file changes it). */
function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === "node_modules" || entry === "generated" || entry === "generated-pg" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

const SOURCES = ["app", "components", "lib", "messages", "i18n", "prisma", "proxy.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package.json"];

/** True when there is no production build or a source changed after it was made. */
export function buildIsStale() {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s)))) > built;
}

/**
 * Builds the Next.js app unless an up-to-date build exists, and marks its start-up chunks
 * with the compile hint (scripts/compile-hints.mjs; a no-op on a build already marked).
 */
export function ensureBuild() {
  if (buildIsStale()) nextBuild();
  markStartupChunks(path.join(ROOT, ".next"));
}

function nextBuild() {
  console.log("next build (sources changed since the last build)…");
  const res = spawnSync(NEXT_BIN, ["build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (res.status !== 0) throw new Error(`next build failed (exit ${res.status ?? res.signal})`);
}
