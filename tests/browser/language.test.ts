import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCode } from "../../lib/codebook";
import { createProject, importDocument } from "../../lib/corpus";
import { createDb, type Db } from "../../lib/db/client";
import { launchBrowser, newPage } from "./browser";

/**
 * One language at a time: a browser that prefers Chinese gets the Chinese interface on
 * its first visit; the header switch turns everything into English — labels, dialogs
 * and the reasons the API gives — and the choice survives a reload. Only data (project
 * names, document titles) may mix languages.
 */

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let projectId: string;
let projectName: string;
let documentId: string;

beforeAll(async () => {
  db = createDb(process.env.JUNCTURE_TEST_DB_URL);
  projectName = `语言 language ${Date.now()}`;
  projectId = (await createProject(db, { name: projectName, templates: "none" })).id;
  const imported = await importDocument(db, {
    projectId,
    fileName: "河北省2018年政府工作报告.txt",
    bytes: new TextEncoder().encode("京津冀协同发展。雄安新区规划建设。\n"),
    metadata: { region: "BTH", year: 2018, docType: "work-report", level: "provincial" },
  });
  documentId = imported.id;
  await createCode(db, { projectId, shortName: "TR-1", labelZh: "交通先行", labelEn: "Transport first" });
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser, { locale: "zh-CN" }));
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

/** Visible text of an element with the given data strings removed. */
async function textWithout(selector: string, ...data: string[]): Promise<string> {
  let text = (await page.locator(selector).first().innerText()) ?? "";
  for (const d of data) text = text.split(d).join("");
  return text;
}

/** Opens "New project", submits an existing name and returns the reason shown in the dialog. */
async function duplicateProjectError(button: string, nameLabel: string, create: string): Promise<{ dialog: string; error: string }> {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByLabel(nameLabel, { exact: true }).fill(projectName);
  await page.getByRole("button", { name: create, exact: true }).click();
  const alert = page.locator("[role=dialog] [role=alert]");
  await alert.waitFor();
  const result = { dialog: await textWithout("[role=dialog]", projectName), error: (await alert.innerText()).trim() };
  await page.keyboard.press("Escape");
  await page.locator("[role=dialog]").waitFor({ state: "detached" });
  return result;
}

it("shows Chinese on a first visit from a browser that prefers Chinese", async () => {
  await page.goto("/");
  expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
  expect((await page.locator("main h1").innerText()).trim()).toBe("项目");
  expect(await page.locator("[data-testid=project-table] thead").innerText()).toContain("字数");

  const { dialog, error } = await duplicateProjectError("新建项目", "项目名称", "创建");
  expect(dialog).toContain("内置编码本");
  expect(error).toBe("已存在同名项目");
  expect(pageErrors).toEqual([]);
});

it("switches to English with the header switch: labels, a dialog and API errors in English only", async () => {
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
  expect((await page.locator("main h1").innerText()).trim()).toBe("Projects");
  expect(await page.getByRole("button", { name: "English", exact: true }).getAttribute("aria-pressed")).toBe("true");

  // The header (apart from the switch's own "中文", a language's name in that language) and the table labels.
  expect(await textWithout("header", "中文")).not.toMatch(CJK);
  expect(await textWithout("[data-testid=project-table] thead")).not.toMatch(CJK);

  const { dialog, error } = await duplicateProjectError("New project", "Name", "Create");
  expect(dialog).not.toMatch(CJK);
  expect(dialog).toContain("Built-in codebooks");
  expect(error).toBe(`a project named “${projectName}” already exists`);

  // The same reason straight from the API follows the cookie the switch set.
  const api = await page.evaluate(async (name) => {
    const res = await fetch("/api/projects", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) });
    return { status: res.status, body: await res.json() };
  }, projectName);
  expect(api).toEqual({ status: 409, body: { error: { code: "conflict", message: `a project named “${projectName}” already exists` } } });
  expect(pageErrors).toEqual([]);
});

it("keeps English on a project's pages and after a reload", async () => {
  await page.goto(`/projects/${projectId}`);
  await page.reload();
  expect(await page.getAttribute("html", "lang")).toBe("en");
  expect(await page.locator("nav").innerText()).toMatch(/Documents\s+Codebook\s+Search\s+Suggestions\s+Memos/);
  expect(await textWithout("nav")).not.toMatch(CJK);
  // Title and province are data (inferred from the file name).
  const table = await textWithout("[data-testid=document-table]", "河北省2018年政府工作报告", "河北省");
  expect(table).toContain("Beijing-Tianjin-Hebei");
  expect(table).toContain("Provincial");
  expect(table).not.toMatch(CJK);

  // And back: the Chinese interface shows the Chinese labels again.
  await page.getByRole("button", { name: "中文", exact: true }).click();
  await expect.poll(() => page.getAttribute("html", "lang")).toBe("zh-CN");
  expect(await page.locator("nav").innerText()).toMatch(/文档\s+编码本\s+检索\s+关键词建议\s+备忘录/);
  expect(await page.locator("[data-testid=document-table]").innerText()).toContain("京津冀");
  expect(pageErrors).toEqual([]);
});

it("shows the reader's own words in one language, code labels in that language first", async () => {
  const chrome = ["[data-testid=reader-status]", "[data-testid=document-codes]", "[data-testid=codebook-list]", "[data-testid=memos-document]"];
  // Chinese (the previous test switched back).
  await page.goto(`/projects/${projectId}/documents/${documentId}`);
  await page.waitForSelector('[data-testid=reader][data-ready="true"]');
  expect(await page.getByTestId("undo").innerText()).toContain("撤销");
  expect(await page.getByTestId("codebook-list").innerText()).toContain("交通先行");
  expect(await page.getByTestId("codebook-list").innerText()).not.toContain("Transport first");
  expect(await page.locator("[data-unit-handle]").first().getAttribute("aria-label")).toBe("编码第 1 句");

  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
  await page.reload();
  await page.waitForSelector('[data-testid=reader][data-ready="true"]');
  expect((await page.getByTestId("undo").innerText()).trim()).toBe("Undo");
  for (const selector of chrome) expect(await textWithout(selector)).not.toMatch(CJK);
  expect(await page.getByTestId("codebook-list").innerText()).toContain("Transport first");
  // The sentence handles and the text are named for assistive technology in English too.
  expect(await page.locator("[data-unit-handle]").first().getAttribute("aria-label")).toBe("Code sentence 1");
  expect(pageErrors).toEqual([]);
});
