import type { Bilingual, Locale } from "./locale";

/**
 * zod custom messages must be strings, so a bilingual zod message is the combined
 * "English / 中文" string (what logs and older callers see) remembered here with its
 * two halves; `localizeText` turns an issue message back into one language.
 * Only schema definitions call this (module load), so the table stays small.
 */
const zodTexts = new Map<string, Bilingual>();

export function combined(text: Bilingual): string {
  return text.en === text.zh ? text.en : `${text.en} / ${text.zh}`;
}

export function zodText(en: string, zh: string): string {
  const text = { en, zh };
  const s = combined(text);
  zodTexts.set(s, text);
  return s;
}

/** A message in one language: a registered zod message, or any other string as it is. */
export function localizeText(message: string, locale: Locale): string {
  return zodTexts.get(message)?.[locale] ?? message;
}

/** The bilingual form of a string that may be a registered zod message. */
export function bilingualOf(message: string): Bilingual {
  return zodTexts.get(message) ?? { en: message, zh: message };
}

/** zod issues as one bilingual line: "field: reason; …". */
export function issuesText(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Bilingual {
  const line = (locale: Locale) =>
    issues
      .map((i) => {
        const m = localizeText(i.message, locale);
        return i.path.length > 0 ? `${i.path.map(String).join(".")}: ${m}` : m;
      })
      .join("; ");
  return { en: line("en"), zh: line("zh") };
}
