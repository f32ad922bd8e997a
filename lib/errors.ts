/**
 * Typed domain errors. `message` is the user-facing reason (bilingual where a
 * researcher reads it); `code` lets the web layer map to an HTTP status in one place.
 */
export type AppErrorCode =
  | "invalid_input" // 400: the request itself is wrong
  | "not_found" // 404
  | "conflict" // 409: duplicate, stale version, overlapping state
  | "unsupported" // 415: file type or feature not supported
  | "too_large" // 413
  | "unprocessable"; // 422: the file is readable but unusable (no text layer, undecodable…)

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export const httpStatusOf: Record<AppErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unsupported: 415,
  too_large: 413,
  unprocessable: 422,
};

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** A user-facing message for any thrown value; driver errors never leak verbatim. */
export function userMessage(e: unknown): string {
  if (isAppError(e)) return e.message;
  return "Unexpected internal error / 内部错误";
}
