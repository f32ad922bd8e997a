import type { z } from "zod";
import { AppError } from "./errors";

/**
 * Parses input with a zod schema; a failure becomes AppError("invalid_input") whose
 * message lists every problem with its field, so the CLI and the web show the same text.
 * The one copy for every context (codebook, coding, search).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message));
  throw new AppError("invalid_input", problems.join("; "), { issues: r.error.issues });
}
