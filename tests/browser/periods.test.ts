import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoProject, DEMO_PROJECT_NAME } from "../../lib/corpus/demo";
import { createDb, type Db } from "../../lib/db/client";
import { addEvidence, escapeXml, formatPeriodDate, listPeriods } from "../../lib/periods";
import { launchBrowser, newPage } from "./browser";

/**
 * The demo's BTH timeline: the real Hebei series under Table 4.1's four stages and three
 * junctures; a juncture's evidence followed into the reader; a suggested juncture accepted.
 */

let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let projectId: string;
let evidenceCoding: { id: string; documentId: string; start: number };
let outlineId: string;

beforeAll(async () => {
  db = createDb(process.env.JUNCTURE_TEST_DB_URL);
  await loadDemoProject(db);
  projectId = (await db.project.findUniqueOrThrow({ where: { name: DEMO_PROJECT_NAME } })).id;
  // A passage of the 2014 report as the evidence of the 2014 juncture (the Outline).
  const bth = (await listPeriods(db, projectId, { field: "region", value: "BTH" }))[0]!;
  outlineId = bth.junctures.find((j) => j.date.year === 2014)!.id;
  const coding = await db.coding.findFirstOrThrow({ where: { projectId, document: { year: 2014 } }, orderBy: { start: "asc" } });
  evidenceCoding = { id: coding.id, documentId: coding.documentId, start: coding.start };
  await addEvidence(db, { junctureId: outlineId, evidence: { kind: "coding", targetId: coding.id }, actor: "tester" });
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

/** Clicks a save button and reads the downloaded file. */
async function save(testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe.sequential("periods of the demo", () => {
  it("shows BTH's four stages and three junctures over the yearly profile of its real reports", async () => {
    await page.goto(`/projects/${projectId}/periods?region=BTH`);
    await page.locator("[data-testid=timeline-chart] canvas").waitFor();
    await expect.poll(() => page.locator("[data-testid=stage-list] [data-stage-id]").count()).toBe(4);
    expect(await page.locator("[data-testid=juncture-list] [data-juncture-id]").count()).toBe(3);
    const stages = await page.locator("[data-testid=stage-list] [data-stage-id] button").first().innerText();
    expect(stages).toContain("2006–2010");
    // Every year of the axis, with its documents and characters; the gap years show 0 documents.
    const docs = await db.document.findMany({ where: { projectId }, select: { year: true } });
    const years = docs.map((d) => d.year!).sort((a, b) => a - b);
    const shown = await page.locator("[data-testid=year-table] [data-year]").allInnerTexts();
    expect(shown[0]).toBe(String(years[0]));
    expect(shown[shown.length - 1]).toBe(String(years[years.length - 1]));
    expect(shown).toHaveLength(years[years.length - 1]! - years[0]! + 1);
    expect(pageErrors).toEqual([]);
  });

  it("opens a juncture's evidence and follows its passage into the reader", async () => {
    await page.locator(`[data-juncture-id="${outlineId}"] button`).first().click();
    const panel = page.getByTestId("selection-panel");
    await panel.waitFor();
    const link = panel.locator("[data-testid=evidence-list] a").first();
    expect(await link.getAttribute("href")).toBe(`/projects/${projectId}/documents/${evidenceCoding.documentId}?at=${evidenceCoding.start}`);
    await link.click();
    await page.waitForSelector('[data-testid=reader][data-ready="true"]', { timeout: 30_000 });
    await expect.poll(() => page.getByTestId("coding-inspector").getAttribute("data-coding-id")).toBe(evidenceCoding.id);
    expect(pageErrors).toEqual([]);
  });

  it("opens the passages behind a year and behind a stage × code cell, each into the reader", async () => {
    await page.goto(`/projects/${projectId}/periods?region=BTH`);
    await page.locator('[data-testid=year-table] [data-year="2014"]').click();
    const panel = page.getByTestId("period-passages");
    await panel.locator("[data-total]").waitFor();
    const total = Number(await panel.locator("[data-total]").getAttribute("data-total"));
    // COE (the first profiled code) with its sub-codes in 2014's report, as the database counts them.
    const coe = await db.code.findFirstOrThrow({ where: { projectId, shortName: "COE" } });
    const subtree = await db.code.findMany({ where: { projectId, OR: [{ id: coe.id }, { parentId: coe.id }] }, select: { id: true } });
    const expected = await db.coding.count({ where: { projectId, codeId: { in: subtree.map((c) => c.id) }, document: { year: 2014, region: "BTH" } } });
    expect(total).toBe(expected);
    expect(total).toBeGreaterThan(0);

    await page.getByRole("tab", { name: "Stage × code" }).click();
    await page.locator('[data-testid=stage-code-table] [data-cell="CON:2"]').click();
    const cellPanel = page.getByTestId("period-passages");
    await cellPanel.locator("li").first().waitFor();
    const years = (await cellPanel.locator("li div").allInnerTexts()).map((x) => Number(/· (\d{4}) ·/.exec(x)?.[1]));
    expect(years.every((y) => y >= 2014 && y <= 2017)).toBe(true);
    const href = await cellPanel.locator("li a").first().getAttribute("href");
    expect(href).toMatch(new RegExp(`^/projects/${projectId}/documents/[^?]+\\?at=\\d+$`));
    await cellPanel.locator("li a").first().click();
    await page.waitForSelector('[data-testid=reader][data-ready="true"]', { timeout: 30_000 });
    await page.getByTestId("coding-inspector").waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("accepts a suggested juncture, with the suggestion's passages as its evidence", async () => {
    await page.goto(`/projects/${projectId}/periods?region=BTH`);
    await page.getByRole("tab", { name: "Juncture suggestions" }).click();
    await page.getByTestId("run-suggestions").click();
    const first = page.locator("[data-suggestion-year]").first();
    await first.waitFor();
    const year = Number(await first.getAttribute("data-suggestion-year"));
    const before = (await listPeriods(db, projectId, { field: "region", value: "BTH" }))[0]!.junctures.length;
    await first.getByTestId("accept-suggestion").click();
    const form = page.getByTestId("juncture-form");
    expect(await form.locator("#juncture-date").inputValue()).toBe(String(year));
    await form.locator("#juncture-titleZh").fill("建议的关键节点");
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("periods-notice").waitFor();
    const after = (await listPeriods(db, projectId, { field: "region", value: "BTH" }))[0]!.junctures;
    expect(after).toHaveLength(before + 1);
    const added = after.find((j) => j.titleZh === "建议的关键节点")!;
    expect(added.date.year).toBe(year);
    expect(added.evidence.length).toBeGreaterThan(0);
    expect(added.evidence.every((e) => e.kind === "coding" && !e.missing)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it("saves the timeline and the comparison of regions as PNG and SVG", async () => {
    await page.goto(`/projects/${projectId}/periods?region=BTH`);
    await page.locator("[data-testid=timeline-chart] canvas").waitFor();
    await expect.poll(() => page.locator("[data-testid=stage-list] [data-stage-id]").count()).toBe(4);
    const bth = (await listPeriods(db, projectId, { field: "region", value: "BTH" }))[0]!;
    const first = bth.stages[0]!;

    const png = await save("timeline-chart-png");
    expect(png.name).toBe("timeline-BTH.png");
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const svg = await save("timeline-chart-svg");
    expect(svg.name).toBe("timeline-BTH.svg");
    const timelineSvg = svg.bytes.toString("utf8");
    expect(timelineSvg).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
    // The first stage's band is labelled with its span.
    expect(timelineSvg).toContain("2006–2010");

    await page.getByRole("tab", { name: "Comparison" }).click();
    await page.getByTestId("comparison").waitFor();
    const cpng = await save("comparison-png");
    expect(cpng.name).toBe("periods-comparison.png");
    expect(cpng.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const csvg = await save("comparison-svg");
    expect(csvg.name).toBe("periods-comparison.svg");
    const comparisonSvg = csvg.bytes.toString("utf8");
    expect(comparisonSvg.startsWith("<svg")).toBe(true);
    expect(comparisonSvg).toContain(escapeXml(`2006–2010 ${first.nameEn || first.nameZh}`));
    // Every BTH juncture (with the one accepted in the previous test) by its date and title, as the page names them.
    for (const j of bth.junctures) {
      expect(comparisonSvg).toContain(`<title>${escapeXml(`${formatPeriodDate(j.date)} ${j.titleEn || j.titleZh}`)}</title>`);
    }
    expect(bth.junctures.some((j) => j.titleZh === "建议的关键节点")).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
