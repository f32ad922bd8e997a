import fs from "node:fs";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { matrixFixture } from "../analysis/matrix-fixture";
import { launchBrowser, newPage } from "./browser";

/**
 * A researcher opens the mismatch matrix of the matrix fixture (tests/analysis/matrix-fixture.ts)
 * with the study's defaults (rows PLACE / PRIORITY / ACTOR, columns COE / CON / COO, within
 * VERTICAL), follows a cell to its passages, writes the cell's finding, and finds it again after
 * a reload, in the printed matrix and in the CSV export.
 */
let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let f: Awaited<ReturnType<typeof matrixFixture>>;

// A comma and Chinese text: the CSV must quote the one and keep the other.
const FINDING = "Transport is planned from the centre, the city only follows — 中央统筹交通，地方跟随";

beforeAll(async () => {
  db = createDb(process.env.JUNCTURE_TEST_DB_URL);
  f = await matrixFixture(db, `错配 matrix ${Date.now()}`);
  // The study's third mismatch, uncoded here: its row is all zeros, and the default rows resolve.
  await db.code.create({ data: { projectId: f.projectId, shortName: "ACTOR", labelZh: "ACTOR中", labelEn: "ACTOR en", sortOrder: 99 } });
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

const cell = (p: Page, row: string, col: string) => p.getByTestId(`cell-${row}-${col}`);

async function openMismatch(p: Page) {
  await p.goto(`/projects/${f.projectId}/analysis`);
  await p.getByTestId("tab-mismatch").click();
  await p.getByTestId("mismatch-table").waitFor();
}

describe("the mismatch matrix in the browser", () => {
  it("counts a cell, opens its passages, keeps its finding and prints and exports it", async () => {
    await openMismatch(page);
    expect(await page.locator("[data-testid=mismatch-table] caption").innerText()).toBe("Mismatch matrix within VERTICAL VERTICAL en");
    // Within VERTICAL (s0 and s3): PLACE×CON is s0 with m1, m2 (PLACE twice) and m3 (CON-1);
    // PLACE×COO is s3 with m10 (spanning s2 and s3) and m12; nothing else (tests/analysis/matrix.test.ts).
    const counts = async (row: string) =>
      Promise.all(["COE", "CON", "COO"].map((col) => cell(page, row, col).getByTestId("cell-count").innerText()));
    expect(await counts("PLACE")).toEqual(["0 units / 0 codings", "1 unit / 3 codings", "1 unit / 2 codings"]);
    expect(await counts("PRIORITY")).toEqual(["0 units / 0 codings", "0 units / 0 codings", "0 units / 0 codings"]);
    expect(await counts("ACTOR")).toEqual(["0 units / 0 codings", "0 units / 0 codings", "0 units / 0 codings"]);

    // The cell's passages: the three codings on s0, among them bob's 交通建设.
    await cell(page, "PLACE", "CON").getByTestId("cell-count").click();
    await page.getByTestId("passages-panel").waitFor();
    await expect.poll(() => page.getByTestId("passages-count").innerText()).toBe("3 passages in 1 sentence");
    const quotes = await page.locator("[data-testid=passage] mark").allInnerTexts();
    expect(quotes.sort()).toEqual(["中央统筹交通建设。", "交通建设", "交通"].sort());
    await page.getByRole("button", { name: "Close" }).click();
    await page.getByTestId("passages-panel").waitFor({ state: "detached" });

    // The cell's finding.
    const placeCon = cell(page, "PLACE", "CON");
    expect(await placeCon.getByTestId("finding-edit").innerText()).toBe("Write finding");
    await placeCon.getByTestId("finding-edit").click();
    await placeCon.getByTestId("finding-input").fill(FINDING);
    await placeCon.getByTestId("finding-save").click();
    await expect.poll(() => placeCon.getByTestId("finding-text").innerText()).toBe(FINDING);
    expect(await placeCon.getByTestId("finding-edit").innerText()).toBe("Edit finding");

    // Kept: after a reload it is read back from the server.
    await page.reload();
    await page.getByTestId("tab-mismatch").click();
    await placeCon.getByTestId("finding-text").waitFor();
    expect(await placeCon.getByTestId("finding-text").innerText()).toBe(FINDING);
    expect(await page.getByTestId("finding-text").count()).toBe(1);

    // Print: the button asks the browser to print; the print view shows the matrix with the
    // finding in its cell and none of the controls.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByTestId("mismatch-print").click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("mismatch-table").isVisible()).toBe(true);
    expect(await placeCon.getByTestId("finding-text").isVisible()).toBe(true);
    expect((await placeCon.innerText()).split("\n").filter((l) => l.trim() !== "")).toEqual(["1 unit / 3 codings", FINDING]);
    for (const control of ["finding-edit", "mismatch-print", "mismatch-csv", "mismatch-rows", "tab-mismatch"]) {
      expect({ control, visible: await page.getByTestId(control).first().isVisible() }).toEqual({ control, visible: false });
    }
    await page.emulateMedia({ media: "screen" });

    // CSV export: one row per cell, the finding in PLACE×CON's row only.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("mismatch-csv").click()]);
    expect(download.suggestedFilename()).toBe("matrix-VERTICAL.csv");
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(9);
    expect(rows.find((r) => r.row === "PLACE" && r.column === "CON")).toEqual({
      within: "VERTICAL",
      row: "PLACE",
      column: "CON",
      label_zh: "PLACE中 × CON中",
      label_en: "PLACE en × CON en",
      units: "1",
      codings: "3",
      finding: FINDING,
    });
    expect(rows.filter((r) => r.finding !== "").length).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
