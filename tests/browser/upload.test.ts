import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nth } from "../helpers/nth";
import { launchBrowser, newPage } from "./browser";

/**
 * A researcher creates a project in the web app, imports a batch of files through
 * the upload control (UTF-8 with a character outside the BMP and CRLF line ends, a
 * GB18030 file, and an empty file), sees each file's own outcome, and reads the
 * imported documents sentence by sentence.
 */

// UTF-8 with CRLF, ideographic-space indents and 𠮷 (U+20BB7, two UTF-16 code units).
const UTF8_NAME = "保定市2019年政府工作报告.txt";
const UTF8_PARAGRAPHS = [
  ["过去一年，全市经济运行稳中有进。", "𠮷祥物“保定𠮷”深受欢迎！", "我们要不要继续推进京津冀协同发展？"],
  ["今年要坚持以人民为中心。", "全面融入雄安新区建设。"],
];
const UTF8_BYTES = Buffer.from(
  "\ufeff" + UTF8_PARAGRAPHS.map((p) => "\u3000\u3000" + p.join("")).join("\r\n") + "\r\n",
  "utf8",
);

const GB_NAME = "河北省2018年政府工作报告.txt";
const GB_PARAGRAPHS = [
  ["河北省全力承接北京非首都功能疏解。", "雄安新区规划建设全面展开！", "京津冀协同发展取得重大进展。"],
  ["推进交通一体化，打造“轨道上的京津冀”。", "加快建设现代化经济体系，推动产业转型升级。"],
];
const GB_BYTES = iconv.encode(GB_PARAGRAPHS.map((p) => p.join("")).join("\n") + "\n", "gb18030");

const EMPTY_NAME = "empty.txt";

const cp = (s: string) => Array.from(s).length;
const canonicalChars = (paragraphs: string[][]) =>
  paragraphs.reduce((n, p) => n + cp(p.join("")), 0) + (paragraphs.length - 1);

let browser: Browser;
let page: Page;
let pageErrors: string[];
let dir: string;
let projectUrl: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-upload-"));
  fs.writeFileSync(path.join(dir, UTF8_NAME), UTF8_BYTES);
  fs.writeFileSync(path.join(dir, GB_NAME), GB_BYTES);
  fs.writeFileSync(path.join(dir, EMPTY_NAME), Buffer.alloc(0));
  // Sanity of the fixture itself: the GB18030 bytes are not valid UTF-8 and contain no BOM.
  expect(() => new TextDecoder("utf-8", { fatal: true }).decode(GB_BYTES)).toThrow(TypeError);
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * The sentence units the reader shows: `.unit` spans with their id and code-point
 * offsets, and the index of the paragraph block they sit in. Independent of how the
 * reader is built (server markup or an editor), only of that contract.
 */
async function unitsOfReader(p: Page) {
  return p.$$eval("[data-testid=reader-text] .unit[data-unit-id]", (spans) => {
    const blocks: Element[] = [];
    return spans.map((s) => {
      const block = s.closest("p");
      if (block && !blocks.includes(block)) blocks.push(block);
      return {
        id: s.getAttribute("data-unit-id") ?? "",
        text: s.textContent ?? "",
        start: Number(s.getAttribute("data-start")),
        end: Number(s.getAttribute("data-end")),
        paragraph: block ? blocks.indexOf(block) : -1,
      };
    });
  });
}

/** Waits until the reader shows the expected sentence texts (it may mount an editor after first paint). */
async function readerUnits(p: Page, texts: string[]) {
  await expect
    .poll(async () => (await unitsOfReader(p)).map((u) => u.text), { timeout: 20_000 })
    .toEqual(texts);
  return unitsOfReader(p);
}

/** Code-point offsets of each expected sentence in the canonical text. */
function expectedSpans(paragraphs: string[][]) {
  const out: { text: string; start: number; end: number; paragraph: number }[] = [];
  let pos = 0;
  paragraphs.forEach((p, pi) => {
    if (pi > 0) pos += 1; // the "\n" separator
    for (const s of p) {
      out.push({ text: s, start: pos, end: pos + cp(s), paragraph: pi });
      pos += cp(s);
    }
  });
  return out;
}

