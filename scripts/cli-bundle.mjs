// Where the prebuilt CLI lives, whether it is current, and how it is loaded. Shared by
// bin/juncture.mjs (on every call, so plain Node and a few stat calls only) and
// scripts/build-cli.mjs.
import fs from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_OUT_DIR = path.join(ROOT, "dist", "cli");
export const CLI_BUNDLE = path.join(CLI_OUT_DIR, "main.cjs");
/** V8's compiled code for the bundle, written by the first call after a build. */
const CODE_CACHE = `${CLI_BUNDLE}.v8cache`;

/** What the bundle is made from: the domain code (Prisma's generated client included) and the build settings. */
const SOURCES = ["lib", "package.json", "tsconfig.json"].map((p) => path.join(ROOT, p));

/** Newest modification time under a path; a folder's own mtime counts (a deleted file changes it). */
function newestMtime(p) {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when the bundle exists and no source changed after it was built. */
export function cliBundleIsCurrent() {
  const built = fs.statSync(CLI_BUNDLE, { throwIfNoEntry: false });
  return built !== undefined && SOURCES.every((s) => newestMtime(s) <= built.mtimeMs);
}

/**
 * Loads the bundle through vm.Script with V8's code cache, so a call deserialises compiled
 * code instead of parsing the whole bundle. Returns the CLI's `main` and `saveCodeCache`,
 * which writes the cache when there was none or V8 rejected it (another Node or V8 flags);
 * called after the command, the cache also holds the functions the command compiled.
 */
export function loadCliBundle() {
  const source = fs.readFileSync(CLI_BUNDLE, "utf8");
  let cachedData;
  try {
    cachedData = fs.readFileSync(CODE_CACHE);
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
  const script = new vm.Script(Module.wrap(source), { filename: CLI_BUNDLE, cachedData });
  const cjsModule = { exports: {} };
  script.runInThisContext().call(cjsModule.exports, cjsModule.exports, createRequire(CLI_BUNDLE), cjsModule, CLI_BUNDLE, CLI_OUT_DIR);
  const saveCodeCache = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    // Written aside and renamed, so a parallel call never reads half a cache; a read-only
    // install simply runs without one.
    const tmp = `${CODE_CACHE}.${process.pid}`;
    try {
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, CODE_CACHE);
    } catch {
      fs.rmSync(tmp, { force: true });
    }
  };
  return { main: cjsModule.exports.main, saveCodeCache };
}
