import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createMemo } from "../../lib/coding";
import { createProject } from "../../lib/corpus";
import { createDb, type Db } from "../../lib/db/client";
import { launchBrowser, newPage } from "./browser";

/**
 * Deleting a project from the project list: the dialog says what goes with it and the
 * delete button stays disabled until the project's exact name is typed.
 */

let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let projectId: string;
let name: string;

beforeAll(async () => {
  db = createDb(process.env.JUNCTURE_TEST_DB_URL);
  name = `待删除 doomed ${Date.now()}`;
  projectId = (await createProject(db, { name, templates: "none" })).id;
  await db.code.create({
    data: { projectId, shortName: "X-1", labelZh: "甲", labelEn: "x", color: "#336699", keywords: "[]" },
  });
  await createMemo(db, { projectId, kind: "project", author: "王", body: "笔记" });
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

it("asks for the project's name, shows what goes with it, then deletes it", async () => {
  await page.goto("/");
  const row = page.locator(`[data-testid=project-row][data-project-id="${projectId}"]`);
  await row.locator("[data-testid=delete-project]").click();
  await page.waitForSelector("[data-testid=delete-project-impact]");
  const impact = (await page.getByTestId("delete-project-impact").innerText()).split("\n").filter((l) => l.trim() !== "");
  expect(impact).toEqual(["This also deletes, and cannot be undone:", "0 documents", "0 codings", "1 memo", "1 code"]);
  expect(await page.getByTestId("delete-project-memos").getAttribute("data-count")).toBe("1");

  const confirm = page.getByTestId("delete-project-confirm");
  expect(await confirm.isDisabled()).toBe(true);
  await page.getByTestId("delete-project-name").fill(name.slice(0, -1));
  expect(await confirm.isDisabled()).toBe(true);
  await page.getByTestId("delete-project-name").fill(name);
  expect(await confirm.isDisabled()).toBe(false);
  await confirm.click();

  await expect.poll(() => row.count()).toBe(0);
  expect(await db.project.count({ where: { id: projectId } })).toBe(0);
  expect(await db.memo.count({ where: { projectId } })).toBe(0);
  expect(pageErrors).toEqual([]);
});
