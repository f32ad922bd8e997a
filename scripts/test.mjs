// `npm test`: every test — domain and integration tests, then real-browser tests.
// Installs the Debian packages the tests need (Chromium, a CJK font for PDF
// fixtures, xmllint) when they are missing and we may install them.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureCli } from "./build-cli.mjs";
import { ROOT, run } from "./lib.mjs";

const NEEDED = [
  { file: "/usr/bin/chromium", pkg: "chromium" },
  { file: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", pkg: "fonts-wqy-zenhei" },
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

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureSystemPackages();
await ensureCli(); // the CLI tests run the bundle users get
const vitest = path.join(ROOT, "node_modules", ".bin", "vitest");
await run(vitest, ["run"]);
await run(vitest, ["run", "--config", "vitest.browser.config.ts"]);
