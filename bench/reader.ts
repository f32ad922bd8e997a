import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { createProject, importDocument } from "../lib/corpus";
import { ensureUser } from "../lib/coding";
import { flattenCodebook, getCodebook } from "../lib/codebook";
import type { Db } from "../lib/db/client";
import { extractDocument } from "../lib/text/extract";
import { launchBrowser } from "../tests/browser/browser";
import { startNextServer } from "../tests/browser/next-server";
import { seedCodings } from "./seed";
import { quantile, type Figure } from "./util";

const RUNS = 5;
/** Opens of the reader before the timed ones. */
const WARM_UP = 2;
/** The document, and a long one (a five-year plan's length) with codings at the same density. */
const SIZES = [
  { chars: 100_000, codings: 2_000, label: "100k" },
  { chars: 300_000, codings: 6_000, label: "300k" },
] as const;
/** Codings created through the UI per document (the median is reported). */
const CREATES = 5;

type W = Window & {
  __junctureReaderReady?: boolean;
  __junctureReaderReadyMs?: number;
  __junctureReaderTextComplete?: boolean;
  __floorReadyMs?: number;
};

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const med = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);
const p95 = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.95);

/** Paragraphs of the corpus texts, in order, until `target` characters. */
async function assemble(files: string[], target: number): Promise<string[]> {
  const paragraphs: string[] = [];
  let chars = 0;
  for (const f of files) {
    const text = (await extractDocument(new Uint8Array(fs.readFileSync(f)), f)).text;
    for (const p of text.split("\n")) {
      if (chars >= target) return paragraphs;
      paragraphs.push(p);
      chars += [...p].length + 1;
    }
  }
  return paragraphs;
}

async function waitReady(page: Page) {
  await page.waitForFunction(() => (window as W).__junctureReaderReady === true, null, { timeout: 120_000 });
}

/**
 * Scrolls the page from top to bottom, half a viewport per animation frame, and returns
 * the time between consecutive frames (ms): what a reader flicking through sees.
 */
async function scrollThrough(page: Page): Promise<number[]> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.evaluate(async () => {
    // (No named helpers in here: tsx would wrap them in a __name() the page does not have.)
    const gaps: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    for (let i = 0; i < 5_000 && window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2; i++) {
      window.scrollBy(0, window.innerHeight / 2);
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      gaps.push(now - last);
      last = now;
    }
    return gaps;
  });
}

/**
 * Creates one coding the way a coder does (select a passage in the middle of the document,
 * type a code in the picker, Enter) and returns, measured in the page, the time from the
 * Enter key to the coding's bar in the margin, and the create request's own duration.
 */
