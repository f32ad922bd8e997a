import type { Bilingual, Locale } from "./i18n/locale";
import { combined } from "./i18n/text";

/**
 * Typed domain errors. `text` is the user-facing reason in both languages (the web
 * layer and the CLI pick one per request); `message` is the combined "English / 中文"
 * text for logs. `code` lets the web layer map to an HTTP status in one place.
 */
export type AppErrorCode =
  | "invalid_input" // 400: the request itself is wrong
  | "not_found" // 404
  | "conflict" // 409: duplicate, stale version, overlapping state
  | "unsupported" // 415: file type or feature not supported
  | "too_large" // 413
  | "unprocessable" // 422: the file is readable but unusable (no text layer, undecodable…)
  | "unauthenticated" // 401: nobody is signed in (team server)
  | "forbidden" // 403: signed in, but the role does not allow it
  | "rate_limited"; // 429: too many failed sign-ins

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly text: Bilingual;
  readonly details?: Record<string, unknown>;
  /** A plain string is for texts that read the same in both languages (e.g. a driver's reason). */
  constructor(code: AppErrorCode, message: Bilingual | string, details?: Record<string, unknown>) {
    const text = typeof message === "string" ? { en: message, zh: message } : message;
    super(combined(text));
    this.name = "AppError";
    this.code = code;
    this.text = text;
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
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
};

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

const INTERNAL: Bilingual = { en: "Unexpected internal error", zh: "内部错误" };

/** The bilingual user-facing reason of any thrown value; driver errors never leak verbatim. */
export function userText(e: unknown): Bilingual {
  return isAppError(e) ? e.text : INTERNAL;
}

/** A user-facing message for any thrown value, in one language. */
export function userMessage(e: unknown, locale: Locale): string {
  return userText(e)[locale];
}
