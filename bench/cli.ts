import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureCli } from "../scripts/build-cli.mjs";
import { quantile, type Figure } from "./util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "bin", "juncture.mjs");
const SPAWNS = 15;

function timedSpawn(args: string[], env: NodeJS.ProcessEnv): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const elapsed = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited with ${r.status}: ${r.stderr.toString()}`);
  return elapsed;
}

/**
 * Cold start of the CLI as a script sees it: a new process per call of
 * `juncture projects --json` on an already migrated database (median of several
 * spawns), against `node -e 0`, the cost of starting Node at all. Spawns alternate so
 * that load from other processes hits both alike. The bundle is built first if it is
 * missing or stale, as `npm install` would have done.
 */
export async function benchCli(url: string): Promise<Figure[]> {
  await ensureCli();
  const env = { ...process.env, DATABASE_URL: url };
  timedSpawn([BIN, "projects", "--json"], env); // migrates the scratch database if needed
  const projects: number[] = [];
  const help: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    projects.push(timedSpawn([BIN, "projects", "--json"], env));
    help.push(timedSpawn([BIN, "--help"], env));
    floor.push(timedSpawn(["-e", "0"], env));
  }
  const med = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  return [
    {
      name: `juncture projects --json, cold start (median of ${SPAWNS})`,
      value: s(med(projects)),
      floor: `${s(med(floor))} node -e 0`,
      ratio: med(projects) / med(floor),
      target: "≤ 0.5 s",
    },
    { name: `juncture --help, cold start (median of ${SPAWNS})`, value: s(med(help)), floor: `${s(med(floor))} node -e 0`, ratio: med(help) / med(floor) },
  ];
}
