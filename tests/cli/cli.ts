import { execFile } from "node:child_process";
import path from "node:path";

const BIN = path.resolve(__dirname, "..", "..", "bin", "juncture.mjs");

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs `juncture …` as a user would, against the given database. */
export function runCli(args: string[], databaseUrl: string, timeoutMs = 600_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
