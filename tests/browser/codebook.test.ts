import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCode, flattenCodebook, getCodebook } from "../../lib/codebook";
import { codeUnits, listDocumentCodings } from "../../lib/coding";
import { createProject, getDocumentUnits, importDocument } from "../../lib/corpus";
import { createDb, type Db } from "../../lib/db/client";
import { nth } from "../helpers/nth";
import { launchBrowser, newPage } from "./browser";

/**
 * A researcher shapes the codebook in the browser: creates a code with its full entry,
 * nests it under another by drag and drop (and sees a move under its own sub-code refused),
 * moves it back with "Move to…", merges one code into another and reads what the merge did,
 * and deletes a code after the dialog has said how many codings and sub-codes go with it.
 */

let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let projectId: string;
let documentId: string;
const ids: Record<string, string> = {};
/** The id of a code made in beforeAll. */
function id(shortName: string): string {
  const found = ids[shortName];
  if (found === undefined) throw new Error(`no code ${shortName} was made in beforeAll`);
  return found;
}

const TEXT = ["雄安新区承接疏解。", "京津冀协同发展。", "交通一体化加快推进。", "产业转移稳步实施。", "公共服务共建共享。"].join("");

beforeAll(async () => {
  db = createDb(process.env.JUNCTURE_TEST_DB_URL);
  projectId = (await createProject(db, { name: `编码本 codebook ${Date.now()}`, templates: "none" })).id;
  documentId = (
    await importDocument(db, { projectId, fileName: "test-2016.txt", bytes: new TextEncoder().encode(TEXT + "\n"), metadata: { year: 2016 } })
  ).id;
  const sentences = (await getDocumentUnits(db, documentId)).sentences.map((u) => u.id);
  expect(sentences).toHaveLength(5); // fixture sanity
  const s = (i: number) => nth(sentences, i);

  const make = async (shortName: string, parent?: string) =>
    (ids[shortName] = (await createCode(db, { projectId, shortName, parentId: parent ? id(parent) : undefined, labelZh: `${shortName} 中文`, labelEn: `${shortName} en` })).id);
  await make("PARENT-A");
  await make("SRC-M");
  await make("SRC-CHILD", "SRC-M");
  await make("TGT-M");
  await make("DEL-X");
  await make("DEL-Y", "DEL-X");
  const code = (name: string, unitIds: string[]) => codeUnits(db, { unitIds, codeId: id(name), coder: "researcher" });
  await code("SRC-M", [s(0), s(1)]);
  await code("TGT-M", [s(1), s(2)]); // s(1) coded by both: the merge keeps it once
  await code("DEL-X", [s(3), s(4)]);
  await code("DEL-Y", [s(0)]);

  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
  await page.goto(`/projects/${projectId}/codebook`);
  await page.waitForSelector("[data-testid=code-tree]");
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

const row = (shortName: string) => `[data-code="${shortName}"] > [data-testid=code-row]`;

async function dbCode(shortName: string) {
  return flattenCodebook(await getCodebook(db, projectId)).find((c) => c.shortName === shortName);
}

async function openMenu(p: Page, shortName: string, item: RegExp) {
  await p.click(`${row(shortName)} [data-testid=code-actions]`);
  await p.getByRole("menuitem", { name: item }).click();
}

// One scenario: the steps share one page and one project, each continuing from the state the
// previous one left (sequential on purpose; a step is not meant to run alone).
describe.sequential("shaping the codebook in the browser", () => {
  it("creates a code with its full codebook entry", async () => {
    await page.click("[data-testid=new-code]");
    await page.fill("#code-shortName", "NEW-UI");
    await page.fill("#code-labelZh", "新建编码");
    await page.fill("#code-labelEn", "Created in the browser");
    await page.fill("#code-definition", "Sentences about relocation.");
    await page.fill("#code-keywords", "雄安、疏解");
    await page.click("[data-testid=code-form-submit]");
    await page.waitForSelector(row("NEW-UI"));
    // English interface: the row shows the English label, the Chinese one as its tooltip.
    expect(await page.textContent(row("NEW-UI"))).toContain("Created in the browser");
    expect(await page.getAttribute(`${row("NEW-UI")} [title="新建编码"]`, "title")).toBe("新建编码");

    const stored = await dbCode("NEW-UI");
    expect(stored).toMatchObject({
      parentId: null,
      labelZh: "新建编码",
      labelEn: "Created in the browser",
      definition: "Sentences about relocation.",
      keywords: ["雄安", "疏解"],
    });
  });

  it("moves a code under another by drag and drop, refuses a cycle, and moves it back with Move to…", async () => {
    await page.dragAndDrop(row("NEW-UI"), row("PARENT-A"));
    await page.waitForSelector(`[data-code="PARENT-A"] [data-code="NEW-UI"]`);
    expect((await dbCode("NEW-UI"))?.parentId).toBe(id("PARENT-A"));

    // A code cannot go under its own sub-code: the server refuses and the page says so.
    await page.dragAndDrop(row("PARENT-A"), row("NEW-UI"));
    const refusal = await page.waitForSelector("[data-testid=codebook-error] [role=alert]");
    expect(await refusal.textContent()).toContain("Cannot move “PARENT-A”");
    expect((await dbCode("PARENT-A"))?.parentId).toBeNull();
    expect((await dbCode("NEW-UI"))?.parentId).toBe(id("PARENT-A"));

    // Move to… → top level.
    await openMenu(page, "NEW-UI", /Move to/);
    await page.click("[data-testid=move-picker-root]");
    await page.waitForSelector(`[data-testid=code-tree] > [data-code="NEW-UI"]`);
    expect(await page.$(`[data-code="PARENT-A"] [data-code="NEW-UI"]`)).toBeNull();
    expect((await dbCode("NEW-UI"))?.parentId).toBeNull();
  });

  it("merges one code into another and shows what moved", async () => {
    expect(await page.textContent(`${row("TGT-M")} [data-testid=code-count]`)).toBe("2");
    await openMenu(page, "SRC-M", /Merge into/);
    await page.fill("[data-testid=merge-picker-query]", "TGT-M");
    await page.click('[data-testid=merge-picker] [data-code-option="TGT-M"]');
    await page.click("[data-testid=merge-confirm]");
    await page.waitForSelector("[data-testid=merge-result]");
    expect(await page.textContent("[data-testid=merge-moved-codings]")).toBe("1");
    expect(await page.textContent("[data-testid=merge-dropped]")).toBe("1");
    expect(await page.textContent("[data-testid=merge-moved-children]")).toBe("1");
    await page.getByRole("button", { name: /Done/ }).click();

    // The tree: the source is gone, its child is under the target, the target counts 3 codings.
    await page.waitForSelector(row("SRC-M"), { state: "detached" });
    expect(await page.textContent(`${row("TGT-M")} [data-testid=code-count]`)).toBe("3");
    expect(await page.textContent(`${row("TGT-M")} [data-testid=code-total-count]`)).toBe("3");
    expect(await page.$(`[data-code="TGT-M"] [data-code="SRC-CHILD"]`)).not.toBeNull();

    expect(await dbCode("SRC-M")).toBeUndefined();
    expect((await dbCode("SRC-CHILD"))?.parentId).toBe(id("TGT-M"));
    const codings = (await listDocumentCodings(db, documentId)).filter((c) => c.codeId === id("TGT-M"));
    expect(codings).toHaveLength(3);
  });

  it("deletes a code only after the dialog has shown its codings and sub-codes", async () => {
    expect(await page.textContent(`${row("DEL-X")} [data-testid=code-total-count]`)).toBe("3");
    await openMenu(page, "DEL-X", /Delete/);
    await page.waitForSelector("[data-testid=delete-impact]");
    expect(await page.textContent("[data-testid=delete-codings]")).toBe("2");
    expect(await page.textContent("[data-testid=delete-descendants]")).toBe("1");
    expect(await page.textContent("[data-testid=delete-descendant-codings]")).toBe("1");
    expect(await page.isDisabled("[data-testid=delete-confirm]")).toBe(true);
    await page.check("[data-testid=delete-confirm-checkbox]");
    await page.click("[data-testid=delete-confirm]");

    await page.waitForSelector(row("DEL-X"), { state: "detached" });
    expect(await page.$(row("DEL-Y"))).toBeNull();
    expect(await dbCode("DEL-X")).toBeUndefined();
    expect(await dbCode("DEL-Y")).toBeUndefined();
    const left = await listDocumentCodings(db, documentId);
    expect(left.some((c) => c.codeId === id("DEL-X") || c.codeId === id("DEL-Y"))).toBe(false);
    expect(left).toHaveLength(3); // only TGT-M's three remain
    expect(pageErrors).toEqual([]);
  });
});
