import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/AppHeader";
import { currentCoderName } from "./coder";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return { title: { default: "Juncture", template: "%s · Juncture" }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [coder, locale] = await Promise.all([currentCoderName(), getLocale()]);
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body className="min-h-screen">
        {/* Client components receive the request's locale and catalogue from here. */}
        <NextIntlClientProvider>
          <AppHeader coder={coder} />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
