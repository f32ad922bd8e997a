import { isAppError } from "../errors";
import { cliLocale } from "../i18n/cli-locale";

/** Prints JSON for scripts (`--json`) or text lines for people. */
export function emit(json: boolean, value: unknown, text: () => string): void {
  process.stdout.write(json ? JSON.stringify(value, null, 2) + "\n" : text() + "\n");
}

/** A CLI failure: the user-facing reason on stderr, exit code 2 (usage/refusal). */
export function fail(e: unknown): number {
  const message = isAppError(e) ? e.text[cliLocale()] : e instanceof Error ? e.message : String(e);
  process.stderr.write(`juncture: ${message}\n`);
  return 2;
}
