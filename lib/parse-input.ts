import type { z } from "zod";
import { AppError } from "./errors";

/** Every problem of a failed parse, each with its field: "version: …; start: …". */
export function zodMessage(e: z.ZodError): string {
  return e.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

/**
 * Parses input with a zod schema; a failure becomes AppError("invalid_input") whose
 * message lists every problem with its field, so the CLI and the web show the same text.
 * The one copy for every context (codebook, coding, search); route handlers report a
 * ZodError with the same `zodMessage`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new AppError("invalid_input", zodMessage(r.error), { issues: r.error.issues });
}
