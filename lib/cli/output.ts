import { z } from "zod";
import { isAppError } from "../errors";
import type { Locale } from "../i18n/locale";
import { zodMessage } from "../parse-input";

/** Prints JSON for scripts (`--json`) or text lines for people. */
export function emit(json: boolean, value: unknown, text: () => string): void {
  process.stdout.write(json ? JSON.stringify(value, null, 2) + "\n" : text() + "\n");
}

/** A CLI failure: the user-facing reason on stderr, exit code 2 (usage/refusal). */
export function fail(e: unknown, locale: Locale): number {
  // A domain function that validates with zod directly refuses with a ZodError: its issues, not its JSON.
  const message = isAppError(e)
    ? e.text[locale]
    : e instanceof z.ZodError
      ? zodMessage(e, locale)
      : e instanceof Error
        ? e.message
        : String(e);
  process.stderr.write(`juncture: ${message}\n`);
  return 2;
}
