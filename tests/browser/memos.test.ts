import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCodeByShortName } from "../../lib/codebook";
import { listMemos } from "../../lib/coding";
import { createProject } from "../../lib/corpus";
import { createDb, type Db } from "../../lib/db/client";
import { launchBrowser, newPage } from "./browser";

/**
 * Memos written from the memo page: a code's memo (opened from the codebook's "Write a
 * memo", which lands on /memos?codeId=…) is stored as that code's memo, and a free project
 * memo is stored as a project memo; both are listed under their kind.
 */

let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let projectId: string;
let codeId: string;

beforeAll(async () => {
  db = createDb(process.env.JUNCTURE_TEST_DB_URL);
  projectId = (await createProject(db, { name: `备忘录 memos ${Date.now()}` })).id;
  codeId = (await findCodeByShortName(db, projectId, "CON-1"))!.id;
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

// One scenario: the steps share one page and one project, each continuing from the state the
// previous one left (sequential on purpose; a step is not meant to run alone).
describe.sequential("writing memos in the browser", () => {
  it("stores a memo written from a code as that code's memo", async () => {
    await page.goto(`/projects/${projectId}/memos?codeId=${codeId}`);
    await page.waitForSelector("[data-testid=memo-form]");
    await page.fill("#memo-title", "交通先行");
    await page.fill("#memo-body", "城际铁路是京津冀协同的先手。");
    await page.click("[data-testid=memo-save]");
    await page.waitForSelector("[data-testid=memo][data-memo-kind=code]");

    const memos = await listMemos(db, projectId, { kind: "code", codeId });
    expect(memos).toHaveLength(1);
    expect(memos[0]).toMatchObject({ title: "交通先行", body: "城际铁路是京津冀协同的先手。", codeId });
    expect(pageErrors).toEqual([]);
  });

  it("stores a free project memo and lists memos by kind", async () => {
    await page.goto(`/projects/${projectId}/memos`);
    await page.click("[data-testid=new-memo]");
    await page.fill("#memo-title", "阶段划分");
    await page.fill("#memo-body", "2014 年后进入协同发展实施阶段。");
    await page.click("[data-testid=memo-save]");
    await expect.poll(() => page.locator("[data-testid=memo]").count()).toBe(2);

    const project = await listMemos(db, projectId, { kind: "project" });
    expect(project.map((m) => m.title)).toEqual(["阶段划分"]);
    await page.click('[data-kind="code"]');
    await expect.poll(() => page.locator("[data-testid=memo]").count()).toBe(1);
    expect(await page.locator("[data-testid=memo]").textContent()).toContain("交通先行");
    expect(pageErrors).toEqual([]);
  });
});
