import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, LOCALE_COOKIE, requestLocale, type Locale } from "@/lib/i18n/locale";

/**
 * The language of the current request: the browser's remembered choice (cookie
 * `juncture-locale`), else its Accept-Language (zh* → 中文, otherwise English).
 * Pages (through next-intl's request config) and API error responses both use it.
 */
export async function currentLocale(): Promise<Locale> {
  try {
    const [store, h] = await Promise.all([cookies(), headers()]);
    return requestLocale({ cookie: store.get(LOCALE_COOKIE)?.value, acceptLanguage: h.get("accept-language") });
  } catch {
    // Outside a request scope (a handler called directly by a test): the default.
    return DEFAULT_LOCALE;
  }
}
