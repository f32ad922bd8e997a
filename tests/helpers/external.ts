/**
 * Fixtures that live outside the repository: the CJK font the PDF fixtures are drawn in, and the
 * shared corpus of real government texts (../shared beside the clone). `npm test` sets
 * JUNCTURE_REQUIRE_FIXTURES=1 (CI always has both), so a missing one FAILS the tests that need it,
 * with the reason. A bare `vitest run` skips them instead, under a "SKIPPED: …" suite name
 * (`describeWith` in describe-with.ts), and the run ends with a summary line (global-setup.ts),
 * so the skip is not silent.
 */
import fs from "node:fs";
import path from "node:path";

export type External = { name: string; location: string; available: boolean; hint: string };

export const requireFixtures = () => process.env.JUNCTURE_REQUIRE_FIXTURES === "1";

export const CJK_FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

export function cjkFont(): External {
  return {
    name: "CJK font",
    location: CJK_FONT_FILE,
    available: fs.existsSync(CJK_FONT_FILE),
    hint: "install the Debian package fonts-wqy-zenhei (npm test installs it when run as root)",
  };
}

export function sharedCorpus(): External {
  const location = process.env.JUNCTURE_CORPUS_DIR ?? path.resolve(__dirname, "..", "..", "..", "shared", "corpus", "raw");
  return {
    name: "shared corpus",
    location,
    available: fs.existsSync(location),
    hint: "put ../shared beside the clone or set JUNCTURE_CORPUS_DIR",
  };
}

export const absence = (e: External) => `${e.name} absent at ${e.location} (${e.hint})`;
