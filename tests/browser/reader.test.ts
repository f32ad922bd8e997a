import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCoding, updateCoding } from "../../lib/coding";
import { createProject, importDocument } from "../../lib/corpus";
import { createDb, type Db } from "../../lib/db/client";
import { launchBrowser, newPage } from "./browser";

/**
 * The coding reader in a real browser: code a selected span (after characters outside
 * the BMP) through the picker and find it stored at the right code points; code a whole
 * sentence through its handle; see overlapping codings in separate margin lanes; delete
 * through the margin and undo; see a stale edit refused with the server's message; code a
 * selection across two paragraphs. In a long document (most of it off screen, so not
 * rendered): margin bars aligned with their text far down, jump to an off-screen coding
 * from the side panel, and find text near the end.
 */

// 𠮷 (U+20BB7) is two UTF-16 code units: every offset after it differs between units.
const PARAGRAPHS = [
  "𠮷祥物“保定𠮷”深受欢迎，𠮷𠮷相传。京津冀协同发展取得重大进展。",
  "推进交通一体化，打造轨道上的京津冀。加快建设现代化经济体系，推动产业转型升级。",
  "全面融入雄安新区建设。",
];
const TARGET = "打造轨道上的京津冀";

/** A long document: paragraph i says 第i段, so each is findable; 𠮷 in every one shifts UTF-16 offsets. */
const LONG = Array.from({ length: 300 }, (_, i) => `第${i}段：推进京津冀协同发展，𠮷加快建设现代化经济体系，推动产业转型升级，全面融入雄安新区建设。`);

const cpLen = (s: string) => Array.from(s).length;
/** Code-point index of `needle` in `hay` (the way stored offsets count). */
const cpIndexOf = (hay: string, needle: string) => cpLen(hay.slice(0, hay.indexOf(needle)));

let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let projectId: string;
let documentId: string;
let plainText: string;
let readerUrl: string;
let longDocumentId: string;
let longText: string;
const codeIds = new Map<string, string>();

async function openReader(p: Page, url = readerUrl) {
  await p.goto(url);
  await p.waitForSelector('[data-testid=reader][data-ready="true"]', { timeout: 30_000 });
}

/** A long text's rest is added after the reader is ready (useReaderEditor): until all of it is in. */
async function waitTextComplete(p: Page) {
  await p.waitForFunction(() => (window as Window & { __junctureReaderTextComplete?: boolean }).__junctureReaderTextComplete === true);
}

/** Selects the DOM text from `from` to `to` (each the start of a unique string; `to` exclusive) in the editor. */
async function selectBetween(p: Page, from: string, to: string): Promise<string> {
  return p.evaluate(
    ([a, b]) => {
      // Highlights cut the text into several text nodes: search their concatenation.
      const root = document.querySelector(".ProseMirror")!;
      const nodes: { n: Node; at: number }[] = [];
      let all = "";
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ n, at: all.length });
        all += n.textContent ?? "";
      }
      const range = document.createRange();
      for (const [needle, end] of [[a, false], [b, true]] as const) {
        const i = all.indexOf(needle);
        const hit = nodes.findLast((x) => x.at <= i);
        if (i < 0 || !hit) throw new Error(`not in the text: ${needle}`);
        if (end) range.setEnd(hit.n, i - hit.at);
        else range.setStart(hit.n, i - hit.at);
      }
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return sel.toString();
    },
    [from, to] as const,
  );
}

/** Whether an element's box is inside the viewport (false while the element does not exist yet). */
async function inViewport(p: Page, selector: string): Promise<boolean> {
  return p.evaluate((sel) => {
    const e = document.querySelector(sel);
    if (!e) return false;
    const r = e.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  }, selector);
}

/** Text of the elements highlighted for one coding, in document order. */
async function highlightedText(p: Page, codingId: string): Promise<string> {
  return p.$$eval(`.ProseMirror [data-coding-ids~="${codingId}"]`, (els) => els.map((e) => e.textContent ?? "").join(""));
}

async function codingsInDb() {
  return db.coding.findMany({
    where: { documentId },
    include: { code: { select: { shortName: true } } },
    orderBy: { createdAt: "asc" },
  });
}

