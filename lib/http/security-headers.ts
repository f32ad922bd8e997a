/**
 * The security headers of every response (set by proxy.ts). Pure, so that the policy is
 * tested without a server.
 */

/** A fresh, unguessable nonce for one response's scripts (base64 of 16 random bytes). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Content-Security-Policy: no inline script except Next.js's own bootstrap, which carries the
 * per-request nonce (Next reads it from the request's CSP header and stamps its scripts);
 * 'strict-dynamic' lets those scripts load the page's chunks. In development React needs eval.
 * style-src keeps 'unsafe-inline' because React renders `style` attributes (the reader's margin,
 * Radix popovers, charts); a nonce cannot cover attributes, and with a nonce present browsers
 * would ignore 'unsafe-inline'. Styles cannot run script, so this does not reopen XSS.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers that do not depend on the request. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
};
