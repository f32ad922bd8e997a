import { DEFAULT_LOCALE, isLocale, type Locale } from "./locale";

/**
 * The CLI's language: `--lang zh|en` (also `--lang=zh`), else the POSIX locale
 * variables in their order of precedence (LC_ALL, LC_MESSAGES, LANG; zh_* → 中文),
 * else English. Read from argv directly so that errors raised while commander is
 * still parsing are printed in the chosen language too.
 */
export function cliLocale(
  argv: readonly string[] = process.argv,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Locale {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = a === "--lang" ? argv[i + 1] : a?.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (value !== undefined) {
      const v = value.trim().toLowerCase();
      if (isLocale(v)) return v;
    }
  }
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"] as const) {
    const v = env[name];
    // An empty variable does not count (POSIX); "C"/"POSIX" mean the default.
    if (v) return v.toLowerCase().startsWith("zh") ? "zh" : DEFAULT_LOCALE;
  }
  return DEFAULT_LOCALE;
}
