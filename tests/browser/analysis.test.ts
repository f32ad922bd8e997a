import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { analysisFixture } from "../analysis/fixture";
import { launchBrowser, newPage } from "./browser";

/**
 * A researcher opens the frequency view of the analysis fixture (tests/analysis/fixture.ts),
 * filters by mega-region, follows a bar and then a number to their passages, and one passage
 * into the reader at its coding.
 */
let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let f: Awaited<ReturnType<typeof analysisFixture>>;

beforeAll(async () => {
  db = createDb(process.env.JUNCTURE_TEST_DB_URL);
  f = await analysisFixture(db, `分析 analysis ${Date.now()}`);
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

const codings = (p: Page, code: string) => p.getByTestId(`codings-${code}`).innerText();

describe("analysis in the browser", () => {
  it("shows rolled-up frequencies, filters by region, and follows a bar and a number to their passages and into the reader", async () => {
    await page.goto(`/projects/${f.projectId}`);
    await page.getByRole("link", { name: "Analysis" }).click();
    await page.waitForURL(`**/projects/${f.projectId}/analysis`);
    await page.getByTestId("frequency-table").waitFor();
    expect(await codings(page, "CON")).toBe("7");
    expect(await codings(page, "COO-3")).toBe("2");

    // A bar: CON is the first and tallest bar; click just above the axis in its category.
    const chart = page.getByTestId("frequency-chart");
    await page.locator("[data-testid=frequency-chart] canvas").waitFor();
    const box = (await chart.boundingBox())!;
    const plotWidth = box.width - 48 - 16;
    await page.mouse.click(box.x + 48 + plotWidth / 6 / 2, box.y + box.height - 56 - 6);
    const panel = page.getByTestId("passages-panel");
    await panel.waitFor();
    await expect.poll(() => page.getByTestId("passages-count").innerText()).toBe("7 passages in 3 sentences");
    expect(await page.getByTestId("passage").count()).toBe(7);
    await page.getByRole("button", { name: "Close" }).click();

    // Filter: BTH only.
    await page.getByTestId("filter-region").click();
    await page.getByRole("checkbox", { name: "Beijing-Tianjin-Hebei" }).check();
    await page.keyboard.press("Escape");
    await expect.poll(() => codings(page, "CON")).toBe("6");
    expect(await codings(page, "COO-3")).toBe("1");

    // A number: CON's six codings in BTH.
    await page.getByTestId("codings-CON").click();
    await expect.poll(() => page.getByTestId("passages-count").innerText()).toBe("6 passages in 2 sentences");
    const quotes = await page.locator("[data-testid=passage] mark").allInnerTexts();
    expect(quotes.sort()).toEqual(["京津冀协同", "加快京津冀", "推进城际铁路建设。", "城际铁路", "城际铁路", "铁路建设"].sort());

    // One passage into the reader, at its coding.
    const first = page.getByTestId("passage").first();
    const href = await first.getByTestId("passage-open").getAttribute("href");
    expect(href).toMatch(new RegExp(`^/projects/${f.projectId}/documents/${f.d1.doc.id}\\?at=\\d+&coding=`));
    await first.getByTestId("passage-open").click();
    await page.waitForURL(`**/documents/${f.d1.doc.id}?**`);
    expect(await page.getByTestId("reader-title").innerText()).toBe("京津冀报告");
    expect(pageErrors).toEqual([]);
  });

  it("defines the study's variables, sets one per document and groups the frequencies by it", async () => {
    await page.goto(`/projects/${f.projectId}/analysis`);
    await page.getByTestId("tab-variables").click();
    await page.getByTestId("variables-template").click();
    const grid = page.getByTestId("variables-grid");
    await grid.waitFor();
    // role of 京津冀报告 → core, of 长三角规划 → secondary (the selects are labelled by the variable's name).
    const rows = grid.locator("tbody tr");
    await rows.filter({ hasText: "京津冀报告" }).getByRole("combobox", { name: "role" }).selectOption("core");
    await expect.poll(() => rows.filter({ hasText: "京津冀报告" }).getByRole("combobox", { name: "role" }).inputValue()).toBe("core");
    await rows.filter({ hasText: "长三角规划" }).getByRole("combobox", { name: "role" }).selectOption("secondary");
    await expect.poll(() => rows.filter({ hasText: "长三角规划" }).getByRole("combobox", { name: "role" }).inputValue()).toBe("secondary");

    await page.getByTestId("tab-frequencies").click();
    await page.getByTestId("group-by").selectOption("role");
    await page.getByTestId("cell-CON-core").waitFor();
    expect(await page.getByTestId("cell-CON-core").innerText()).toBe("6");
    expect(await page.getByTestId("cell-CON-secondary").innerText()).toBe("1");
    await page.getByTestId("cell-CON-secondary").click();
    await expect.poll(() => page.getByTestId("passages-count").innerText()).toBe("1 passage in 1 sentence");
    expect(await page.locator("[data-testid=passage] mark").allInnerTexts()).toEqual(["共享公共服务"]);
    expect(pageErrors).toEqual([]);
  });
});
