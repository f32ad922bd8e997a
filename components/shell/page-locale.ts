import { LOCALE_COOKIE, type Bilingual, type Locale } from "@/lib/i18n/locale";

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

/**
 * Remembers the reader's language choice in this browser for a year; app/locale.ts reads the
 * cookie on the next server render. Outside the component because React's rules forbid writing
 * to globals (document.cookie) from a component's body or its closures.
 */
export function rememberLocale(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
}
