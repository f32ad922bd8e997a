import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { isServerMode } from "@/lib/auth/mode";
import { currentActor } from "../coder";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.login"))("title") };
}

/** Only a path on this site, so that ?next= cannot send a signed-in user elsewhere. */
function safeNext(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/";
}

/** Sign-in of a team server; the embedded workbench and a signed-in user go straight on. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  if (!isServerMode() || (await currentActor())) redirect(next);
  const t = await getTranslations("auth.login");
  return (
    <main className="mx-auto flex max-w-sm flex-col gap-3 px-4 py-10">
      <h1 className="text-base font-semibold">{t("title")}</h1>
      <p className="text-[13px] text-stone-600">{t("intro")}</p>
      <LoginForm next={next} />
    </main>
  );
}
