"use client";

import { KeyRound, LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiJson } from "@/components/api/client";

/** Team server: the signed-in user, a link to change the password, and sign-out. */
export function AccountMenu({ name }: { name: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function logout() {
    setBusy(true);
    try {
      await apiJson("/api/auth/logout", { method: "POST", body: {} });
    } finally {
      // Refreshed, so that every server component forgets the user.
      router.replace("/login");
      router.refresh();
    }
  }

  return (
    <div className="flex items-center gap-1 text-xs text-stone-300">
      <span className="inline-flex items-center gap-1.5 px-1" data-testid="account-name" title={t("account.signedInAs", { name })}>
        <UserRound size={14} aria-hidden />
        <span className="max-w-40 truncate">{name}</span>
      </span>
      <Link href="/account" className="inline-flex h-7 items-center rounded px-1.5 hover:bg-white/10 hover:text-white" title={t("account.changePassword")}>
        <KeyRound size={14} aria-label={t("account.changePassword")} />
      </Link>
      <button
        type="button"
        onClick={logout}
        disabled={busy}
        data-testid="logout"
        className="inline-flex h-7 items-center rounded px-1.5 hover:bg-white/10 hover:text-white"
        title={t("account.logout")}
      >
        <LogOut size={14} aria-label={t("account.logout")} />
      </button>
    </div>
  );
}
