import { describe, expect, it } from "vitest";
import { allowedContentTypesFor, csrfProblem, csrfRefusal, sameServerOrigin, serverOriginOf } from "../../lib/auth/csrf";
import { MAX_PAGE, searchRequestSchema, suggestForCodeSchema } from "../../lib/search/schemas";
import { declaredTooLarge, MAX_JSON_BODY_BYTES, maxUploadBodyBytes } from "../../lib/http/limits";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "../../lib/http/security-headers";

describe("the server's own origin", () => {
  it("is Host and the connection's scheme without a proxy", () => {
    expect(serverOriginOf({ host: "127.0.0.1:3000", fallbackProto: "http:" })).toBe("http://127.0.0.1:3000");
    expect(serverOriginOf({ host: "Juncture.Example.org", fallbackProto: "https" })).toBe("https://juncture.example.org");
    expect(serverOriginOf({ host: null, fallbackProto: "http:" })).toBeNull();
  });

  it("is what the browser used behind a reverse proxy (first X-Forwarded-* value)", () => {
    expect(
      serverOriginOf({
        host: "127.0.0.1:3000",
        forwardedHost: "juncture.example.org",
        forwardedProto: "https",
        fallbackProto: "http:",
      }),
    ).toBe("https://juncture.example.org");
    expect(
      serverOriginOf({ host: "127.0.0.1:3000", forwardedHost: "a.example, b.internal", forwardedProto: "https, http", fallbackProto: "http:" }),
    ).toBe("https://a.example");
  });

  it("counts loopback names on the same scheme and port as one server, nothing else", () => {
    expect(sameServerOrigin("http://localhost:3000", "http://127.0.0.1:3000")).toBe(true);
    expect(sameServerOrigin("http://[::1]:3000", "http://localhost:3000")).toBe(true);
    expect(sameServerOrigin("https://juncture.example.org", "https://juncture.example.org:443")).toBe(true);
    expect(sameServerOrigin("http://localhost:3001", "http://127.0.0.1:3000")).toBe(false);
    expect(sameServerOrigin("https://localhost:3000", "http://localhost:3000")).toBe(false);
    expect(sameServerOrigin("http://evil.example:3000", "http://127.0.0.1:3000")).toBe(false);
    expect(sameServerOrigin("null", "http://127.0.0.1:3000")).toBe(false);
  });

  it("lets a same-server mutation through under another loopback name, refuses a foreign one", () => {
    const req = { method: "POST", serverOrigin: "http://127.0.0.1:3000", origin: null, secFetchSite: null, contentType: "application/json" };
    expect(csrfProblem({ ...req, origin: "http://localhost:3000" })).toBeNull();
    expect(csrfProblem({ ...req, origin: "null" })).toBe("cross-site request refused (Origin null is not http://127.0.0.1:3000)");
    expect(csrfProblem({ ...req, secFetchSite: "same-site", origin: null })).toBe("cross-site request refused (Sec-Fetch-Site: same-site)");
    expect(csrfProblem({ ...req, contentType: null })).toBe("unsupported content type “none”: send application/json");
  });

  it("gives every refusal in both languages", () => {
    const req = { method: "POST", serverOrigin: "http://127.0.0.1:3000", origin: null, secFetchSite: "cross-site", contentType: "text/plain" };
    expect(csrfRefusal(req)).toEqual({
      en: "cross-site request refused (Sec-Fetch-Site: cross-site)",
      zh: "已拒绝跨站请求（Sec-Fetch-Site: cross-site）",
    });
    expect(csrfRefusal({ ...req, secFetchSite: null })?.zh).toBe("不支持的内容类型“text/plain”：请发送 application/json");
  });

  it("allows multipart only on the document import, text/plain only for server actions", () => {
    expect(allowedContentTypesFor("/api/projects/p1/documents", false)).toEqual(["multipart/form-data"]);
    expect(allowedContentTypesFor("/api/projects/p1/documents/facets", false)).toEqual([]);
    expect(allowedContentTypesFor("/api/projects", false)).toEqual([]);
    expect(allowedContentTypesFor("/projects/p1", true)).toEqual(["text/plain", "multipart/form-data"]);
  });
});

describe("request bounds", () => {
  it("refuses a declared length over the limit and leaves undeclared ones to the reader", () => {
    expect(declaredTooLarge(String(MAX_JSON_BODY_BYTES + 1), MAX_JSON_BODY_BYTES)).toBe(true);
    expect(declaredTooLarge(String(MAX_JSON_BODY_BYTES), MAX_JSON_BODY_BYTES)).toBe(false);
    expect(declaredTooLarge(null, MAX_JSON_BODY_BYTES)).toBe(false);
    expect(declaredTooLarge("abc", MAX_JSON_BODY_BYTES)).toBe(false);
  });

  it("bounds the hits and suggestions one request may ask for", () => {
    expect(searchRequestSchema.safeParse({ query: "x", limit: MAX_PAGE }).success).toBe(true);
    expect(searchRequestSchema.safeParse({ query: "x", limit: MAX_PAGE + 1 }).success).toBe(false);
    expect(suggestForCodeSchema.safeParse({ projectId: "p", codeId: "c", limit: MAX_PAGE + 1 }).success).toBe(false);
  });

  it("bounds an upload by JUNCTURE_MAX_FILE_MB (default 50) plus the form", () => {
    expect(maxUploadBodyBytes({})).toBe(51 * 1024 * 1024);
    expect(maxUploadBodyBytes({ JUNCTURE_MAX_FILE_MB: "10" })).toBe(11 * 1024 * 1024);
  });
});

describe("security headers", () => {
  it("allow no inline script but the nonce, and no framing", () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    const csp = contentSecurityPolicy(nonce);
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(contentSecurityPolicy(nonce, { dev: true })).toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(STATIC_SECURITY_HEADERS).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
    });
  });
});
