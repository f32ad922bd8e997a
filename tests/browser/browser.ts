import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium, headless, without any network chatter of its own. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** The server started by tests/browser/server-setup.ts. */
export function baseUrl(): string {
  const url = process.env.JUNCTURE_BASE_URL;
  if (!url) throw new Error("JUNCTURE_BASE_URL unset: run with --config vitest.browser.config.ts");
  return url;
}

/**
 * A page whose uncaught script errors, Content-Security-Policy violations and server errors (HTTP 5xx) are collected
 * for assertions. 4xx answers are not collected: some are expected (a refused
 * upload, prefetches of project tabs that are not built yet). The browser's language
 * (Accept-Language, navigator.language) is English unless a test asks for another;
 * the app shows its interface in that language on a first visit.
 */
export async function newPage(browser: Browser, opts: { locale?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale: opts.locale ?? "en-US" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  // A script or style the Content-Security-Policy blocked (proxy.ts): a page that broke, or an injection.
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(`csp: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 500) errors.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    if (r.status() >= 400 && process.env.JUNCTURE_DEBUG_HTTP === "1") console.log(`HTTP ${r.status()} ${r.url()}`);
  });
  return { page, errors };
}
