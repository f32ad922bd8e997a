import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/AppHeader";
import { currentCoderName } from "./coder";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Juncture", template: "%s · Juncture" },
  description: "Qualitative coding of Chinese policy texts / 政策文本质性编码工作台",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const coder = await currentCoderName();
  return (
    <html lang="zh-Hans">
      <body className="min-h-screen">
        <AppHeader coder={coder} />
        {children}
      </body>
    </html>
  );
}
