import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, newPage } from "./browser";

/**
 * Stored XSS, checked in Chromium: script payloads in an imported HTML document (title and
 * body, as text and as markup), in a file name, a code's short name, labels and definition, a
 * memo and a coding comment are shown as literal text on the pages that show them (document
 * list, reader with its margin tooltip and inspector, codebook, memos) and never run: no
 * `window.__xss`, no dialog, no injected element, no CSP violation (which would mean the page
 * tried to run something). Data goes in through the HTTP API, as a user's browser would send it.
 */

/** A payload that sets window.__xss (and opens a dialog) if the browser ever parses it as HTML. */
const img = (tag: number) => `<img src=x onerror=window.__xss=${tag};alert(${tag})>`;
const script = (tag: number) => `<script>window.__xss=${tag};alert(${tag})</script>`;

const TITLE = `${img(1)} 政策标题`;
const BODY_TEXT = `${script(2)} 推动高质量发展。`;
const FILE_BASE = img(3);
const CODE_SHORT = `X<b>${4}</b>`;
const LABEL_ZH = img(5);
const LABEL_EN = script(6);
const DEFINITION = `${img(7)} definition`;
const MEMO_TITLE = img(8);
const MEMO_BODY = script(9);
const COMMENT = img(10);

const HTML = `<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<script>window.__xss = 11</script></head>
<body><h1>${escapeHtml(TITLE)}</h1>
<p>${escapeHtml(BODY_TEXT)}</p>
<p>第二段落<img src=x onerror="window.__xss=12">继续推进改革。<svg onload="window.__xss=13"></svg></p>
<p><a href="javascript:window.__xss=14">链接文字</a>加快建设现代化经济体系。</p>
</body></html>`;

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

async function api<T>(path: string, init: { method?: string; body?: unknown; form?: FormData } = {}): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: init.method ?? "POST",
    headers: { origin: baseUrl(), ...(init.form ? {} : { "content-type": "application/json" }) },
    body: init.form ?? JSON.stringify(init.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function importFile(projectId: string, name: string, content: string, type: string): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([content], { type }), name);
  return (await api<{ document: { id: string } }>(`/api/projects/${projectId}/documents`, { form })).document.id;
}

let browser: Browser;
let page: Page;
let pageErrors: string[];
const dialogs: string[] = [];
let projectId: string;
let htmlDocId: string;
let codingId: string;

beforeAll(async () => {
  projectId = (await api<{ project: { id: string } }>("/api/projects", { body: { name: `XSS ${img(0)}`, templates: "none" } })).project.id;
  htmlDocId = await importFile(projectId, "policy.html", HTML, "text/html");
  await importFile(projectId, `${FILE_BASE}.txt`, "文件名里有脚本。\n", "text/plain");
  const code = await api<{ code: { id: string } }>(`/api/projects/${projectId}/codes`, {
    body: { shortName: CODE_SHORT, labelZh: LABEL_ZH, labelEn: LABEL_EN, definition: DEFINITION },
  });
  const coding = await api<{ coding: { id: string } }>(`/api/documents/${htmlDocId}/codings`, {
    body: { codeId: code.code.id, start: 0, end: 5, comment: COMMENT },
  });
  codingId = coding.coding.id;
  await api("/api/memos", { body: { projectId, kind: "project", title: MEMO_TITLE, body: MEMO_BODY } });

  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Nothing ran and nothing was injected. */
async function expectInert(p: Page) {
  expect(await p.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await p.locator('img[src="x"], svg[onload], a[href^="javascript:"]').count()).toBe(0);
  // Next.js's own inline data script carries the strings as JSON; a parsed payload would be a
  // <script> element of its own.
  const injected = await p.$$eval("script", (els) => els.filter((e) => (e.textContent ?? "").trim().startsWith("window.__xss")).length);
  expect(injected).toBe(0);
  expect(pageErrors).toEqual([]);
}

async function visibleText(p: Page): Promise<string> {
  return p.evaluate(() => document.body.innerText);
}

describe.sequential("script payloads stay text in the browser", () => {
  it("document list: imported titles and a payload file name", async () => {
    await page.goto(`/projects/${projectId}`);
    await page.getByText(TITLE, { exact: false }).first().waitFor();
    const text = await visibleText(page);
    expect(text).toContain(TITLE);
    expect(text).toContain(FILE_BASE);
    expect(text).toContain(`XSS ${img(0)}`);
    await expectInert(page);
  });

  it("reader: the text, the code in the margin, the comment in the tooltip and the inspector", async () => {
    await page.goto(`/projects/${projectId}/documents/${htmlDocId}`);
    await page.waitForSelector('[data-testid=reader][data-ready="true"]', { timeout: 30_000 });
    const text = await visibleText(page);
    expect(text).toContain(TITLE);
    expect(text).toContain(BODY_TEXT);
    // Markup in the HTML file is not text: extraction keeps its words only.
    expect(text).toContain("第二段落继续推进改革。");
    expect(text).not.toContain("onerror=\"window.__xss=12\"");
    const bar = page.locator(`.margin-bar[data-coding-id="${codingId}"]`);
    await bar.hover();
    const tooltip = page.getByTestId("coding-tooltip");
    await tooltip.waitFor();
    const tip = (await tooltip.innerText()).replace(/\s+/g, " ");
    for (const s of [CODE_SHORT, LABEL_ZH, LABEL_EN, COMMENT]) expect(tip).toContain(s);
    await bar.click();
    await page.getByTestId("delete-coding").waitFor();
    await expectInert(page);
  });

  it("codebook: short name and both labels", async () => {
    await page.goto(`/projects/${projectId}/codebook`);
    await page.waitForSelector("[data-testid=code-tree]");
    const row = page.locator(`[data-code="${CODE_SHORT}"] > [data-testid=code-row]`);
    await row.waitFor();
    // The interface is English: the English label is shown, the Chinese one is its tooltip.
    const text = await visibleText(page);
    for (const s of [CODE_SHORT, LABEL_EN]) expect(text).toContain(s);
    expect(await row.evaluate((el) => Array.from(el.querySelectorAll("[title]")).map((e) => e.getAttribute("title")))).toContain(LABEL_ZH);
    await expectInert(page);
  });

  it("memos: title and body", async () => {
    await page.goto(`/projects/${projectId}/memos`);
    await page.waitForSelector("[data-testid=memo]");
    const text = await visibleText(page);
    expect(text).toContain(MEMO_TITLE);
    expect(text).toContain(MEMO_BODY);
    await expectInert(page);
  });

  it("and were one ever parsed as HTML, the Content-Security-Policy would still refuse to run it", async () => {
    // Defence in depth, independent of the rendering: markup inserted into the live page (what
    // an injection would do) gets no inline handler run, and the browser reports the violation.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", '<img id="csp-probe" src="/no-such-image" onerror="window.__xss=99">');
    });
    await expect.poll(() => pageErrors.some((e) => e.startsWith("csp:") && /inline event handler/i.test(e))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator("#csp-probe").count()).toBe(1);
    pageErrors.length = 0;
  });
});