beforeAll(async () => {
  const url = process.env.JUNCTURE_TEST_DB_URL;
  if (!url) throw new Error("JUNCTURE_TEST_DB_URL unset: run with --config vitest.browser.config.ts");
  db = createDb(url);
  const project = await createProject(db, { name: `阅读器测试 Reader test ${Date.now()}` });
  projectId = project.id;
  const imported = await importDocument(db, {
    projectId,
    fileName: "保定市2020年政府工作报告.txt",
    bytes: new TextEncoder().encode(PARAGRAPHS.join("\n")),
  });
  documentId = imported.id;
  const doc = await db.document.findUniqueOrThrow({ where: { id: documentId } });
  plainText = doc.plainText;
  for (const c of await db.code.findMany({ where: { projectId } })) codeIds.set(c.shortName, c.id);
  readerUrl = `/projects/${projectId}/documents/${documentId}`;
  const long = await importDocument(db, { projectId, fileName: "长文档 long.txt", bytes: new TextEncoder().encode(LONG.join("\n")) });
  longDocumentId = long.id;
  longText = (await db.document.findUniqueOrThrow({ where: { id: longDocumentId } })).plainText;
  // The fixture really puts non-BMP characters before the target.
  expect(plainText.indexOf(TARGET)).toBeGreaterThan(cpIndexOf(plainText, TARGET));
  expect(codeIds.has("CON-1")).toBe(true);

  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
  await page.setViewportSize({ width: 1400, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

describe("coding reader", () => {
  it("codes a selected span after 𠮷 at the right code points and shows it again after reload", async () => {
    await openReader(page);
    // Every sentence is still one .unit element holding exactly its text.
    const units = await page.$$eval("[data-testid=reader-text] span.unit", (els) => els.map((e) => e.textContent));
    const stored = await db.unit.findMany({ where: { documentId, kind: "sentence" }, orderBy: { ordinal: "asc" } });
    expect(units).toEqual(stored.map((u) => Array.from(plainText).slice(u.start, u.end).join("")));

    // Select exactly TARGET with a DOM range inside the editor's text.
    const selected = await page.evaluate((target) => {
      const root = document.querySelector(".ProseMirror")!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.textContent ?? "").indexOf(target);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + target.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return sel.toString();
      }
      return null;
    }, TARGET);
    expect(selected).toBe(TARGET);

    const search = page.getByRole("combobox", { name: /Find a code/ });
    await search.waitFor({ state: "visible" });
    await page.keyboard.type("综合交通");
    await expect
      .poll(() => page.locator("[role=option][aria-selected=true]").getAttribute("data-code-short-name"))
      .toBe("CON-1");
    await page.keyboard.press("Enter");

    const bar = page.locator("[data-testid=reader-margin] .margin-bar", { hasText: "CON-1" });
    await bar.waitFor({ state: "visible" });
    expect(await bar.count()).toBe(1);

    const rows = await codingsInDb();
    expect(rows).toHaveLength(1);
    const coding = rows[0]!;
    expect(coding.code.shortName).toBe("CON-1");
    expect(coding.start).toBe(cpIndexOf(plainText, TARGET));
    expect(coding.end).toBe(cpIndexOf(plainText, TARGET) + cpLen(TARGET));
    expect(coding.quote).toBe(selected);
    expect(Array.from(plainText).slice(coding.start, coding.end).join("")).toBe(TARGET);

    expect(await highlightedText(page, coding.id)).toBe(TARGET);
    await page.reload();
    await page.waitForSelector('[data-testid=reader][data-ready="true"]');
    expect(await highlightedText(page, coding.id)).toBe(TARGET);
    expect(await page.locator(`.margin-bar[data-coding-id="${coding.id}"]`).textContent()).toBe("CON-1");
    // The sentence holding the coding is still one .unit with exactly its text.
    const unitTexts = await page.$$eval("[data-testid=reader-text] span.unit", (els) => els.map((e) => e.textContent));
    expect(unitTexts).toEqual(units);
  });

  it("codes a whole sentence from its handle, and with Shift applies the last code directly", async () => {
    await openReader(page);
    const units = await db.unit.findMany({ where: { documentId, kind: "sentence" }, orderBy: { ordinal: "asc" } });
    const last = units.at(-1)!;
    await page.locator(`[data-unit-handle="${last.id}"]`).click();
    await page.getByRole("combobox", { name: /Find a code/ }).waitFor({ state: "visible" });
    await page.keyboard.type("COE-1");
    await page.keyboard.press("Enter");
    await page.locator(".margin-bar", { hasText: "COE-1" }).waitFor({ state: "visible" });

    let coe = (await codingsInDb()).filter((c) => c.code.shortName === "COE-1");
    expect(coe).toHaveLength(1);
    expect(coe.map((c) => [c.start, c.end, c.quote])).toEqual([[last.start, last.end, "全面融入雄安新区建设。"]]);

    // Shift+click on the first sentence's handle: the last-used code, no picker.
    const first = units[0]!;
    await page.locator(`[data-unit-handle="${first.id}"]`).click({ modifiers: ["Shift"] });
    await expect.poll(async () => (await codingsInDb()).filter((c) => c.code.shortName === "COE-1").length).toBe(2);
    coe = (await codingsInDb()).filter((c) => c.code.shortName === "COE-1");
    expect(coe.map((c) => [c.start, c.end])).toContainEqual([first.start, first.end]);
    expect(await page.getByRole("combobox", { name: /Find a code/ }).count()).toBe(0);
  });

  it("remembers the codes used last across a reload: the picker marks them, Shift+click on a handle applies the last one", async () => {
    await openReader(page);
    const units = await db.unit.findMany({ where: { documentId, kind: "sentence" }, orderBy: { ordinal: "asc" } });
    const [u0, u1, u2] = [units[0]!, units[1]!, units[2]!];
    await page.locator(`[data-unit-handle="${u1.id}"]`).click();
    await page.getByRole("combobox", { name: /Find a code/ }).waitFor({ state: "visible" });
    await page.keyboard.type("COE-1");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await codingsInDb()).some((c) => c.code.shortName === "COE-1" && c.start === u1.start && c.end === u1.end)).toBe(true);

    await page.reload();
    await page.waitForSelector('[data-testid=reader][data-ready="true"]');
    // The list comes from localStorage, read at the first gesture (or when the browser is idle).
    await page.locator(`[data-unit-handle="${u0.id}"]`).click();
    await page.getByRole("combobox", { name: /Find a code/ }).waitFor({ state: "visible" });
    await expect.poll(() => page.locator('[role=option][data-code-short-name="COE-1"]').textContent()).toContain("recent");
    await page.keyboard.press("Escape");

    await page.reload();
    await page.waitForSelector('[data-testid=reader][data-ready="true"]');
    const before = (await codingsInDb()).filter((c) => c.start === u2.start && c.end === u2.end && c.code.shortName === "COE-1").length;
    await page.locator(`[data-unit-handle="${u2.id}"]`).click({ modifiers: ["Shift"] });
    await expect
      .poll(async () => (await codingsInDb()).filter((c) => c.start === u2.start && c.end === u2.end && c.code.shortName === "COE-1").length)
      .toBe(before + 1);
  });

  it("draws overlapping codings in separate lanes; deletes from the margin and undoes it", async () => {
    const s = cpIndexOf(plainText, "京津冀协同发展");
    const a = await createCoding(db, { documentId, codeId: codeIds.get("COO-1")!, start: s, end: s + 7, coder: "tester" });
    const b = await createCoding(db, { documentId, codeId: codeIds.get("CON-2")!, start: s + 3, end: s + 11, coder: "tester" });
    await openReader(page);

    const barA = page.locator(`.margin-bar[data-coding-id="${a.id}"]`);
    const barB = page.locator(`.margin-bar[data-coding-id="${b.id}"]`);
    const [laneA, laneB] = [await barA.getAttribute("data-lane"), await barB.getAttribute("data-lane")];
    expect(laneA).not.toBe(laneB);
    const [boxA, boxB] = [(await barA.boundingBox())!, (await barB.boundingBox())!];
    // Side by side: vertical extents overlap, horizontal ones do not.
    expect(boxA.y < boxB.y + boxB.height && boxB.y < boxA.y + boxA.height).toBe(true);
    expect(boxA.x + boxA.width <= boxB.x || boxB.x + boxB.width <= boxA.x).toBe(true);
    // The overlap shows in the text: the shared characters carry both codings.
    expect(await highlightedText(page, a.id)).toBe(a.quote);
    expect(await highlightedText(page, b.id)).toBe(b.quote);
    const both = await page.$$eval(`.ProseMirror [data-coding-ids~="${a.id}"][data-coding-ids~="${b.id}"]`, (els) =>
      els.map((e) => e.textContent).join(""),
    );
    expect(both).toBe(Array.from(plainText).slice(s + 3, s + 7).join(""));

    // Hover shows code, coder; click selects; delete.
    await barA.hover();
    const tip = page.getByTestId("coding-tooltip");
    await tip.waitFor({ state: "visible" });
    expect(await tip.textContent()).toContain("COO-1");
    expect(await tip.textContent()).toContain("tester");
    await barA.click();
    const inspector = page.getByTestId("coding-inspector");
    await inspector.waitFor({ state: "visible" });
    expect(await inspector.getAttribute("data-coding-id")).toBe(a.id);
    await page.getByTestId("delete-coding").click();
    await barA.waitFor({ state: "detached" });
    expect(await db.coding.findUnique({ where: { id: a.id } })).toBeNull();
    expect(await highlightedText(page, a.id)).toBe("");

    // Ctrl+Z re-creates it: same code, span and quote (a new id).
    await page.keyboard.press("Control+z");
    await expect
      .poll(async () => (await codingsInDb()).filter((c) => c.code.shortName === "COO-1").length)
      .toBe(1);
    const restored = (await codingsInDb()).find((c) => c.code.shortName === "COO-1")!;
    expect([restored.start, restored.end, restored.quote]).toEqual([a.start, a.end, a.quote]);
    const barR = page.locator(`.margin-bar[data-coding-id="${restored.id}"]`);
    await barR.waitFor({ state: "visible" });
    expect(await barR.getAttribute("data-lane")).not.toBe(await barB.getAttribute("data-lane"));
    expect(await highlightedText(page, restored.id)).toBe(a.quote);
  });

  it("resizes the selected coding by a character and undoes the edit", async () => {
    await openReader(page);
    const row = (await codingsInDb()).find((c) => c.code.shortName === "CON-1")!;
    await page.locator(`.margin-bar[data-coding-id="${row.id}"]`).click();
    await page.getByTestId("coding-inspector").waitFor({ state: "visible" });
    await page.getByRole("button", { name: "Move the end one character later" }).click();
    await expect.poll(async () => (await db.coding.findUnique({ where: { id: row.id } }))?.end).toBe(row.end + 1);
    await expect.poll(() => highlightedText(page, row.id)).toBe(TARGET + "。");
    await page.getByTestId("undo").click();
    await expect.poll(async () => (await db.coding.findUnique({ where: { id: row.id } }))?.end).toBe(row.end);
    await expect.poll(() => highlightedText(page, row.id)).toBe(TARGET);
  });

  it("refuses a stale edit and shows the server's message", async () => {
    // The live view would soon show the other edit; hold its polls so the edit stays "meanwhile".
    const held = "**/api/documents/*/codings?since=*";
    await page.route(held, (r) => (r.request().method() === "GET" ? r.abort() : r.continue()));
    await page.route(`**/api/documents/${documentId}/codings`, (r) => (r.request().method() === "GET" ? r.abort() : r.continue()));
    await openReader(page);
    const row = (await codingsInDb()).find((c) => c.code.shortName === "CON-2")!;
    await page.locator(`.margin-bar[data-coding-id="${row.id}"]`).click();
    await page.getByTestId("coding-inspector").waitFor({ state: "visible" });
    // Someone else edits the coding behind the reader's back.
    await updateCoding(db, { id: row.id, version: row.version, patch: { comment: "changed elsewhere" } });
    await page.getByTestId("delete-coding").click();
    const alert = page.getByTestId("reader-error");
    await alert.waitFor({ state: "visible" });
    expect(await alert.textContent()).toContain("changed by someone else");
    expect(await db.coding.findUnique({ where: { id: row.id } })).not.toBeNull();
    await alert.getByRole("button", { name: "Reload" }).click();
    await alert.waitFor({ state: "detached" });
    // The refused request itself and the held polls are logged by the browser; nothing else went wrong.
    expect(pageErrors.filter((e) => !/status of 409|net::ERR_FAILED/.test(e))).toEqual([]);
    await page.unrouteAll();
    pageErrors.length = 0;
  });

  it("shows another coder's coding within two seconds without a reload, and its removal (live view)", async () => {
    await openReader(page);
    // A second browser (another coder's) codes a passage through the API.
    const { page: other } = await newPage(browser);
    await other.goto(readerUrl);
    const start = cpIndexOf(plainText, "京津冀协同发展");
    const created = await other.evaluate(
      async ({ documentId, codeId, start }) => {
        const res = await fetch(`/api/documents/${documentId}/codings`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ codeId, start, end: start + 7 }),
        });
        return (await res.json()) as { coding: { id: string; version: number } };
      },
      { documentId, codeId: codeIds.get("COO-2")!, start },
    );
    const bar = page.locator(`.margin-bar[data-coding-id="${created.coding.id}"]`);
    const t0 = Date.now();
    await bar.waitFor({ state: "attached", timeout: 2_500 });
    expect(Date.now() - t0).toBeLessThan(2_500);
    expect(await page.locator(`.ProseMirror [data-coding-ids~="${created.coding.id}"]`).count()).toBeGreaterThan(0);
    // Removed over there: gone here too.
    await other.evaluate(
      async ({ id, version }) => void (await fetch(`/api/codings/${id}?version=${version}`, { method: "DELETE", headers: { "content-type": "application/json" } })),
      created.coding,
    );
    await bar.waitFor({ state: "detached", timeout: 2_500 });
    await other.context().close();
    expect(pageErrors).toEqual([]);
  });

  it("shows one coder's codings, or everyone's (coder filter)", async () => {
    const start = cpIndexOf(plainText, "全面融入");
    const theirs = await createCoding(db, { documentId, codeId: codeIds.get("COE-1")!, start, end: start + 4, coder: "李四" });
    await openReader(page);
    const bars = () => page.locator(".margin-bar").evaluateAll((els) => els.map((e) => e.getAttribute("data-coding-id")));
    const all = await bars();
    expect(all).toContain(theirs.id);
    await page.getByTestId("coder-filter").selectOption("李四");
    await expect.poll(bars).toEqual([theirs.id]);
    expect(await page.getByTestId("document-codes").innerText()).toContain("COE-1");
    await page.getByTestId("coder-filter").selectOption("");
    await expect.poll(async () => (await bars()).length).toBe(all.length);
  });

  it("codes a selection across two paragraphs at exactly the selected code points", async () => {
    await openReader(page);
    const selected = await selectBetween(page, "京津冀协同发展", "打造轨道");
    expect(selected.replace(/\n+/g, "\n")).toBe("京津冀协同发展取得重大进展。\n推进交通一体化，");
    await page.getByRole("combobox", { name: /Find a code/ }).waitFor({ state: "visible" });
    await page.keyboard.type("COE-1");
    await page.keyboard.press("Enter");
    const start = cpIndexOf(plainText, "京津冀协同发展");
    const end = cpIndexOf(plainText, "打造轨道");
    await expect.poll(async () => (await codingsInDb()).some((c) => c.start === start && c.end === end)).toBe(true);
    const row = (await codingsInDb()).find((c) => c.start === start && c.end === end)!;
    expect(row.code.shortName).toBe("COE-1");
    expect(row.quote).toBe(Array.from(plainText).slice(start, end).join(""));
    expect(row.quote).toBe("京津冀协同发展取得重大进展。\n推进交通一体化，");
    // Highlighted on both sides of the paragraph break, and nothing more.
    await expect.poll(() => highlightedText(page, row.id)).toBe("京津冀协同发展取得重大进展。推进交通一体化，");
  });

  it("fetches the text and the codings once each, with the page's preloads; the text from the browser's cache when the document is opened again", async () => {
    const { page: fresh, errors } = await newPage(browser);
    // Bytes transferred by each request for the text and for the codings (0: served by the cache).
    const loads = () =>
      fresh.evaluate(() => {
        const sizes = (part: string) =>
          performance
            .getEntriesByType("resource")
            .filter((e) => e.name.includes(part))
            .map((e) => (e as PerformanceResourceTiming).transferSize);
        return { text: sizes("/text?v="), codings: sizes("/reader/codings") };
      });
    await openReader(fresh);
    for (const part of ["/text?v=", "/reader/codings"])
      expect(await fresh.locator(`link[rel=preload][as=fetch][href^="/api/documents/${documentId}${part}"]`).count()).toBe(1);
    // One request each: the reader's fetches took the preloaded answers instead of asking again.
    const first = await loads();
    expect(first.text).toHaveLength(1);
    expect(first.text[0]).toBeGreaterThan(0);
    expect(first.codings).toHaveLength(1);
    expect(first.codings[0]).toBeGreaterThan(0);
    await openReader(fresh);
    const again = await loads();
    expect(again.text).toEqual([0]); // the text from the cache: nothing transferred
    expect(again.codings).toHaveLength(1);
    expect(again.codings[0]).toBeGreaterThan(0); // the codings asked again
    expect(await fresh.locator("[data-testid=reader-text] span.unit").count()).toBe(
      await db.unit.count({ where: { documentId, kind: "sentence" } }),
    );
    await fresh.context().close();
    expect(errors).toEqual([]);
  });

  it("says why the text or the codings could not be loaded, keeps the first screen, and loads them on Reload", async () => {
    const s = cpIndexOf(plainText, "推进交通");
    const mine = await createCoding(db, { documentId, codeId: codeIds.get("COO-2")!, start: s, end: s + 4, coder: "loader" });
    const { page: fresh, errors } = await newPage(browser);
    await fresh.route("**/reader/codings", (r) =>
      r.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable", message: "the server is restarting" } }) }),
    );
    await fresh.goto(readerUrl);
    const alert = fresh.getByTestId("reader-error");
    await alert.waitFor({ state: "visible" });
    expect(await alert.textContent()).toContain("the server is restarting");
    // The server's first screen is still there to read.
    expect(await fresh.locator("[data-testid=reader-text] .reader-static .unit").first().textContent()).toBe("𠮷祥物“保定𠮷”深受欢迎，𠮷𠮷相传。");
    await fresh.unroute("**/reader/codings");
    await alert.getByRole("button", { name: "Reload" }).click();
    await fresh.waitForSelector('[data-testid=reader][data-ready="true"]', { timeout: 30_000 });
    expect(await fresh.getByTestId("reader-error").count()).toBe(0);
    await fresh.locator(`.margin-bar[data-coding-id="${mine.id}"]`).waitFor({ state: "visible" });
    await fresh.context().close();
    await db.coding.delete({ where: { id: mine.id } });
    // Nothing failed but the answers this test made fail.
    expect(errors.filter((e) => !/^HTTP 503 GET .*\/reader\/codings$/.test(e))).toEqual([]);
  });

  it("loads scripts marked for whole compilation at start-up (scripts/compile-hints.mjs ran on this build)", async () => {
    await openReader(page);
    const scripts = await page.evaluate(() => [...document.querySelectorAll<HTMLScriptElement>("script[src*='/_next/static/chunks/']:not([nomodule])")].map((s) => s.src));
    expect(scripts.length).toBeGreaterThan(3);
    for (const src of scripts) {
      const code = await (await fetch(src)).text();
      expect(code.split("\n", 1)[0], src).toBe("//# allFunctionsCalledOnLoad");
    }
  });

  describe("a long document", () => {
    let far: { id: string; start: number; end: number };
    const longUrl = () => `/projects/${projectId}/documents/${longDocumentId}`;

    beforeAll(async () => {
      // Code-point offset of `phrase` in paragraph i (every paragraph holds one 𠮷 before it).
      const at = (i: number, phrase: string) => cpIndexOf(longText, `第${i}段：`) + cpLen(`第${i}段：推进京津冀协同发展，𠮷`) + (phrase === "加快建设" ? 0 : cpLen("加快建设现代化经济体系，"));
      const s = at(287, "加快建设");
      far = await createCoding(db, { documentId: longDocumentId, codeId: codeIds.get("COO-1")!, start: s, end: s + 8, coder: "tester" });
      const t = at(3, "推动产业");
      await createCoding(db, { documentId: longDocumentId, codeId: codeIds.get("CON-2")!, start: t, end: t + 8, coder: "tester" });
    });

    it("stores the far coding after 287 characters outside the BMP at the right code points", () => {
      expect(Array.from(longText).slice(far.start, far.end).join("")).toBe("加快建设现代化经");
    });

    it("keeps margin bars aligned with their text after scrolling far down", async () => {
      await openReader(page, longUrl());
      // Far down and not yet drawn: only codings near the viewport get a bar.
      expect(await page.locator(`.margin-bar[data-coding-id="${far.id}"]`).count()).toBe(0);
      const text = `.ProseMirror [data-coding-ids~="${far.id}"]`;
      // Highlights beyond the first screens are added in idle time: wait for this one to exist.
      await page.waitForSelector(text, { state: "attached" });
      // To the end, then back up until the coding is a third down the viewport.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.evaluate((sel) => window.scrollBy(0, document.querySelector(sel)!.getBoundingClientRect().top - 300), text);
      await page.waitForFunction((sel) => {
        const el = document.querySelector(sel);
        const r = el?.getBoundingClientRect();
        return !!r && r.top < window.innerHeight && r.bottom > 0;
      }, text);
      // Aligned once layout has settled (paragraphs take their real heights as they are rendered).
      const offset = () =>
        page.evaluate(
          ([bar, txt]) => {
            const b = document.querySelector(bar)?.getBoundingClientRect();
            const t = document.querySelector(txt)?.getBoundingClientRect();
            return b && t ? Math.round(Math.abs(b.top - t.top)) : null;
          },
          [`.margin-bar[data-coding-id="${far.id}"]`, text] as const,
        );
      await expect.poll(offset).toBe(0);
      // Scrolling on by a few lines keeps it aligned.
      await page.mouse.wheel(0, -120);
      await expect.poll(offset).toBe(0);
    });

    it("jumps to an off-screen coding from the side panel", async () => {
      await openReader(page, longUrl());
      const text = `.ProseMirror [data-coding-ids~="${far.id}"]`;
      // Highlights beyond the first screens are added in idle time: wait for this one to exist.
      await page.waitForSelector(text, { state: "attached" });
      expect(await inViewport(page, text)).toBe(false);
      await page.locator('[data-code-count="COO-1"]').click();
      await expect.poll(() => inViewport(page, text)).toBe(true);
      await expect.poll(() => page.getByTestId("coding-inspector").getAttribute("data-coding-id")).toBe(far.id);
      await page.locator(`.margin-bar[data-coding-id="${far.id}"]`).waitFor({ state: "visible" });
    });

    it("follows a link to a place (?at=): selects the coding that starts there, or marks the sentence", async () => {
      await openReader(page, `${longUrl()}?at=${far.start}`);
      const text = `.ProseMirror [data-coding-ids~="${far.id}"]`;
      await expect.poll(() => inViewport(page, text)).toBe(true);
      await expect.poll(() => page.getByTestId("coding-inspector").getAttribute("data-coding-id")).toBe(far.id);
      // No coding starts at paragraph 250: its sentence is marked and brought into view.
      const at = cpIndexOf(longText, "第250段：");
      await openReader(page, `${longUrl()}?at=${at}`);
      await expect.poll(() => page.locator(".flash-span").count()).toBeGreaterThan(0);
      const flashed = page.locator(".flash-span").first();
      expect(await flashed.textContent()).toContain("第250段");
      expect(await inViewport(page, ".flash-span")).toBe(true);
      expect(await page.getByTestId("coding-inspector").count()).toBe(0);
    });

    it("opens with its first screens and adds the rest of the text right after, at the page's full length from the start", async () => {
      expect(cpLen(longText)).toBeGreaterThan(10_000); // longer than what the reader mounts at open (8,000 code points)
      await openReader(page, longUrl());
      const atReady = await page.evaluate(() => document.documentElement.scrollHeight);
      await waitTextComplete(page);
      const complete = await page.evaluate(() => {
        const mark = (n: string) => performance.getEntriesByName(`juncture:reader:${n}`).at(-1)?.startTime ?? NaN;
        return {
          afterReady: mark("text-complete") > mark("ready"),
          paragraphs: document.querySelectorAll(".ProseMirror > p").length,
          spacer: document.querySelectorAll("[data-testid=reader-text-to-come]").length,
          height: document.documentElement.scrollHeight,
        };
      });
      // Added after the reader was ready, not before: the open did not wait for the whole text.
      expect(complete.afterReady).toBe(true);
      expect(complete.paragraphs).toBe(longText.split("\n").length);
      expect(complete.spacer).toBe(0);
      // The spacer stood for the rest: the page was (about) its final length when it opened.
      expect(atReady / complete.height).toBeGreaterThan(0.8);
      expect(atReady / complete.height).toBeLessThan(1.25);
    });

    it("finds text near the end of the document once the whole text is in (the browser's find sees every paragraph)", async () => {
      await openReader(page, longUrl());
      await waitTextComplete(page);
      const found = await page.evaluate(() => {
        const w = window as Window & { find?: (s: string) => boolean };
        const ok = w.find?.("第298段：") ?? false;
        const sel = window.getSelection();
        const r = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).getBoundingClientRect() : null;
        return { ok, text: sel?.toString(), visible: !!r && r.top >= 0 && r.bottom <= window.innerHeight };
      });
      expect(found).toEqual({ ok: true, text: "第298段：", visible: true });
    });
  });
});
