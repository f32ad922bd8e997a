import type { Bilingual, Locale } from "@/lib/i18n/locale";

/**
 * The page's language for client code outside React (fetch helpers): the root layout
 * sets <html lang> from the request's locale, so it always matches the catalogue in use.
 */
export function pageLocale(): Locale {
  return typeof document !== "undefined" && document.documentElement.lang.startsWith("zh") ? "zh" : "en";
}

export function inPageLanguage(text: Bilingual): string {
  return text[pageLocale()];
}
