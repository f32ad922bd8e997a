// `npm start`: database + demo project, production build if needed, then the server.
import path from "node:path";
import { ensureCli } from "./build-cli.mjs";
import { ROOT, ensureBuild, run } from "./lib.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
// The CLI bundle (dist/cli) normally comes from postinstall; rebuild it if missing or stale.
await ensureCli();
await run(process.execPath, [path.join(ROOT, "scripts", "setup.mjs")]);
ensureBuild();
const port = process.env.PORT ?? "3000";
console.log(`\nJuncture is starting on http://localhost:${port}  (数据库 database: ${process.env.DATABASE_URL ?? "data/juncture.db"})\n`);
await run(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", port]);
