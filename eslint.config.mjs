// ESLint 9 flat config: Next.js's recommended rules (core web vitals) plus typescript-eslint's
// recommended rules, as `eslint-config-next` ships them. `npm run lint`; `npm test` runs it first.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

// typescript-eslint 8 parses through TypeScript's JavaScript API, which TypeScript 7 (our
// compiler, `tsc`) does not ship; typescript-eslint refuses to load on it (typescript-eslint
// issue #10940). Following the TypeScript team's side-by-side advice, `typescript6` (an alias of
// typescript@6) serves that API to this ESLint process only: every `require("typescript")` in
// it gets TypeScript 6, while `tsc`, `next build` and editors keep TypeScript 7.
// Remove this block (and the `typescript6` devDependency) once typescript-eslint supports TS 7.
const typescript6 = require("typescript6");
const fromTypescriptEslint = createRequire(
  require.resolve("typescript-eslint", { paths: [path.dirname(require.resolve("eslint-config-next"))] }),
);
for (const entry of new Set([require.resolve("typescript"), fromTypescriptEslint.resolve("typescript")])) {
  require.cache[entry] = { id: entry, filename: entry, loaded: true, exports: typescript6, children: [], paths: [] };
}

// Loaded after the block above (a static import would run before it).
const nextCoreWebVitals = require("eslint-config-next/core-web-vitals");
const nextTypescript = require("eslint-config-next/typescript");

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  // A disable comment that no longer suppresses anything is an error, not noise.
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  // Generated or built output, and local data.
  { ignores: ["lib/db/generated/**", ".next/**", "dist/**", "data/**", ".test-tmp/**", "next-env.d.ts"] },
];

export default config;
