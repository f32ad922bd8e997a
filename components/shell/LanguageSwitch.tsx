"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import { rememberLocale } from "./page-locale";

const CHOICES: { locale: Locale; label: string }[] = [
  { locale: "zh", label: "中文" },
  { locale: "en", label: "English" },
];

/**
 * 中文 | English in the header. The choice is remembered per browser in a cookie
 * (read by app/locale.ts) and the server re-renders the page in that language.
 */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useTranslations("shell");
  const router = useRouter();

  function choose(next: Locale) {
    rememberLocale(next);
    router.refresh();
  }

  return (
    <div role="group" aria-label={t("language")} className="flex items-center text-xs" data-testid="language-switch">
      {CHOICES.map((c, i) => (
        <span key={c.locale} className="flex items-center">
          {i > 0 ? <span className="px-1 text-stone-500" aria-hidden>|</span> : null}
          <button
            type="button"
            lang={c.locale === "zh" ? "zh-CN" : "en"}
            aria-pressed={locale === c.locale}
            onClick={() => choose(c.locale)}
            className={`rounded px-1.5 py-0.5 ${
              locale === c.locale ? "font-semibold text-white" : "text-stone-400 hover:bg-white/10 hover:text-white"
            }`}
          >
            {c.label}
          </button>
        </span>
      ))}
    </div>
  );
}
