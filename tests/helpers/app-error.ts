/**
 * The code and message of the AppError a call fails with, for one exact assertion:
 * `expect(await appError(p)).toEqual({ code: "conflict", message: "…" })`.
 * Anything else (success, a driver error, a plain Error) fails the test.
 */
import fs from "node:fs";
import { AppError } from "../../lib/errors";

export type AppErrorShape = { code: string; message: string };

function shape(e: unknown): AppErrorShape {
  if (!(e instanceof AppError)) throw e;
  // RECORD-START
  if (process.env.RECORD_APP_ERRORS) {
    const frame = (new Error().stack ?? "").split("\n").find((l) => l.includes(".test.ts:"));
    fs.appendFileSync(process.env.RECORD_APP_ERRORS, JSON.stringify({ frame, code: e.code, message: e.message }) + "\n");
  }
  // RECORD-END
  return { code: e.code, message: e.message };
}

export async function appError(p: Promise<unknown>): Promise<AppErrorShape> {
  try {
    await p;
  } catch (e) {
    return shape(e);
  }
  throw new Error("expected an AppError, but the call succeeded");
}

export function appErrorSync(fn: () => unknown): AppErrorShape {
  try {
    fn();
  } catch (e) {
    return shape(e);
  }
  throw new Error("expected an AppError, but the call succeeded");
}
