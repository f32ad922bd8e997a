#!/usr/bin/env node
// The CLI runs the same domain code as the web app: normally from the bundle that
// `npm install` / `npm run build` / `npm start` put in dist/cli (plain Node, starts in a
// fraction of a second), through tsx from the TypeScript sources when there is no bundle
// or a source changed after it was built (development), or when JUNCTURE_CLI_FROM_SOURCE=1.
import { pathToFileURL } from "node:url";
import { CLI_BUNDLE, cliBundleIsCurrent } from "../scripts/cli-bundle.mjs";

let main;
if (process.env.JUNCTURE_CLI_FROM_SOURCE !== "1" && cliBundleIsCurrent()) {
  ({ main } = await import(pathToFileURL(CLI_BUNDLE).href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../lib/cli/main.ts"));
}
process.exitCode = await main(process.argv);
