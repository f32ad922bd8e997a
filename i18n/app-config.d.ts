import type { Locale } from "@/lib/i18n/locale";
import type en from "../messages/en.json";

// Typed keys: `t("…")` with a key missing from the English catalogue fails `tsc`;
// tests/i18n/catalogues.test.ts keeps the Chinese catalogue's keys identical.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