async function createOneCoding(page: Page, shortName: string, nth: number): Promise<{ total: number; request: number }> {
  await page.evaluate((k) => {
    const paras = document.querySelectorAll(".ProseMirror > p");
    const p = paras[Math.floor((paras.length * (k + 1)) / 7)];
    p?.scrollIntoView({ block: "center" });
  }, nth);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const selected = await page.evaluate((k) => {
    const paras = document.querySelectorAll(".ProseMirror > p");
    const p = paras[Math.floor((paras.length * (k + 1)) / 7)];
    // Highlights cut the text into short runs: take the longest run in the paragraph.
    const walker = p && document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let best: Node | null = null;
    for (let n = walker?.nextNode(); n; n = walker?.nextNode()) {
      if ((n.textContent ?? "").length > (best?.textContent ?? "").length) best = n;
    }
    const len = (best?.textContent ?? "").length;
    if (!best || len < 3) return "";
    const range = document.createRange();
    range.setStart(best, 0);
    range.setEnd(best, Math.min(len, 6));
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return sel.toString().trim();
  }, nth);
  if (!selected) throw new Error("no text to select for the create benchmark");
  await page.getByRole("combobox", { name: /查找编码|Find a code/ }).waitFor({ state: "visible" });
  await page.keyboard.type(shortName);
  await page.waitForFunction((s) => document.querySelector("[role=option][aria-selected=true]")?.getAttribute("data-code-short-name") === s, shortName);
  // The observer is in place before Enter is pressed; the result is collected afterwards.
  await page.evaluate(() => {
    const margin = document.querySelector("[data-testid=reader-margin]")!;
    const before = new Set([...margin.querySelectorAll("[data-coding-id]")].map((e) => e.getAttribute("data-coding-id")));
    let t0 = 0;
    document.addEventListener(
      "keydown",
      (e) => {
        if (e.key === "Enter") t0 = performance.now();
      },
      { capture: true, once: true },
    );
    (window as W & { __created?: Promise<{ total: number; request: number }> }).__created = new Promise((resolve, reject) => {
      // A bar that never comes fails the run with a reason instead of hanging it.
      const timer = setTimeout(() => {
        mo.disconnect();
        reject(new Error(`no new margin bar within 30 s of Enter (Enter seen: ${t0 > 0})`));
      }, 30_000);
      const mo = new MutationObserver(() => {
        const fresh = [...margin.querySelectorAll("[data-coding-id]")].find((e) => !before.has(e.getAttribute("data-coding-id")));
        if (!fresh || !t0) return;
        mo.disconnect();
        clearTimeout(timer);
        const total = performance.now() - t0;
        const req = performance
          .getEntriesByType("resource")
          .filter((r) => /\/api\/documents\/[^/]+\/codings$/.test(r.name))
          .at(-1) as PerformanceResourceTiming | undefined;
        resolve({ total, request: req?.duration ?? NaN });
      });
      mo.observe(margin, { childList: true });
    });
  });
  await page.keyboard.press("Enter");
  return page.evaluate(() => (window as W & { __created?: Promise<{ total: number; request: number }> }).__created!);
}

/** Where an open's time went: navigation timing and the reader's own performance marks. */
async function readPhases(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const out: Record<string, number> = {
      "first byte": nav?.responseStart ?? NaN,
      "last byte": nav?.responseEnd ?? NaN,
      "DOM parsed": nav?.domInteractive ?? NaN,
    };
    for (const m of performance.getEntriesByType("mark")) if (m.name.startsWith("juncture:reader:")) out[m.name.slice(16)] = m.startTime;
    return out;
  });
}

/**
 * Serves `html` from a plain Node server on the loopback interface (the same site as the
 * reader's server) until `close`. Not through Playwright's request routing: a page that
 * routes requests has its HTTP cache, and so the scripts' code cache, turned off, and the
 * reader must keep both, as a researcher's browser does.
 */
async function serveFloor(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Opens the reader and the same paragraphs as a plain page (serveFloor) in turn, in the same
 * tab, RUNS times after WARM_UP opens of the reader, and returns the time to interactive of
 * each (ms since navigation start).
 */
async function timeOpens(
  page: Page,
  readerUrl: string,
  paragraphs: readonly string[],
  afterReader?: () => Promise<void>,
): Promise<{ reader: number[]; floor: number[] }> {
  const floorPage = await serveFloor(
    `<!doctype html><html><head><meta charset="utf-8"></head><body>` +
      paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("") +
      `<script>requestAnimationFrame(() => { window.__floorReadyMs = performance.now(); });</script></body></html>`,
  );
  const reader: number[] = [];
  const floor: number[] = [];
  try {
    // Warm-up: server caches and compiled route; Chromium keeps a script's compiled code from its second load on.
    for (let i = 0; i < WARM_UP; i++) {
      await page.goto(readerUrl);
      await waitReady(page);
    }
    for (let i = 0; i < RUNS; i++) {
      await page.goto(readerUrl);
      await waitReady(page);
      reader.push(await page.evaluate(() => (window as W).__junctureReaderReadyMs ?? NaN));
      await afterReader?.();
      await page.goto(floorPage.url);
      await page.waitForFunction(() => typeof (window as W).__floorReadyMs === "number");
      floor.push(await page.evaluate(() => (window as W).__floorReadyMs ?? NaN));
    }
  } finally {
    await floorPage.close();
  }
  return { reader, floor };
}

/** One open in a new browser context: no script in the HTTP cache or the code cache yet. */
async function coldOpen(browser: Browser, readerUrl: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(readerUrl);
    await waitReady(page);
    return await page.evaluate(() => (window as W).__junctureReaderReadyMs ?? NaN);
  } finally {
    await page.context().close();
  }
}

