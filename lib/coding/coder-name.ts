import { z } from "zod";
import { zodText } from "../i18n/text";

/**
 * The one rule for a person's name (coder, memo author), used by the web cookie
 * (app/coder.ts, the header control), the API and the CLI alike: otherwise " 王 " typed in
 * the CLI and "王" chosen in the browser would become two users. Whitespace is trimmed and
 * inner runs collapse to one space (full-width U+3000 included); 1–50 code points; no
 * control characters. Framework-free and database-free, so client components import it too.
 */

export const CODER_COOKIE = "juncture-coder";
export const DEFAULT_CODER = "researcher";
export const CODER_NAME_MAX = 50;

export const userNameSchema = z
  .string({ error: zodText("a user name is required", "缺少用户名") })
  .transform((v) => v.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, zodText("a user name is required", "用户名不能为空"))
      .refine((v) => Array.from(v).length <= CODER_NAME_MAX, zodText(`a user name has at most ${CODER_NAME_MAX} characters`, `用户名最多 ${CODER_NAME_MAX} 个字符`))
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), zodText("a user name cannot contain control characters", "用户名不能包含控制字符")),
  );

/** The normalised name, or null when it is not a usable name. */
export function normalizeCoderName(value: string): string | null {
  const r = userNameSchema.safeParse(value);
  return r.success ? r.data : null;
}
