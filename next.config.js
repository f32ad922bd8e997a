/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons and heavy Node-only libraries stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
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

export default nextConfig;