// One scenario: the steps share one page and one project, each continuing from the state the
// previous one left (sequential on purpose; a step is not meant to run alone).
describe.sequential("web import of a batch of files", () => {
  it("creates a project from the project list", async () => {
    await page.goto("/");
    await page.getByRole("button", { name: "New project" }).click();
    const name = `上传测试 Upload test ${Date.now()}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await page.waitForURL(/\/projects\/[^/?]+$/);
    expect(await page.getByTestId("project-name").textContent()).toBe(name);
    projectUrl = page.url();
  });

  it("uploads each file on its own and reports each outcome; a failure does not stop the batch", async () => {
    // A new project opens with the import panel.
    const input = page.getByTestId("upload-input");
    await input.setInputFiles([
      path.join(dir, UTF8_NAME),
      path.join(dir, EMPTY_NAME),
      path.join(dir, GB_NAME),
    ]);
    const items = page.getByTestId("upload-item");
    await expect.poll(() => items.count()).toBe(3);

    // One request per file.
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/documents")) posts.push(r.url());
    });
    await page.getByTestId("upload-start").click();
    await page.waitForFunction(
      () =>
        document.querySelectorAll(
          '[data-testid=upload-item][data-status="done"], [data-testid=upload-item][data-status="error"]',
        ).length === 3,
      undefined,
      { timeout: 60_000 },
    );
    expect(posts).toHaveLength(3);

    const utf8 = page.locator(`[data-testid=upload-item][data-file-name="${UTF8_NAME}"]`);
    expect(await utf8.getAttribute("data-status")).toBe("done");
    expect(await utf8.locator("[data-field=encoding]").textContent()).toBe("UTF-8");
    expect(await utf8.locator("[data-field=sentences]").textContent()).toBe("5");
    expect(await utf8.locator("[data-field=chars]").textContent()).toBe(String(canonicalChars(UTF8_PARAGRAPHS)));

    const gb = page.locator(`[data-testid=upload-item][data-file-name="${GB_NAME}"]`);
    expect(await gb.getAttribute("data-status")).toBe("done");
    expect(await gb.locator("[data-field=encoding]").textContent()).toBe("GB18030");
    expect(await gb.locator("[data-field=sentences]").textContent()).toBe("5");
    expect(await gb.locator("[data-field=chars]").textContent()).toBe(String(canonicalChars(GB_PARAGRAPHS)));

    const empty = page.locator(`[data-testid=upload-item][data-file-name="${EMPTY_NAME}"]`);
    expect(await empty.getAttribute("data-status")).toBe("error");
    const reason = await empty.getByTestId("upload-error").textContent();
    // The server's reason in the interface language only (English here).
    expect(reason).toBe("file is empty");

    expect(await page.getByTestId("upload-summary").textContent()).toBe("2 succeeded · 1 failed");
  });

  it("refreshes the document list with the imported documents and their metadata", async () => {
    const rows = page.locator("[data-testid=document-table] tbody tr");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    const titles = await page.getByTestId("document-link").allTextContents();
    expect(titles.sort()).toEqual(["保定市2019年政府工作报告", "河北省2018年政府工作报告"].sort());
    // Region inferred from the file name, shown with its Chinese name.
    const baoding = page.locator("[data-testid=document-table] tbody tr", { hasText: "保定市2019年政府工作报告" });
    expect(await baoding.textContent()).toContain("Beijing-Tianjin-Hebei");
    expect(await baoding.textContent()).toContain("2019");
  });

  it("shows the UTF-8 document's sentences as separate units with code-point offsets", async () => {
    await page.getByTestId("document-link").filter({ hasText: "保定市2019年政府工作报告" }).click();
    await page.waitForURL(/\/projects\/[^/]+\/documents\/[^/?]+$/);
    expect(await page.getByTestId("reader-title").textContent()).toBe("保定市2019年政府工作报告");
    const expected = expectedSpans(UTF8_PARAGRAPHS);
    const units = await readerUnits(page, expected.map((e) => e.text));
    expect(units.map(({ start, end, paragraph }) => ({ start, end, paragraph }))).toEqual(
      expected.map(({ start, end, paragraph }) => ({ start, end, paragraph })),
    );
    // Offsets count code points: the 𠮷 sentence is shorter in code points than in UTF-16.
    const jiyi = nth(units, 1);
    expect(jiyi.end - jiyi.start).toBe(cp("𠮷祥物“保定𠮷”深受欢迎！"));
    expect(jiyi.end - jiyi.start).toBe("𠮷祥物“保定𠮷”深受欢迎！".length - 2); // two surrogate pairs
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
    expect(units.every((u) => u.id.length > 0)).toBe(true);
  });

  it("shows the GB18030 document decoded, split into its sentences", async () => {
    await page.goto(projectUrl);
    await page.getByTestId("document-link").filter({ hasText: "河北省2018年政府工作报告" }).click();
    await page.waitForURL(/\/documents\/[^/?]+$/);
    const expected = expectedSpans(GB_PARAGRAPHS);
    const units = await readerUnits(page, expected.map((e) => e.text));
    expect(units.map(({ start, end }) => [start, end])).toEqual(expected.map(({ start, end }) => [start, end]));
    expect(await page.getByTestId("reader-header").textContent()).toContain("GB18030");
    expect(pageErrors).toEqual([]);
  });

  it("edits metadata from the reader; an edit based on a stale version is refused and keeps the input", async () => {
    // The reader of the GB18030 document is open; its id is in the URL.
    const documentId = new URL(page.url()).pathname.split("/").pop()!;
    const api = `${process.env.JUNCTURE_BASE_URL}/api/documents/${documentId}`;
    await page.getByRole("button", { name: /Edit metadata/ }).click();
    await page.getByLabel("Title", { exact: true }).fill("河北省2018年政府工作报告（全文）");

    // Someone else saves first.
    const { document: before } = (await (await fetch(api)).json()) as { document: { version: number } };
    const other = await fetch(api, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version: before.version, issuer: "河北省人民政府办公厅", year: 2017 }),
    });
    expect(other.status).toBe(200);

    await page.getByRole("button", { name: "Save", exact: true }).click();
    const conflict = page.getByTestId("metadata-conflict");
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("Changed by someone else");
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe("河北省2018年政府工作报告（全文）");
    const { document: untouched } = (await (await fetch(api)).json()) as { document: { title: string; issuer: string } };
    expect(untouched.title).toBe("河北省2018年政府工作报告");

    // Reload: the other person's changes arrive, the user's edit stays; saving now succeeds.
    await page.getByRole("button", { name: /Reload/ }).click();
    await expect.poll(() => page.getByLabel("Issuer", { exact: true }).inputValue()).toBe("河北省人民政府办公厅");
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe("河北省2018年政府工作报告（全文）");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect
      .poll(() => page.getByTestId("reader-title").textContent(), { timeout: 15_000 })
      .toBe("河北省2018年政府工作报告（全文）");
    const { document: saved } = (await (await fetch(api)).json()) as {
      document: { title: string; issuer: string; year: number; version: number };
    };
    expect(saved).toMatchObject({ title: "河北省2018年政府工作报告（全文）", issuer: "河北省人民政府办公厅", year: 2017 });
    expect(saved.version).toBe(before.version + 2);
    expect(pageErrors).toEqual([]);
  });
});
