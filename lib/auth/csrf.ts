/**
 * Cross-site request refusal for every mutation, in both modes. A browser sends `Origin` on
 * cross-origin and on all non-GET fetches, and `Sec-Fetch-Site` on every request; a request that
 * says it comes from another site, or whose Origin is not this server, is refused. JSON bodies
 * must say so in Content-Type: an HTML form cannot send `application/json` without a CORS
 * preflight, which this server never grants.
 */
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
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  if (req.secFetchSite && req.secFetchSite !== "same-origin" && req.secFetchSite !== "none") {
    return `cross-site request refused (Sec-Fetch-Site: ${req.secFetchSite})`;
  }
  if (req.origin !== null && req.origin !== req.serverOrigin) {
    return `cross-site request refused (Origin ${req.origin} is not ${req.serverOrigin})`;
  }
  const type = (req.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const allowed = ["application/json", ...(req.allowedContentTypes ?? [])];
  if (type === "" && req.method.toUpperCase() === "DELETE") return null;
  if (!allowed.includes(type)) {
    return `unsupported content type “${type || "none"}”: send ${allowed.join(" or ")}`;
  }
  return null;
}
