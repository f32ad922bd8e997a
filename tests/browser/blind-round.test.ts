import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createUser, setMember } from "../../lib/auth/accounts";
import { createCoding, listRounds } from "../../lib/coding";
import { createDb, type Db } from "../../lib/db/client";
import { migrateDatabase } from "../../lib/db/migrate";
import { addCode, addDocument, addProject, cpIndexOf } from "../coding/fixtures";
import { launchBrowser } from "./browser";
import { startNextServer, type NextServer } from "./next-server";

/**
 * A blind round on a team server, in Chromium: the owner opens it on the rounds page; while it
 * is open, each coder's reader shows a notice and only their own coding's margin bar; the owner
 * closes it there and both bars are back. A viewer's reader, codebook and memos offer no
 * controls the server would refuse.
 */

let dir: string;
let db: Db;
let server: NextServer;
let browser: Browser;
let projectId: string;
let documentId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-blind-"));
  const url = `file:${path.join(dir, "team.db")}`;
  await migrateDatabase(url);
  db = createDb(url);
  projectId = (await addProject(db, "盲编 blind")).id;
  for (const [name, role] of [["甲", "coder"], ["乙", "coder"], ["主持", "owner"], ["观", "viewer"]] as const) {
    await createUser(db, { name, password: `${name} password 1` });
    await setMember(db, { projectId, userName: name, role });
  }
  const codeId = (await addCode(db, projectId, "CON-1")).id;
  const doc = await addDocument(db, projectId, ["推进城际铁路建设。加快协同发展！"], { title: "报告" });
  documentId = doc.doc.id;
  for (const [needle, coder] of [["城际铁路", "甲"], ["协同发展", "乙"]] as const) {
    const start = cpIndexOf(doc.text, needle);
    ids[coder] = (await createCoding(db, { documentId, codeId, start, end: start + needle.length, coder })).id;
  }
  server = await startNextServer({ dbUrl: url, logDir: dir, env: { JUNCTURE_MODE: "server" } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.$disconnect();
  if (process.env.JUNCTURE_KEEP_BROWSER_TMP !== "1") fs.rmSync(dir, { recursive: true, force: true });
});

async function signIn(name: string) {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 500) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.goto("/login");
  await page.fill("input[name=name]", name);
  await page.fill("input[name=password]", `${name} password 1`);
  await page.click("[data-testid=login-form] button[type=submit]");
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return { context, page, errors };
}

async function readerOf(name: string) {
  const { context, page, errors } = await signIn(name);
  await page.goto(`/projects/${projectId}/documents/${documentId}`);
  await page.waitForFunction(() => (window as unknown as { __junctureReaderReady?: boolean }).__junctureReaderReady === true);
  return { context, page, errors };
}

const bars = (page: Awaited<ReturnType<typeof readerOf>>["page"]) =>
  page.$$eval(".margin-bar[data-coding-id]", (els) => els.map((e) => e.getAttribute("data-coding-id")).sort());

