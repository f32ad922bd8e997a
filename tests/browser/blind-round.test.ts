import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createUser, setMember } from "../../lib/auth/accounts";
import { closeRound, createCoding, openRound } from "../../lib/coding";
import { createDb, type Db } from "../../lib/db/client";
import { migrateDatabase } from "../../lib/db/migrate";
import { addCode, addDocument, addProject, cpIndexOf } from "../coding/fixtures";
import { launchBrowser } from "./browser";
import { startNextServer, type NextServer } from "./next-server";

/**
 * A blind round on a team server, in Chromium: while it is open, each coder's reader shows a
 * notice and only their own coding's margin bar; after it closes, both bars are back.
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
  for (const name of ["甲", "乙"]) {
    await createUser(db, { name, password: `${name} password 1` });
    await setMember(db, { projectId, userName: name, role: "coder" });
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

async function readerOf(name: string) {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.fill("input[name=name]", name);
  await page.fill("input[name=password]", `${name} password 1`);
  await page.click("[data-testid=login-form] button[type=submit]");
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await page.goto(`/projects/${projectId}/documents/${documentId}`);
  await page.waitForFunction(() => (window as unknown as { __junctureReaderReady?: boolean }).__junctureReaderReady === true);
  return { context, page };
}

const bars = (page: Awaited<ReturnType<typeof readerOf>>["page"]) =>
  page.$$eval(".margin-bar[data-coding-id]", (els) => els.map((e) => e.getAttribute("data-coding-id")).sort());

it("shows each coder only their own coding while the round is open, and both after it closes", async () => {
  const round = await openRound(db, { projectId, by: "owner", input: { name: "R1", documentIds: [documentId], coders: ["甲", "乙"] } });
  const a = await readerOf("甲");
  await a.page.waitForSelector(`.margin-bar[data-coding-id="${ids["甲"]}"]`);
  expect(await a.page.getByTestId("blind-notice").innerText()).toBe(
    "Blind round: you see only your own codings on this document until the round is closed.",
  );
  expect(await bars(a.page)).toEqual([ids["甲"]]);
  const b = await readerOf("乙");
  await b.page.waitForSelector(`.margin-bar[data-coding-id="${ids["乙"]}"]`);
  expect(await bars(b.page)).toEqual([ids["乙"]]);

  await closeRound(db, { roundId: round.id, by: "owner" });
  await a.page.reload();
  await a.page.waitForSelector(`.margin-bar[data-coding-id="${ids["乙"]}"]`);
  expect(await bars(a.page)).toEqual([ids["甲"], ids["乙"]].sort());
  expect(await a.page.getByTestId("blind-notice").count()).toBe(0);
  await a.context.close();
  await b.context.close();
});
