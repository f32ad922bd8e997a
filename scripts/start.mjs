// `npm start`: database + demo project, production build if needed, then the server.
import path from "node:path";
import { ensureCli } from "./build-cli.mjs";
import { ROOT, ensureBuild, run } from "./lib.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT ?? "3000";
// The embedded default signs the browser in without a password, so it listens on loopback only;
// another address needs a team server (logins), as lib/auth/mode.ts decides the mode.
const mode = process.env.JUNCTURE_MODE?.trim().toLowerCase();
const server = mode === "server" || (mode !== "embedded" && /^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL?.trim() ?? ""));
const host = process.env.HOST?.trim() || "127.0.0.1";
if (!server && !["127.0.0.1", "localhost", "::1"].includes(host)) {
  console.error(`HOST=${host}: the embedded workbench has no login and listens on 127.0.0.1 only; set JUNCTURE_MODE=server (with accounts: juncture users add --admin) to serve a network.`);
  process.exit(2);
}
// The CLI bundle (dist/cli) normally comes from postinstall; rebuild it if missing or stale.
await ensureCli();
await run(process.execPath, [path.join(ROOT, "scripts", "setup.mjs")]);
ensureBuild();
console.log(`\nJuncture is starting on http://${host}:${port}  (数据库 database: ${process.env.DATABASE_URL ?? "data/juncture.db"}; ${server ? "team server: login required" : "embedded: no login"})\n`);
await run(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", port, "-H", host]);
