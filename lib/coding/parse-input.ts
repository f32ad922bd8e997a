import type { z } from "zod";
import { AppError } from "../errors";
import { issuesText } from "../i18n/text";

/**
 * Parses input with a zod schema; a failure becomes AppError("invalid_input") whose
 * message lists every problem with its field, so the CLI and the web show the same text.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new AppError("invalid_input", issuesText(r.error.issues), { issues: r.error.issues });
}
