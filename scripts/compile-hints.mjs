// Marks the client chunks that pages run at start-up with V8's explicit compile hint
// (`//# allFunctionsCalledOnLoad`, Chromium 136+; other browsers read it as a comment).
//
// Why: Chromium caches a script's compiled code, but only the functions compiled while its
// top level ran. A bundler chunk's top level merely registers module factories; React,
// Next's router, Tiptap and the reader run later, so every page load compiled their
// functions again, lazily, on the main thread (~220 ms of a 600 ms reader open, profiled).
// With the hint, V8 compiles the whole chunk on the background thread that streams it, and
// the compiled functions go into the code cache for the next load.
//
// Only start-up chunks are marked (the root files and each route's entry files): a chunk
// loaded on demand (charts) keeps lazy compilation, as most of it may never run.
//
// Runs after `next build` (scripts/lib.mjs ensureBuild, `npm run build`); idempotent.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

function filesNamed(dir, name) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesNamed(full, name));
    else if (e.name === name) out.push(full);
  }
  return out;
}

/** The `static/chunks/…` files every page or one route loads at start-up, from the build's manifests. */
export function startupChunks(nextDir) {
  const build = JSON.parse(fs.readFileSync(path.join(nextDir, "build-manifest.json"), "utf8"));
  const files = new Set(build.rootMainFiles ?? []);
  const appDir = path.join(nextDir, "server", "app");
  if (fs.existsSync(appDir)) {
    for (const file of filesNamed(appDir, "page_client-reference-manifest.js")) {
      // The manifest is a script assigning globalThis.__RSC_MANIFEST[route]; run it in an empty context.
      const context = vm.createContext({});
      vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
      for (const route of Object.values(context.__RSC_MANIFEST ?? {})) {
        for (const chunks of Object.values(route.entryJSFiles ?? {})) for (const c of chunks) files.add(c);
      }
    }
  }
  return [...files].filter((f) => f.endsWith(".js"));
}

function startsWithHint(file) {
  const head = Buffer.alloc(COMPILE_HINT.length);
  const fd = fs.openSync(file, "r");
  try {
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.toString("utf8") === COMPILE_HINT;
  } finally {
    fs.closeSync(fd);
  }
}

/** Prepends the compile hint to each start-up chunk that lacks it; returns how many were marked. */
export function markStartupChunks(nextDir) {
  let marked = 0;
  for (const rel of startupChunks(nextDir)) {
    const file = path.join(nextDir, rel);
    if (!fs.existsSync(file)) throw new Error(`compile hints: ${rel} is listed in the build's manifests but missing from ${nextDir}`);
    // Every start checks an already marked build: read the chunk's first bytes, not the whole chunk.
    if (startsWithHint(file)) continue;
    fs.writeFileSync(file, COMPILE_HINT + fs.readFileSync(file, "utf8"));
    marked++;
  }
  return marked;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const nextDir = path.resolve(process.argv[2] ?? ".next");
  console.log(`compile hints: ${markStartupChunks(nextDir)} start-up chunks marked in ${nextDir}`);
}
