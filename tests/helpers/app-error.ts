/**
 * The code and message of the AppError a call fails with, for one exact assertion:
 * `expect(await appError(p)).toEqual({ code: "conflict", message: "…" })`.
 * Anything else (success, a driver error, a plain Error) fails the test.
 */
import { AppError } from "../../lib/errors";

export type AppErrorShape = { code: string; message: string };

function shape(e: unknown): AppErrorShape {
  if (!(e instanceof AppError)) throw e;
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
