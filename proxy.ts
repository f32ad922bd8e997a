import { NextResponse, type NextRequest } from "next/server";
import { allowedContentTypesFor, csrfProblem, serverOriginOf } from "@/lib/auth/csrf";
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
 * Errors use the API's shape `{ error: { code, message } }`; the message is English here
 * because the proxy does not load the catalogues (the reason is technical, for developers).
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

/** Why a mutation is refused (status, code, reason), or null. */
function mutationProblem(request: NextRequest): [number, string, string] | null {
  const h = request.headers;
  const path = request.nextUrl.pathname;
  const serverAction = h.has("next-action");
  const allowedContentTypes = allowedContentTypesFor(path, serverAction);
  const serverOrigin = serverOriginOf({
    host: h.get("host"),
    forwardedHost: h.get("x-forwarded-host"),
    forwardedProto: h.get("x-forwarded-proto"),
    fallbackProto: request.nextUrl.protocol,
  });
  if (serverOrigin === null) return [400, "invalid_input", "request without a Host header"];
  const csrf = csrfProblem({
    method: request.method,
    serverOrigin,
    origin: h.get("origin"),
    secFetchSite: h.get("sec-fetch-site"),
    contentType: h.get("content-type"),
    allowedContentTypes,
  });
  if (csrf) return [403, "forbidden", csrf];
  const multipart = (h.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  const limit = multipart ? maxUploadBodyBytes() : MAX_JSON_BODY_BYTES;
  if (declaredTooLarge(h.get("content-length"), limit)) {
    return [413, "too_large", `the request body is over the ${mebibytes(limit)} MiB limit`];
  }
  return null;
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  if (!SAFE_METHODS.has(request.method.toUpperCase())) {
    const problem = mutationProblem(request);
    if (problem) return withSecurityHeaders(refuse(...problem), csp);
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
