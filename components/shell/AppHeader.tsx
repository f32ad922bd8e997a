import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AccountMenu } from "@/components/auth/AccountMenu";
import { CoderControl } from "./CoderControl";
import { LanguageSwitch } from "./LanguageSwitch";

/**
 * The dark top bar: product name (home = project list), the language switch and who is working:
 * the coder-name control in the embedded workbench, the signed-in account on a team server.
 */
export async function AppHeader({ coder, account }: { coder: string | null; account: string | null }) {
  const t = await getTranslations("shell");
  return (
    <header className="sticky top-0 z-30 flex h-10 items-center justify-between bg-stone-900 px-4 text-stone-100 print:hidden">
      <Link href="/" className="flex items-baseline gap-2 hover:text-white">
        <span className="text-sm font-semibold tracking-wide">Juncture</span>
        <span className="text-xs text-stone-400">{t("tagline")}</span>
      </Link>
      <div className="flex items-center gap-3">
        <LanguageSwitch />
        {coder !== null ? <CoderControl name={coder} /> : null}
        {account !== null ? <AccountMenu name={account} /> : null}
      </div>
    </header>
  );
}
