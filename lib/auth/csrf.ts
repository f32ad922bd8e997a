/**
 * Cross-site request refusal for every mutation, in both modes. A browser sends `Origin` on
 * cross-origin and on all non-GET fetches, and `Sec-Fetch-Site` on every request; a request that
 * says it comes from another site, or whose Origin is not this server, is refused. JSON bodies
 * must say so in Content-Type: an HTML form cannot send `application/json` without a CORS
 * preflight, which this server never grants.
 */
import type { Bilingual } from "../i18n/locale";

export type CsrfRequest = {
  method: string;
  /** The server's own origin as the client reached it, e.g. "http://127.0.0.1:3000". */
  serverOrigin: string;
  origin: string | null;
  secFetchSite: string | null;
  contentType: string | null;
  /** Multipart uploads and other non-JSON bodies the route accepts on purpose. */
  allowedContentTypes?: readonly string[];
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Why the request is refused, or null when it may proceed. */
export function csrfProblem(req: CsrfRequest): string | null {
  return csrfRefusal(req)?.en ?? null;
}

/** `csrfProblem` in both languages, for answers in the request's language. */
export function csrfRefusal(req: CsrfRequest): Bilingual | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  if (req.secFetchSite && req.secFetchSite !== "same-origin" && req.secFetchSite !== "none") {
    return {
      en: `cross-site request refused (Sec-Fetch-Site: ${req.secFetchSite})`,
      zh: `已拒绝跨站请求（Sec-Fetch-Site: ${req.secFetchSite}）`,
    };
  }
  if (req.origin !== null && !sameServerOrigin(req.origin, req.serverOrigin)) {
    return {
      en: `cross-site request refused (Origin ${req.origin} is not ${req.serverOrigin})`,
      zh: `已拒绝跨站请求（来源 ${req.origin} 不是 ${req.serverOrigin}）`,
    };
  }
  const type = (req.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const allowed = ["application/json", ...(req.allowedContentTypes ?? [])];
  if (type === "" && req.method.toUpperCase() === "DELETE") return null;
  if (!allowed.includes(type)) {
    return {
      en: `unsupported content type “${type || "none"}”: send ${allowed.join(" or ")}`,
      zh: `不支持的内容类型“${type || "无"}”：请发送 ${allowed.join(" 或 ")}`,
    };
  }
  return null;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The first value of a header a chain of proxies may have appended to ("a, b"). */
function firstValue(v: string | null | undefined): string | null {
  const first = v?.split(",")[0]?.trim();
  return first ? first : null;
}

/**
 * The origin the client used to reach this server. Behind a reverse proxy the browser's Host is
 * in X-Forwarded-Host and its scheme in X-Forwarded-Proto; trusting them here is safe for CSRF
 * because a cross-site page cannot set either header without a CORS preflight, which this server
 * never grants. Without them, Host and the connection's scheme (`fallbackProto`, "http"/"https").
 */
export function serverOriginOf(headers: {
  host: string | null;
  forwardedHost?: string | null;
  forwardedProto?: string | null;
  fallbackProto: string;
}): string | null {
  const host = firstValue(headers.forwardedHost) ?? firstValue(headers.host);
  if (!host) return null;
  const proto = (firstValue(headers.forwardedProto) ?? headers.fallbackProto).replace(/:$/, "").toLowerCase();
  return `${proto}://${host.toLowerCase()}`;
}

function defaultPort(protocol: string): string {
  return protocol === "https:" ? "443" : protocol === "http:" ? "80" : "";
}

/**
 * Whether two origins name this same server. Loopback names (localhost, 127.0.0.1, [::1]) on the
 * same scheme and port count as one: a page on "localhost:3000" is this very process when the
 * server answers on 127.0.0.1:3000, never another site.
 */
export function sameServerOrigin(a: string, b: string): boolean {
  if (a === b) return true;
  let ua: URL, ub: URL;
  try {
    ua = new URL(a);
    ub = new URL(b);
  } catch {
    return false;
  }
  const port = (u: URL) => u.port || defaultPort(u.protocol);
  if (ua.protocol !== ub.protocol || port(ua) !== port(ub)) return false;
  if (ua.hostname === ub.hostname) return true;
  return LOOPBACK.has(ua.hostname) && LOOPBACK.has(ub.hostname);
}

/**
 * Routes that take a multipart upload on purpose (document import, .qdpx import). Server actions (POSTs to a
 * page with a `Next-Action` header) send text/plain or multipart bodies and are handled by the
 * proxy with their own allowance.
 */
const MULTIPART_ROUTES: readonly RegExp[] = [/^\/api\/projects\/[^/]+\/documents\/?$/, /^\/api\/projects\/import-qdpx\/?$/];

/** The non-JSON content types a path accepts for mutations. */
export function allowedContentTypesFor(pathname: string, serverAction: boolean): readonly string[] {
  if (serverAction) return ["text/plain", "multipart/form-data"];
  return MULTIPART_ROUTES.some((r) => r.test(pathname)) ? ["multipart/form-data"] : [];
}
