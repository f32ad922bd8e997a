// `npm start`: database + demo project, production build if needed, then the server.
// Listens on 127.0.0.1 unless a team server asks for another address (lib/server/listen-host.mjs).
import path from "node:path";
import { listenHost, requestedHostOf } from "../lib/server/listen-host.mjs";
import { ensureCli } from "./build-cli.mjs";
import { ROOT, ensureBuild, run } from "./lib.mjs";

const bind = listenHost({
  requestedHost: requestedHostOf(process.argv.slice(2), process.env.HOST),
  mode: process.env.JUNCTURE_MODE,
  databaseUrl: process.env.DATABASE_URL,
});
if (!bind.ok) {
  console.error(`${bind.reason.en}\n${bind.reason.zh}`);
  process.exit(1);
}

process.env.NEXT_TELEMETRY_DISABLED = "1";
// The CLI bundle (dist/cli) normally comes from postinstall; rebuild it if missing or stale.
await ensureCli();
await run(process.execPath, [path.join(ROOT, "scripts", "setup.mjs")]);
ensureBuild();
const port = process.env.PORT ?? "3000";
const shown = bind.host.includes(":") && !bind.host.startsWith("[") ? `[${bind.host}]` : bind.host;
console.log(`\nJuncture is starting on http://${shown}:${port}  (数据库 database: ${process.env.DATABASE_URL ?? "data/juncture.db"})\n`);
await run(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", port, "-H", bind.host]);
