import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CoderControl } from "./CoderControl";
import { LanguageSwitch } from "./LanguageSwitch";

/** The dark top bar: product name (home = project list), the language switch and the current coder. */
export async function AppHeader({ coder }: { coder: string }) {
  const t = await getTranslations("shell");
  return (
    <header className="sticky top-0 z-30 flex h-10 items-center justify-between bg-stone-900 px-4 text-stone-100">
      <Link href="/" className="flex items-baseline gap-2 hover:text-white">
        <span className="text-sm font-semibold tracking-wide">Juncture</span>
        <span className="text-xs text-stone-400">{t("tagline")}</span>
      </Link>
      <div className="flex items-center gap-3">
        <LanguageSwitch />
        <CoderControl name={coder} />
      </div>
    </header>
  );
}
