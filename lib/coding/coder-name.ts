import type { Bilingual } from "../i18n/locale";

/**
 * The one rule for a person's name (coder, memo author), used by the web cookie
 * (app/coder.ts, the header control), the API and the CLI alike: otherwise " 王 " typed in
 * the CLI and "王" chosen in the browser would become two users. Whitespace is trimmed and
 * inner runs collapse to one space (full-width U+3000 included); 1–50 code points; no
 * control characters. Framework-free, database-free and without zod (the zod schema in
 * user-name-schema.ts wraps this rule), so the header control on every page imports it
 * without shipping a validation library to the browser.
 */

export const CODER_COOKIE = "juncture-coder";
export const DEFAULT_CODER = "researcher";
export const CODER_NAME_MAX = 50;

export type CoderNameCheck = { ok: true; name: string } | { ok: false; reason: Bilingual };

export function checkCoderName(value: unknown): CoderNameCheck {
  if (typeof value !== "string") return { ok: false, reason: { en: "a user name is required", zh: "缺少用户名" } };
  const name = value.trim().replace(/\s+/g, " ");
  if (name === "") return { ok: false, reason: { en: "a user name is required", zh: "用户名不能为空" } };
  if (Array.from(name).length > CODER_NAME_MAX) {
    return { ok: false, reason: { en: `a user name has at most ${CODER_NAME_MAX} characters`, zh: `用户名最多 ${CODER_NAME_MAX} 个字符` } };
  }
  if (/[\u0000-\u001f\u007f]/.test(name)) return { ok: false, reason: { en: "a user name cannot contain control characters", zh: "用户名不能包含控制字符" } };
  return { ok: true, name };
}

/** The normalised name, or null when it is not a usable name. */
export function normalizeCoderName(value: string): string | null {
  const r = checkCoderName(value);
  return r.ok ? r.name : null;
}
