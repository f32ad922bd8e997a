import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { matrixFixture } from "../analysis/matrix-fixture";
import { launchBrowser, newPage } from "./browser";

/**
 * A researcher opens the mismatch matrix of the matrix fixture (tests/analysis/matrix-fixture.ts)
 * within VERTICAL, writes the finding of PLACE × COO, reloads and finds it again, then sees it
 * in the print view and in the exported CSV (the study's Tables 6.1 and 6.2).
 */
let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let f: Awaited<ReturnType<typeof matrixFixture>>;

beforeAll(async () => {
  db = createDb(process.env.JUNCTURE_TEST_DB_URL);
  f = await matrixFixture(db, `矩阵 matrix ${Date.now()}`);
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

async function openMatrix(p: Page) {
  await p.goto(`/projects/${f.projectId}/analysis`);
  await p.getByTestId("tab-mismatch").click();
  // The fixture has no ACTOR: two rows.
  await p.getByTestId("mismatch-rows").fill("PLACE,PRIORITY");
  await p.getByTestId("mismatch-within").fill("VERTICAL");
  await expect.poll(() => p.getByTestId("cell-PLACE-COO").getByTestId("cell-count").innerText()).toBe("1 units / 2 codings");
}

describe("mismatch matrix in the browser", () => {
  it("keeps a cell's finding across a reload and shows it in the print view and the CSV", async () => {
    await openMatrix(page);
    const cell = page.getByTestId("cell-PLACE-COO");
    await cell.getByTestId("finding-edit").click();
    await cell.getByTestId("finding-input").fill("远郊承接能力不足");
    await cell.getByTestId("finding-save").click();
    await expect.poll(() => cell.getByTestId("finding-text").innerText()).toBe("远郊承接能力不足");

    await page.reload();
    await openMatrix(page);
    await expect.poll(() => page.getByTestId("cell-PLACE-COO").getByTestId("finding-text").innerText()).toBe("远郊承接能力不足");
    expect(await page.getByTestId("finding-text").count()).toBe(1);

    // The print view: the table with its finding, without the editing controls.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("cell-PLACE-COO").getByTestId("finding-text").isVisible()).toBe(true);
    expect(await page.getByTestId("cell-PLACE-COO").getByTestId("finding-edit").isVisible()).toBe(false);
    expect(await page.getByTestId("mismatch-rows").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });

    const href = await page.getByTestId("mismatch-csv").getAttribute("href");
    const csv = await (await page.request.get(href!)).text();
    expect(csv).toContain("VERTICAL,PLACE,COO,PLACE中 × COO中,PLACE en × COO en,1,2,远郊承接能力不足");
    expect(pageErrors).toEqual([]);
  });
});
