import createNextIntlPlugin from "next-intl/plugin";

// next-intl without locale routing: i18n/request.ts picks the language per request.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons and heavy Node-only libraries stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "nodejieba",
    "pdfjs-dist",
    "jsdom",
    "mammoth",
    "iconv-lite",
    "chardet",
  ],
  experimental: {
    serverActions: { bodySizeLimit: "60mb" },
    proxyClientMaxBodySize: "60mb",
  },
  typescript: { ignoreBuildErrors: false },
};

export default withNextIntl(nextConfig);
