import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { stableGuid } from "../../lib/exchange";
import { addProject } from "../coding/fixtures";
import { COMMENT, exchangeFixture, P0, P1, type ExchangeFixture } from "../exchange/fixture";
import { launchBrowser, newPage } from "./browser";

/** The export page: a CSV and a QDPX downloaded as a researcher would, and their content checked. */

let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let f: ExchangeFixture;
let qdpxFile: string;

beforeAll(async () => {
  db = createDb(process.env.JUNCTURE_TEST_DB_URL);
  f = await exchangeFixture(db, `export ${Date.now()}`);
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

/** Clicks Download: the page fetches the file, shows its progress, then hands the browser a Blob to save. */
async function download(): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
  const file = await d.path();
  const bytes = fs.readFileSync(file);
  const progress = page.getByTestId("export-progress");
  await page.locator('[data-testid=export-progress][data-phase="done"]').waitFor();
  const size = bytes.length < 1024 ? `${bytes.length} B` : `${(bytes.length / 1024).toFixed(1)} KB`;
  expect(await progress.innerText()).toBe(`Saved ${d.suggestedFilename()} (${size}).`);
  return { name: d.suggestedFilename(), bytes };
}

describe.sequential("export page", () => {
  it("downloads the codings of one coder as CSV with Chinese text, offsets after 𠮷 and a multi-line comment", async () => {
    await page.goto(`/projects/${f.project.id}/export`);
    await page.getByTestId("export-format-csv").check();
    await page.getByTestId("export-coders").click();
    await page.getByRole("checkbox", { name: "王", exact: true }).check();
    await page.keyboard.press("Escape");
    const { name, bytes } = await download();
    expect(name).toBe(`${f.project.name}.codings.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.code_path, r.text, r.start, r.end, r.coder, r.comment]).sort()).toEqual([
      ["econ / infra", "交通一体化", "16", "21", "王", COMMENT],
      ["econ", "产业升级转移", String(Array.from(`${P0}\n`).length + 11), String(Array.from(`${P0}\n`).length + 17), "王", ""],
    ].sort());
    expect(pageErrors).toEqual([]);
  });

  it("downloads the project as QDPX whose selections cut the coded text out of its sources", async () => {
    await page.goto(`/projects/${f.project.id}/export`);
    await page.getByTestId("export-format-qdpx").check();
    const { name, bytes } = await download();
    expect(name).toBe(`${f.project.name}.qdpx`);
    qdpxFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "juncture-qdpx-")), "project.qdpx");
    fs.writeFileSync(qdpxFile, bytes);
    const entries = unzipSync(new Uint8Array(bytes));
    const text = strFromU8(entries[`sources/${stableGuid("source", f.a.doc.id)}.txt`]!);
    expect(text).toBe(`${P0}\n${P1}`);
    const qde = strFromU8(entries["project.qde"]!);
    const m = new RegExp(`guid="${stableGuid("selection", f.codings.cCross.id)}"[^>]*startPosition="(\\d+)" endPosition="(\\d+)"`).exec(qde);
    expect(m).not.toBeNull();
    expect(Array.from(text).slice(Number(m![1]), Number(m![2])).join("")).toBe("国家战略。𠮷祥");
    expect(pageErrors).toEqual([]);
  });

  it("shows the route's reason when an export is refused (the .qdc of an empty codebook)", async () => {
    const empty = await addProject(db, `empty ${Date.now()}`);
    await page.goto(`/projects/${empty.id}/export`);
    await page.getByTestId("export-format-qdc").check();
    await page.getByTestId("export-download").click();
    const failed = page.locator('[data-testid=export-progress][data-phase="failed"]');
    await failed.waitFor();
    expect(await failed.innerText()).toBe("Export failed: the codebook is empty: nothing to export as .qdc");
    expect(pageErrors).toEqual([]);
  });

  it("imports the downloaded QDPX into a new project and shows its codings in the reader", async () => {
    const name = `imported ${Date.now()}`;
    await page.goto("/projects/import-qdpx");
    await page.getByTestId("qdpx-file").setInputFiles(qdpxFile);
    await page.getByTestId("qdpx-name").fill(name);
    await page.getByTestId("qdpx-import").click();
    const report = page.getByTestId("qdpx-report");
    await report.waitFor({ timeout: 60_000 });
    expect(await report.innerText()).toContain("Imported 2 documents, 3 codes, 5 codings and 4 memos (positions read as codepoints)");
    await page.getByTestId("qdpx-open").click();
    await page.waitForURL(/\/projects\/[^/]+$/);
    const project = await db.project.findUniqueOrThrow({ where: { name } });
    const doc = await db.document.findFirstOrThrow({ where: { projectId: project.id, title: "京津冀规划" } });
    const coding = await db.coding.findFirstOrThrow({ where: { documentId: doc.id, quote: "交通一体化" } });
    await page.goto(`/projects/${project.id}/documents/${doc.id}`);
    await page.waitForSelector('[data-testid=reader][data-ready="true"]', { timeout: 30_000 });
    const shown = await page.$$eval(`.ProseMirror [data-coding-ids~="${coding.id}"]`, (els) => els.map((e) => e.textContent ?? "").join(""));
    expect(shown).toBe("交通一体化");
    expect(await page.locator(".margin-bar[data-coding-id]").count()).toBe(4);
    expect(pageErrors).toEqual([]);
  });
});
