import fs from "node:fs";
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
const TARGET_CHARS = 100_000;
const CODINGS = 2_000;


function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Time from navigation start until the coding reader is interactive (editor
 * mounted, 2,000 highlights and the margin laid out: the reader sets
 * window.__junctureReaderReadyMs) for a 100,000-character document, in Debian's
 * Chromium against `next start`. Floor: the same browser laying out the same text
 * as plain paragraphs served from the same origin, in the same run.
 */
export async function benchReader(db: Db, url: string, dir: string, files: string[]): Promise<Figure[]> {
  // One ~100,000-character document assembled from corpus texts, paragraph by paragraph.
  const paragraphs: string[] = [];
  let chars = 0;
  for (const f of files) {
    const text = (await extractDocument(new Uint8Array(fs.readFileSync(f)), f)).text;
    for (const p of text.split("\n")) {
      if (chars >= TARGET_CHARS) break;
      paragraphs.push(p);
      chars += [...p].length + 1;
    }
    if (chars >= TARGET_CHARS) break;
  }
  const body = paragraphs.join("\n");
  const project = await createProject(db, { name: "bench-reader" });
  const coded = await importDocument(db, { projectId: project.id, fileName: "reader-100k.txt", bytes: Buffer.from(body) });
  const codes = flattenCodebook(await getCodebook(db, project.id));
  const coder = await ensureUser(db, "bench");
  seedCodings(url, { projectId: project.id, coderId: coder.id, codeIds: codes.map((c) => c.id), count: CODINGS, documentIds: [coded.id] });

  const server = await startNextServer({ dbUrl: url, logDir: dir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const readerUrl = `${server.baseUrl}/projects/${project.id}/documents/${coded.id}`;
    const floorUrl = `${server.baseUrl}/__bench_floor`;
    const floorHtml =
      `<!doctype html><html><head><meta charset="utf-8"></head><body>` +
      paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("") +
      `<script>requestAnimationFrame(() => { window.__floorReadyMs = performance.now(); });</script></body></html>`;
    await page.route(floorUrl, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: floorHtml }));

    const reader: number[] = [];
    const floor: number[] = [];
    await page.goto(readerUrl); // warm-up: server caches, compiled route
    await page.waitForFunction(() => (window as unknown as { __junctureReaderReady?: boolean }).__junctureReaderReady === true, null, {
      timeout: 120_000,
    });
    for (let i = 0; i < RUNS; i++) {
      await page.goto(readerUrl);
      await page.waitForFunction(() => (window as unknown as { __junctureReaderReady?: boolean }).__junctureReaderReady === true, null, {
        timeout: 120_000,
      });
      reader.push(await page.evaluate(() => (window as unknown as { __junctureReaderReadyMs: number }).__junctureReaderReadyMs));
      await page.goto(floorUrl);
      await page.waitForFunction(() => typeof (window as unknown as { __floorReadyMs?: number }).__floorReadyMs === "number");
      floor.push(await page.evaluate(() => (window as unknown as { __floorReadyMs: number }).__floorReadyMs));
    }
    const codingsShown = await (async () => {
      await page.goto(readerUrl);
      await page.waitForFunction(() => (window as unknown as { __junctureReaderReady?: boolean }).__junctureReaderReady === true);
      return page.locator("[data-coding-id]").count();
    })();
    const med = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);
    return [
      { name: "document", value: `${coded.chars.toLocaleString("en")} characters, ${coded.sentences} sentences, ${CODINGS} codings (${codingsShown} coding elements rendered)` },
      {
        name: `open until interactive, median of ${RUNS}`,
        value: `${med(reader).toFixed(0)} ms (min ${Math.min(...reader).toFixed(0)}, max ${Math.max(...reader).toFixed(0)})`,
        floor: `${med(floor).toFixed(0)} ms plain paragraphs of the same text`,
        ratio: med(reader) / med(floor),
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
