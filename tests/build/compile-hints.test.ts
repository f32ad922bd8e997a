import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// Plain ESM build script (no types of its own).
import { COMPILE_HINT, markStartupChunks, startupChunks } from "../../scripts/compile-hints.mjs";

let dir = "";
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A build folder in the shape `next build` leaves: root files, one route's entry files, an on-demand chunk. */
function fakeBuild(): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-hints-"));
  const chunks = path.join(dir, "static", "chunks");
  fs.mkdirSync(chunks, { recursive: true });
  for (const name of ["root.js", "reader.js", "charts.js", "shared.js"]) fs.writeFileSync(path.join(chunks, name), `(()=>{/* ${name} */})();`);
  fs.writeFileSync(path.join(chunks, "site.css"), "p{}");
  fs.writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/root.js"] }));
  const route = path.join(dir, "server", "app", "documents", "[id]");
  fs.mkdirSync(route, { recursive: true });
  const manifest = {
    clientModules: { chart: { chunks: ["static/chunks/charts.js"] } },
    entryJSFiles: { "[project]/app/layout": ["static/chunks/shared.js"], "[project]/app/documents/[id]/page": ["static/chunks/shared.js", "static/chunks/reader.js", "static/chunks/site.css"] },
  };
  fs.writeFileSync(
    path.join(route, "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/documents/[id]/page"] = ${JSON.stringify(manifest)};`,
  );
  return dir;
}

const read = (name: string) => fs.readFileSync(path.join(dir, "static", "chunks", name), "utf8");

describe("compile hints on start-up chunks", () => {
  it("lists the root files and every route's entry scripts, not chunks loaded on demand or styles", () => {
    expect(startupChunks(fakeBuild()).sort()).toEqual(["static/chunks/reader.js", "static/chunks/root.js", "static/chunks/shared.js"]);
  });

  it("prepends the hint once, leaving the code after it unchanged", () => {
    const next = fakeBuild();
    expect(markStartupChunks(next)).toBe(3);
    expect(read("reader.js")).toBe(`${COMPILE_HINT}(()=>{/* reader.js */})();`);
    expect(read("root.js").startsWith("//# allFunctionsCalledOnLoad\n")).toBe(true);
    expect(read("charts.js")).toBe("(()=>{/* charts.js */})();");
    // A second run (ensureBuild on every start) marks nothing again.
    expect(markStartupChunks(next)).toBe(0);
    expect(read("reader.js").split(COMPILE_HINT)).toHaveLength(2);
  });

  it("refuses a build whose manifest names a chunk that is not there", () => {
    const next = fakeBuild();
    fs.rmSync(path.join(next, "static", "chunks", "reader.js"));
    expect(() => markStartupChunks(next)).toThrow("compile hints: static/chunks/reader.js is listed in the build's manifests but missing from");
  });
});
