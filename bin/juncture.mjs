#!/usr/bin/env node
// The CLI runs the same domain code as the web app: normally from the bundle that
// `npm install` / `npm run build` / `npm start` put in dist/cli (plain Node, starts in a
// fraction of a second), through tsx from the TypeScript sources when there is no bundle
// or a source changed after it was built (development), or when JUNCTURE_CLI_FROM_SOURCE=1.
import v8 from "node:v8";
import { cliBundleIsCurrent, loadCliBundle } from "../scripts/cli-bundle.mjs";

// Prisma compiles its query compiler (WebAssembly) in every process; V8's optimising tier
// would recompile it in the background and Node waits for that before exiting (~0.1 s
// per call). A CLI call is over long before the optimised code would pay off. Set before
// the bundle is compiled: V8's code cache is only valid under the same flags.
v8.setFlagsFromString("--liftoff-only");

let main;
let afterMain = () => {};
if (process.env.JUNCTURE_CLI_FROM_SOURCE !== "1" && cliBundleIsCurrent()) {
  ({ main, saveCodeCache: afterMain } = loadCliBundle());
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../lib/cli/main.ts"));
}
process.exitCode = await main(process.argv);
afterMain();
