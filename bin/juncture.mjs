#!/usr/bin/env node
// The CLI runs the same TypeScript domain code as the web app, loaded through tsx.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../lib/cli/main.ts");
process.exitCode = await main(process.argv);
