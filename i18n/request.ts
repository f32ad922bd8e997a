import { getRequestConfig } from "next-intl/server";
import { currentLocale } from "@/app/locale";
import type { Locale } from "@/lib/i18n/locale";

/**
 * next-intl's per-request configuration, without locale routing: the language
 * comes from the `juncture-locale` cookie, else Accept-Language (app/locale.ts).
 */
export default getRequestConfig(async () => {
  const locale: Locale = await currentLocale();
  const messages = (await import(`../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: "Asia/Shanghai" };
});
