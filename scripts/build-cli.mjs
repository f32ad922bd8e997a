// Bundles the CLI (lib/cli/main.ts and the domain code it reaches) into one CommonJS file,
// dist/cli/main.cjs, so `juncture` starts on plain Node instead of transpiling TypeScript
// through tsx on every call. CommonJS because bin/juncture.mjs compiles it through
// vm.Script with V8's code cache (Node 20 has no code cache for ES modules): parsing and
// compiling ~2 MB of JavaScript was a quarter of every start. Modules reached through
// import() (the import pipeline with jieba, the DOCX/PDF/HTML extractors, …) stay
// uninitialised until a command needs them. The packages every call loads (commander, zod,
// Prisma's runtime and SQLite adapter, csv, re2js) go into the bundle, under the same code
// cache; the others (native, or used by one command) are required from node_modules. Runs at
// postinstall (after prisma generate), in `npm run build` and, when the bundle is missing
// or stale, from `npm start`.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CLI_BUNDLE, CLI_OUT_DIR, cliBundleIsCurrent } from "./cli-bundle.mjs";
import { ROOT } from "./lib.mjs";

/** Packages loaded by every CLI call; all others (native, or loaded by one command) stay in node_modules. */
const STARTUP_PACKAGES = new Set([
  "commander",
  "zod",
  "@prisma/client",
  "@prisma/adapter-better-sqlite3",
  "@prisma/driver-adapter-utils",
  "@prisma/debug",
  "csv-parse",
  "csv-stringify",
  "re2js",
]);

const packageOf = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

const inlineStartupPackages = {
  name: "inline-startup-packages",
  setup(build) {
    // Bare specifiers only: relative paths and the tsconfig's `@/` alias resolve as usual.
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { external: true };
      if (args.path.startsWith("@/")) return null;
      return STARTUP_PACKAGES.has(packageOf(args.path)) ? null : { external: true };
    });
  },
};

/** Prisma's query compilers, shipped as base64 text inside a JS module; the bundle reads them as .wasm files instead. */
const QUERY_COMPILERS = ["sqlite", "postgresql"].map((flavour) => `query_compiler_bg.${flavour}`);
const QUERY_COMPILER = new RegExp(`^@prisma/client/runtime/(${QUERY_COMPILERS.join("|").replaceAll(".", "\\.")})\\.wasm-base64\\.mjs$`);

const queryCompilerAsFile = {
  name: "query-compiler-as-file",
  setup(build) {
    build.onResolve({ filter: QUERY_COMPILER }, (args) => ({
      path: QUERY_COMPILER.exec(args.path)[1],
      namespace: "query-compiler",
    }));
    // Parsing 2.5 MB of base64 source and decoding it cost ~50 ms (and garbage) on every
    // call. Prisma's loader hands `wasm` to Buffer.from(wasm, "base64"), which copies bytes
    // given as a Buffer unchanged.
    build.onLoad({ filter: /.*/, namespace: "query-compiler" }, (args) => ({
      contents: `import fs from "node:fs";\nexport const wasm = fs.readFileSync(new URL("./${args.path}.wasm", import.meta.url));\n`,
      loader: "js",
    }));
  },
};

/**
 * zod's namespace object `z` re-exports its error messages in 40-odd languages (370 kB of
 * source to read and parse per call); Juncture writes its own messages, so the bundle
 * keeps English, zod's default, only.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`)
        ? { path: path.join(path.dirname(args.importer), "..", "locales", "index.js"), namespace: "zod-locales" }
        : null,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: path.dirname(args.path),
      loader: "js",
    }));
  },
};

/** Writes the query compilers' bytes next to the bundle's chunks, where queryCompilerAsFile looks. */
async function writeQueryCompilers(outDir) {
  for (const name of QUERY_COMPILERS) {
    const { wasm } = await import(`@prisma/client/runtime/${name}.wasm-base64.mjs`);
    fs.writeFileSync(path.join(outDir, `${name}.wasm`), Buffer.from(wasm, "base64"));
  }
}

export async function buildCli() {
  const esbuild = await import("esbuild");
  const tmp = `${CLI_OUT_DIR}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(ROOT, "lib", "cli", "main.ts")],
    outfile: path.join(tmp, path.basename(CLI_BUNDLE)),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // import() of a package becomes require() (Node 20.19+ requires ES modules too): code
    // deserialised from V8's cache cannot call back into Node's loader for import().
    supported: { "dynamic-import": false },
    // Modules that find files next to themselves keep doing so from the bundle.
    define: { "import.meta.url": "__junctureModuleUrl" },
    banner: { js: 'const __junctureModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [queryCompilerAsFile, zodEnglishOnly, inlineStartupPackages],
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: "linked",
    logLevel: "warning",
    tsconfig: path.join(ROOT, "tsconfig.json"),
  });
  await writeQueryCompilers(tmp);
  // lib/corpus/demo.ts finds its texts next to itself: dist/cli is two folders below the
  // root like lib/corpus, and the texts come along.
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
