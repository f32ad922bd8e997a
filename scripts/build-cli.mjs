// Bundles the CLI (lib/cli/main.ts and the domain code it reaches) into dist/cli/ with
// esbuild, so `juncture` starts on plain Node instead of transpiling TypeScript through
// tsx on every call. npm packages stay external (loaded from node_modules); code
// splitting keeps modules reached only through dynamic import() — the import pipeline
// with jieba, the DOCX/PDF/HTML extractors, search — in chunks loaded when a command
// needs them. Runs at postinstall (after prisma generate), in `npm run build` and, when
// the bundle is missing or stale, from `npm start`.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CLI_OUT_DIR, cliBundleIsCurrent } from "./cli-bundle.mjs";
import { ROOT } from "./lib.mjs";

export async function buildCli() {
  const esbuild = await import("esbuild");
  const tmp = `${CLI_OUT_DIR}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(ROOT, "lib", "cli", "main.ts")],
    outdir: tmp,
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
    tsconfig: path.join(ROOT, "tsconfig.json"),
  });
  // Modules that find files next to themselves (import.meta.url) find them here too:
  // dist/cli is two folders below the root like lib/<context>, and the demo texts come along.
  fs.cpSync(path.join(ROOT, "lib", "corpus", "demo-texts"), path.join(tmp, "demo-texts"), { recursive: true });
  // Swap in whole, so a CLI call running meanwhile never sees half a bundle.
  fs.rmSync(CLI_OUT_DIR, { recursive: true, force: true });
  fs.renameSync(tmp, CLI_OUT_DIR);
}

/** Builds the bundle unless a current one exists. */
export async function ensureCli() {
  if (cliBundleIsCurrent()) return;
  console.log("bundling the CLI (sources changed since the last bundle)…");
  await buildCli();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await buildCli();
  console.log(`CLI bundled into ${path.relative(ROOT, CLI_OUT_DIR)}/`);
}
