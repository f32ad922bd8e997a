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
    "word-extractor",
    "rtf-stream-parser",
    "iconv-lite",
    "chardet",
  ],
  // No "X-Powered-By: Next.js" on every answer.
  poweredByHeader: false,
  // proxy.ts sets the security headers on pages and routes; Next's static files skip the proxy
  // (they need no CSP nonce), so they get the request-independent ones here.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
  experimental: {
    serverActions: { bodySizeLimit: "60mb" },
    // The proxy buffers at most this much of a body (and passes a longer one on cut short). It
    // must stay above the largest upload (JUNCTURE_MAX_FILE_MB, default 50, + 1 MiB of form):
    // proxy.ts refuses a larger declared Content-Length with 413, and the upload route counts
    // the bytes of a body without one.
    proxyClientMaxBodySize: "60mb",
  },
  typescript: { ignoreBuildErrors: false },
};

export default withNextIntl(nextConfig);