it("shows each coder only their own coding while the round is open, and both after the owner closes it on the rounds page", async () => {
  // The owner opens the round on the rounds page, reached from the project's tabs.
  const owner = await signIn("主持");
  owner.page.on("dialog", (d) => void d.accept());
  await owner.page.goto(`/projects/${projectId}`);
  await owner.page.getByRole("link", { name: "Rounds" }).click();
  await owner.page.getByTestId("rounds-view").waitFor();
  expect(owner.page.url()).toBe(`${server.baseUrl}/projects/${projectId}/rounds`);
  // Only members with the coder role are offered.
  expect(await owner.page.locator("[data-coder]").evaluateAll((els) => els.map((e) => e.getAttribute("data-coder")))).toEqual(["乙", "甲"].sort((x, y) => x.localeCompare(y)));
  await owner.page.getByTestId("round-name").fill("第一轮");
  await owner.page.locator(`[data-document="${documentId}"]`).check();
  await owner.page.locator('[data-coder="甲"]').check();
  // One coder is refused with the server's reason; the second makes the round.
  await owner.page.getByTestId("open-round").click();
  await expect.poll(() => owner.page.getByTestId("rounds-message").innerText()).toBe("coders: a blind round needs at least two coders");
  await owner.page.locator('[data-coder="乙"]').check();
  await owner.page.getByTestId("open-round").click();
  await expect.poll(() => owner.page.getByTestId("rounds-message").innerText()).toBe("Round “第一轮” is open.");
  const row = owner.page.locator('[data-round="第一轮"]');
  expect(await row.getAttribute("data-status")).toBe("open");
  expect(await row.getByTestId("round-documents").innerText()).toBe("报告");
  expect(await row.innerText()).toContain("opened by 主持");
  const [round] = await listRounds(db, projectId);
  expect(round).toMatchObject({ name: "第一轮", status: "open", openedBy: "主持", documents: [{ id: documentId }] });
  expect(round!.coders.map((c) => c.name).sort()).toEqual(["甲", "乙"].sort());

  const a = await readerOf("甲");
  await a.page.waitForSelector(`.margin-bar[data-coding-id="${ids["甲"]}"]`);
  expect(await a.page.getByTestId("blind-notice").innerText()).toBe(
    "Blind round: you see only your own codings on this document until the round is closed.",
  );
  expect(await bars(a.page)).toEqual([ids["甲"]]);
  const b = await readerOf("乙");
  await b.page.waitForSelector(`.margin-bar[data-coding-id="${ids["乙"]}"]`);
  expect(await bars(b.page)).toEqual([ids["乙"]]);

  // A coder is offered no rounds tab (the page is the owners').
  expect(await a.page.getByRole("link", { name: "Rounds" }).count()).toBe(0);

  await row.getByTestId("close-round").click();
  await expect.poll(() => row.getAttribute("data-status")).toBe("closed");
  expect(await row.innerText()).toContain("closed by 主持");
  expect((await listRounds(db, projectId))[0]).toMatchObject({ status: "closed", closedBy: "主持" });
  await a.page.reload();
  await a.page.waitForSelector(`.margin-bar[data-coding-id="${ids["乙"]}"]`);
  expect(await bars(a.page)).toEqual([ids["甲"], ids["乙"]].sort());
  expect(await a.page.getByTestId("blind-notice").count()).toBe(0);
  expect([...owner.errors, ...a.errors, ...b.errors]).toEqual([]);
  await owner.context.close();
  await a.context.close();
  await b.context.close();
});

it("offers a viewer no picker, coding, codebook or memo controls", async () => {
  const v = await readerOf("观");
  // Both codings are visible to read; selecting one shows it without re-code, delete or resize.
  await v.page.waitForSelector(`.margin-bar[data-coding-id="${ids["甲"]}"]`);
  await v.page.locator(`.margin-bar[data-coding-id="${ids["甲"]}"]`).click();
  await v.page.getByTestId("coding-inspector").waitFor();
  for (const gone of ["delete-coding", "resize-controls", "code-picker"]) expect(await v.page.getByTestId(gone).count(), gone).toBe(0);
  expect(await v.page.getByTestId("coding-inspector").getByRole("button", { name: "Re-code" }).count()).toBe(0);
  // A sentence's number and a text selection open no picker.
  await v.page.locator("[data-unit-handle]").first().click();
  await v.page.locator("[data-testid=reader-text] .unit").first().selectText();
  await v.page.mouse.up();
  expect(await v.page.getByTestId("code-picker").count()).toBe(0);
  // No memo to write, no shortcut numbers to set.
  expect(await v.page.getByTestId("memos-document").getByRole("button").count()).toBe(0);
  expect(await v.page.getByTestId("codebook-list").locator("[data-pinned]").count()).toBe(0);

  await v.page.goto(`/projects/${projectId}/codebook`);
  await v.page.getByTestId("code-tree").waitFor();
  expect(await v.page.getByTestId("new-code").count()).toBe(0);
  expect(await v.page.locator('[data-testid=code-row][draggable="true"]').count()).toBe(0);
  await v.page.getByTestId("code-row").first().click();
  await v.page.getByTestId("code-detail").waitFor();
  expect(await v.page.getByTestId("code-detail").getByRole("button").count()).toBe(0);

  await v.page.goto(`/projects/${projectId}/memos`);
  await v.page.getByRole("tablist").first().waitFor();
  expect(await v.page.getByTestId("new-memo").count()).toBe(0);
  expect(v.errors).toEqual([]);
  await v.context.close();
});
