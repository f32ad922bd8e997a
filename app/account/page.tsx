import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";
import { requirePageUser } from "../coder";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.password"))("title") };
}

/** The signed-in user's account: change the password. */
export default async function AccountPage() {
  const actor = await requirePageUser();
  const t = await getTranslations("auth");
  return (
    <main className="mx-auto flex max-w-sm flex-col gap-3 px-4 py-10">
      <h1 className="text-base font-semibold">{t("password.title")}</h1>
      <p className="text-[13px] text-stone-600">{t("account.signedInAs", { name: actor.name })}</p>
      <ChangePasswordForm />
    </main>
  );
}