type SizeResult = {
  label: string;
  description: string;
  reader: number[];
  floor: number[];
  /** An open with the browser's caches empty (coldOpen). */
  cold: number;
  barsAtOpen: number;
  /** Median time since navigation start at which each phase of opening ended (ms). */
  phases: Record<string, number>;
  scroll: number[];
  floorScroll: number[];
  creates: { total: number; request: number }[];
};

async function benchSize(
  db: Db,
  url: string,
  page: Page,
  baseUrl: string,
  files: string[],
  size: (typeof SIZES)[number],
): Promise<SizeResult> {
  const paragraphs = await assemble(files, size.chars);
  const project = await createProject(db, { name: `bench-reader-${size.label}` });
  const doc = await importDocument(db, {
    projectId: project.id,
    fileName: `reader-${size.label}.txt`,
    bytes: Buffer.from(paragraphs.join("\n")),
  });
  const codes = flattenCodebook(await getCodebook(db, project.id));
  const coder = await ensureUser(db, "bench");
  seedCodings(url, { projectId: project.id, coderId: coder.id, codeIds: codes.map((c) => c.id), count: size.codings, documentIds: [doc.id] });

  const readerUrl = `${baseUrl}/projects/${project.id}/documents/${doc.id}`;
  const phases: Record<string, number>[] = [];
  const { reader, floor } = await timeOpens(page, readerUrl, paragraphs, async () => {
    // A long text's rest is added after the reader is ready: its phases include when all of it was in.
    await page.waitForFunction(() => (window as W).__junctureReaderTextComplete === true, null, { timeout: 120_000 });
    phases.push(await readPhases(page));
  });
  // timeOpens leaves the tab on the floor page.
  const floorScroll = await scrollThrough(page);
  const cold = await coldOpen(page.context().browser()!, readerUrl);
  await page.goto(readerUrl);
  await waitReady(page);
  const barsAtOpen = await page.locator("[data-testid=reader-margin] [data-coding-id]").count();
  const scroll = await scrollThrough(page);
  const shortName = codes[0]?.shortName ?? "";
  const creates: { total: number; request: number }[] = [];
  for (let k = 0; k < CREATES; k++) creates.push(await createOneCoding(page, shortName, k));
  return {
    label: size.label,
    description: `${doc.chars.toLocaleString("en")} characters, ${doc.sentences} sentences, ${size.codings.toLocaleString("en")} codings`,
    reader,
    floor,
    cold,
    barsAtOpen,
    phases: Object.fromEntries(Object.keys(phases[0] ?? {}).map((k) => [k, med(phases.map((p) => p[k] ?? NaN))])),
    scroll,
    floorScroll,
    creates,
  };
}

/**
 * The reader's fixed cost: a document of one paragraph without codings, opened like the
 * large ones, against the same paragraph as a plain page. Subtracted from the large
 * documents' figures, it separates what the text and its codings cost from what the
 * framework (server round trip, scripts, hydration, editor set-up) costs on any page.
 */
async function openOneParagraph(db: Db, page: Page, baseUrl: string, files: string[]): Promise<{ chars: number; reader: number[]; floor: number[] }> {
  const paragraphs = (await assemble(files, 1)).filter((p) => p.trim() !== "").slice(0, 1);
  const project = await createProject(db, { name: "bench-reader-1p" });
  const doc = await importDocument(db, { projectId: project.id, fileName: "reader-1p.txt", bytes: Buffer.from(paragraphs.join("\n")) });
  const readerUrl = `${baseUrl}/projects/${project.id}/documents/${doc.id}`;
  return { chars: doc.chars, ...(await timeOpens(page, readerUrl, paragraphs)) };
}

