import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/AppHeader";
import { currentActor } from "./coder";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return { title: { default: "Juncture", template: "%s · Juncture" }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [actor, locale] = await Promise.all([currentActor(), getLocale()]);
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body className="min-h-screen">
        {/* Client components receive the request's locale and catalogue from here. */}
        <NextIntlClientProvider>
          <AppHeader coder={actor?.local ? actor.name : null} account={actor && !actor.local ? actor.name : null} />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
