import { NextResponse, type NextRequest } from "next/server";
import { allowedContentTypesFor, csrfRefusal, serverOriginOf } from "@/lib/auth/csrf";
import { LOCALE_COOKIE, requestLocale, type Bilingual } from "@/lib/i18n/locale";
import { declaredTooLarge, MAX_JSON_BODY_BYTES, maxUploadBodyBytes, mebibytes } from "@/lib/http/limits";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

/**
 * Runs in front of every page, route handler and server action (Next.js 16 Proxy, Node.js
 * runtime):
 * - refuses cross-site mutations (lib/auth/csrf.ts) with 403 before any handler runs, and
 *   bodies whose declared size is over the limit with 413 (the handlers count the bytes again
 *   while reading, for bodies that do not declare a length);
 * - sets the security headers on every response, with a fresh CSP nonce that Next.js stamps
 *   on its own inline bootstrap scripts (it reads the nonce from the request's CSP header).
 * Refusals use the API's shape `{ error: { code, message } }`, in the request's language
 * (locale cookie, else Accept-Language), like app/api/_shared.ts.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function refuse(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status });
}

function withSecurityHeaders(res: NextResponse, csp: string): NextResponse {
  res.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(k, v);
  return res;
}

type Problem = { status: number; code: "forbidden" | "too_large" | "invalid_input"; text: Bilingual };

/** Why a mutation is refused, or null. */
function mutationProblem(request: NextRequest): Problem | null {
  const h = request.headers;
  const serverOrigin = serverOriginOf({
    host: h.get("host"),
    forwardedHost: h.get("x-forwarded-host"),
    forwardedProto: h.get("x-forwarded-proto"),
    fallbackProto: request.nextUrl.protocol,
  });
  if (serverOrigin === null) {
    return { status: 400, code: "invalid_input", text: { en: "request without a Host header", zh: "请求缺少 Host 头" } };
  }
  const csrf = csrfRefusal({
    method: request.method,
    serverOrigin,
    origin: h.get("origin"),
    secFetchSite: h.get("sec-fetch-site"),
    contentType: h.get("content-type"),
    allowedContentTypes: allowedContentTypesFor(request.nextUrl.pathname, h.has("next-action")),
  });
  if (csrf) return { status: 403, code: "forbidden", text: csrf };
  const multipart = (h.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  const limit = multipart ? maxUploadBodyBytes() : MAX_JSON_BODY_BYTES;
  if (declaredTooLarge(h.get("content-length"), limit)) {
    const mb = mebibytes(limit);
    return { status: 413, code: "too_large", text: { en: `the request body is over the ${mb} MiB limit`, zh: `请求体超过 ${mb} MiB 的限制` } };
  }
  return null;
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  if (!SAFE_METHODS.has(request.method.toUpperCase())) {
    const problem = mutationProblem(request);
    if (problem) {
      const locale = requestLocale({
        cookie: request.cookies.get(LOCALE_COOKIE)?.value,
        acceptLanguage: request.headers.get("accept-language"),
      });
      return withSecurityHeaders(refuse(problem.status, problem.code, problem.text[locale]), csp);
    }
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

export const config = {
  // Everything but Next's immutable static files (they need no nonce and carry no mutation).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
