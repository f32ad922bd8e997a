import path from "node:path";
import { defineConfig } from "vitest/config";

// Real-browser tests: a production Next.js server on a scratch SQLite file, driven
// by Debian's Chromium through playwright-core. Run one file at a time (2 cores).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts", "tests/browser/server-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: "forks",
  },
});