/**
 * The coding reader in Debian's Chromium against `next start`, for a 100,000-character
 * document with 2,000 codings and a 300,000-character one with 6,000:
 *  - open: navigation start → window.__junctureReaderReadyMs (interactive: editor mounted,
 *    the highlights and the margin bars near the viewport drawn, handlers attached; see
 *    components/reader/readiness.ts), with the scripts in the browser's caches as on any
 *    open after the first (an open with empty caches is reported beside it); a long text's rest
 *    is added after that, and the phases say when all of it was in (text-complete). Floor: the same text as
 *    plain paragraphs from a plain local server (a requestAnimationFrame after parsing), in the
 *    same run.
 *  - scroll: frame-to-frame time while scrolling top to bottom half a viewport per frame.
 *    Floor: the same scroll over the plain paragraphs.
 *  - create: Enter in the picker → the new coding's margin bar, in the page. Floor: the
 *    create request itself (resource timing), i.e. what the client adds on top of the server.
 */
export async function benchReader(db: Db, url: string, dir: string, files: string[]): Promise<Figure[]> {
  const server = await startNextServer({ dbUrl: url, logDir: dir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    const fixed = await openOneParagraph(db, page, server.baseUrl, files);
    const figures: Figure[] = [
      {
        name: `fixed cost: a one-paragraph document (${fixed.chars} characters, no codings), open until interactive, median of ${RUNS}`,
        value: `${med(fixed.reader).toFixed(0)} ms — the page, its scripts, hydration and an editor with almost nothing in it`,
        floor: `${med(fixed.floor).toFixed(0)} ms the same paragraph as a plain page`,
        ratio: med(fixed.reader) / med(fixed.floor),
      },
    ];
    for (const size of SIZES) {
      const r = await benchSize(db, url, page, server.baseUrl, files, size);
      const total = r.creates.map((c) => c.total);
      const request = r.creates.map((c) => c.request);
      figures.push(
        { name: `${r.label} document`, value: `${r.description} (${r.barsAtOpen} margin bars drawn at open)` },
        {
          name: `${r.label} open, phases (median ms since navigation start)`,
          value: Object.entries(r.phases)
            .map(([k, v]) => `${k} ${v.toFixed(0)}`)
            .join(", "),
        },
        {
          name: `${r.label} open until interactive, median of ${RUNS}`,
          value: `${med(r.reader).toFixed(0)} ms (min ${Math.min(...r.reader).toFixed(0)}, max ${Math.max(...r.reader).toFixed(0)})`,
          floor: `${med(r.floor).toFixed(0)} ms plain paragraphs of the same text`,
          ratio: med(r.reader) / med(r.floor),
        },
        {
          name: `${r.label} open in a new browser context (the page's scripts in neither the HTTP cache nor the code cache), once`,
          value: `${r.cold.toFixed(0)} ms`,
        },
        {
          name: `${r.label} open beyond the fixed cost (median minus the one-paragraph median): what the text and its codings add`,
          value: `${(med(r.reader) - med(fixed.reader)).toFixed(0)} ms`,
          floor: `${(med(r.floor) - med(fixed.floor)).toFixed(0)} ms the same difference for the plain pages`,
          ratio: (med(r.reader) - med(fixed.reader)) / (med(r.floor) - med(fixed.floor)),
        },
        {
          name: `${r.label} scroll through (${r.scroll.length} frames), frame time p95`,
          value: `${p95(r.scroll).toFixed(1)} ms (median ${med(r.scroll).toFixed(1)}, max ${Math.max(...r.scroll).toFixed(1)})`,
          floor: `${p95(r.floorScroll).toFixed(1)} ms plain paragraphs (median ${med(r.floorScroll).toFixed(1)}, max ${Math.max(...r.floorScroll).toFixed(1)})`,
          ratio: p95(r.scroll) / p95(r.floorScroll),
        },
        {
          name: `${r.label} create one coding (picker Enter → margin bar), median of ${CREATES}`,
          value: `${med(total).toFixed(0)} ms (max ${Math.max(...total).toFixed(0)})`,
          floor: `${med(request).toFixed(0)} ms the create request alone`,
          ratio: med(total) / med(request),
        },
      );
    }
    return figures;
  } finally {
    await browser.close();
    await server.stop();
  }
}
