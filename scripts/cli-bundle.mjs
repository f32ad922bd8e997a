// Where the prebuilt CLI lives and whether it is current. Shared by bin/juncture.mjs
// (on every call, so plain Node and a few stat calls only) and scripts/build-cli.mjs.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_OUT_DIR = path.join(ROOT, "dist", "cli");
export const CLI_BUNDLE = path.join(CLI_OUT_DIR, "main.js");

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
