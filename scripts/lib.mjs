// Helpers shared by the start and test scripts (plain Node, no TypeScript needed).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", ...opts });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
  });
}

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "generated" || e.name === "node_modules") continue;
    const full = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the Next.js app unless an up-to-date build exists. */
export async function ensureBuild() {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  const sources = Math.max(
    ...["app", "components", "lib", "prisma"].map((d) => newestMtime(path.join(ROOT, d))),
    ...["next.config.js", "package.json", "postcss.config.mjs"].map((f) =>
      fs.existsSync(path.join(ROOT, f)) ? fs.statSync(path.join(ROOT, f)).mtimeMs : 0,
    ),
  );
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > sources) return;
  await run(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}
