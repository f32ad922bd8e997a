import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { analysisFixture } from "../analysis/fixture";
import { launchBrowser, newPage } from "./browser";

/** A researcher opens the Words tab, sees Chinese words in the table and the cloud, and follows a word into the reader. */
let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let f: Awaited<ReturnType<typeof analysisFixture>>;

beforeAll(async () => {
  db = createDb(process.env.JUNCTURE_TEST_DB_URL);
  f = await analysisFixture(db, `词频 words ${Date.now()}`);
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

describe("word frequencies in the browser", () => {
  it("shows the words in a table and a cloud and opens a word's passage in the reader", async () => {
    await page.goto(`/projects/${f.projectId}/analysis`);
    await page.getByTestId("tab-words").click();
    const table = page.getByTestId("words-table");
    await table.waitFor();
    // 建设 occurs in s0, s3 and t0 (see tests/analysis/words.test.ts).
    const first = table.getByTestId("word-open").first();
    expect(await first.innerText()).toBe("建设");
    expect(await table.locator("tbody tr").first().locator("td").nth(1).innerText()).toBe("3");
    await page.locator("[data-testid=word-cloud] canvas").waitFor();
    await table.getByTestId("word-open").filter({ hasText: "协同" }).click();
    const passages = page.getByTestId("word-passages");
    await passages.waitFor();
    await expect.poll(() => passages.locator("mark").allInnerTexts()).toEqual(["协同"]);
    const link = passages.getByTestId("word-passage-open").first();
    expect(await link.getAttribute("href")).toMatch(new RegExp(`^/projects/${f.projectId}/documents/${f.d1.doc.id}\\?at=\\d+&end=\\d+$`));
    await link.click();
    await page.waitForURL(`**/documents/${f.d1.doc.id}?**`);
    expect(await page.getByTestId("reader-title").innerText()).toBe("京津冀报告");
    expect(pageErrors).toEqual([]);
  });
});
