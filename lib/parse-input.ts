import type { z } from "zod";
import { AppError } from "./errors";
import type { Locale } from "./i18n/locale";
import { issuesText, localizeText } from "./i18n/text";

/** Every problem of a failed parse, each with its field, in one language: "version: …; start: …". */
export function zodMessage(e: z.ZodError, locale: Locale): string {
  return e.issues
    .map((i) => {
      const m = localizeText(i.message, locale);
      return i.path.length > 0 ? `${i.path.join(".")}: ${m}` : m;
    })
    .join("; ");
}

/**
 * Parses input with a zod schema; a failure becomes AppError("invalid_input") whose
 * message lists every problem with its field (in both languages; the web and the CLI
 * pick one), so the CLI and the web show the same text. The one copy for every context
 * (codebook, coding, search); route handlers report a ZodError with `zodMessage`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new AppError("invalid_input", issuesText(r.error.issues), { issues: r.error.issues });
}
