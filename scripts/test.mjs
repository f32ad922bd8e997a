// `npm test`: every check — the TypeScript check and the linter first (fail fast), then domain
// and integration tests and real-browser tests on SQLite, then both again on PostgreSQL (a
// throwaway cluster, scripts/postgres.mjs). Installs the Debian packages the tests need
// (Chromium, a CJK font for PDF fixtures, PostgreSQL) when they are missing and we may.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureCli } from "./build-cli.mjs";
import { startThrowawayPostgres } from "./postgres.mjs";
import { ROOT, run } from "./lib.mjs";

const NEEDED = [
  { file: "/usr/bin/chromium", pkg: "chromium" },
  { file: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", pkg: "fonts-wqy-zenhei" },
  { file: "/usr/bin/xmllint", pkg: "libxml2-utils" }, // the REFI-QDA export tests validate against the XSD
];

function ensureSystemPackages() {
  const missing = NEEDED.filter((n) => !fs.existsSync(n.file)).map((n) => n.pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Missing Debian packages: ${missing.join(" ")} — install them with apt-get (as root) and rerun.`);
    process.exit(1);
  }
  console.log(`Installing Debian packages for the tests: ${missing.join(" ")}`);
  execSync("apt-get update -qq", { stdio: "inherit" });
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")}`, { stdio: "inherit" });
}

const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);

class StepFailed extends Error {}

/** Runs one step with its output shown; a failing step ends `npm test` with exit code 1. */
async function step(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  try {
    await run(cmd, args, { env: { ...process.env, ...env } });
  } catch {
    throw new StepFailed(`${label} failed (output above)`);
  }
}

process.env.NEXT_TELEMETRY_DISABLED = "1";
// Here the CJK font and ../shared/corpus are part of the run: tests that need them fail with the
// reason instead of skipping (a bare `vitest run` may skip them, with a "SKIPPED: …" line).
process.env.JUNCTURE_REQUIRE_FIXTURES = "1";
ensureSystemPackages();
await ensureCli(); // the CLI tests run the bundle users get
// Same commands as `npm run typecheck` and `npm run lint`.
try {
  await step("TypeScript (tsc --noEmit)", bin("tsc"), ["--noEmit"]);
  await step("ESLint (eslint . --max-warnings=0)", bin("eslint"), [".", "--max-warnings=0"]);
  await step("domain and integration tests on SQLite (vitest run)", bin("vitest"), ["run"]);
  await step("browser tests on SQLite", bin("vitest"), ["run", "--config", "vitest.browser.config.ts"]);
  // The same suite on PostgreSQL, the team server's database: a given server
  // (JUNCTURE_TEST_POSTGRES_URL), else a throwaway cluster started here.
  const given = process.env.JUNCTURE_TEST_POSTGRES_URL;
  const cluster = given ? null : await startThrowawayPostgres();
  const env = { JUNCTURE_TEST_POSTGRES_URL: given ?? cluster.url };
  try {
    await step("domain and integration tests on PostgreSQL", bin("vitest"), ["run"], env);
    await step("browser tests on PostgreSQL", bin("vitest"), ["run", "--config", "vitest.browser.config.ts"], env);
  } finally {
    cluster?.stop();
  }
} catch (e) {
  if (!(e instanceof StepFailed)) throw e;
  console.error(`\n✖ npm test stopped: ${e.message}.`);
  process.exit(1);
}
