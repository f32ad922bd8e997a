/**
 * The interface languages and how a request's language is chosen. Framework-free:
 * the web app (cookie / Accept-Language), the CLI (--lang / LANG) and tests share it.
 */
export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that remembers a browser's choice. */
export const LOCALE_COOKIE = "juncture-locale";

/** A bilingual user-facing text: every message a researcher reads exists in both languages. */
export type Bilingual = { readonly en: string; readonly zh: string };

/** The language not chosen: bilingual data shows its other label there (e.g. a tooltip). */
export function otherLocale(locale: Locale): Locale {
  return locale === "zh" ? "en" : "zh";
}

export function isLocale(v: unknown): v is Locale {
  return v === "zh" || v === "en";
}

/** "zh", "zh-CN", "zh_TW.UTF-8" → zh; anything else (including nothing) → undefined. */
function localeOfTag(tag: string): Locale | undefined {
  const t = tag.trim().toLowerCase();
  if (t.startsWith("zh")) return "zh";
  if (t.startsWith("en")) return "en";
  return undefined;
}

/**
 * The first language in an Accept-Language header that the app speaks, by quality.
 * A browser that prefers neither Chinese nor English gets English.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { tag, quality: Number.isFinite(quality) ? quality : 0, i };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.i - b.i);
  for (const r of ranked) {
    const l = localeOfTag(r.tag);
    if (l) return l;
  }
  return DEFAULT_LOCALE;
}

/** The locale of a request: the remembered choice, else the browser's languages. */
export function requestLocale(opts: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  return isLocale(opts.cookie) ? opts.cookie : localeFromAcceptLanguage(opts.acceptLanguage);
}
