import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createUser, setMember } from "../../lib/auth/accounts";
import { createDb, type Db } from "../../lib/db/client";
import { migrateDatabase } from "../../lib/db/migrate";
import { addCode, addProject } from "../coding/fixtures";
import { launchBrowser } from "./browser";
import { startNextServer, type NextServer } from "./next-server";

/**
 * A team server (JUNCTURE_MODE=server) in a second Next.js server of its own, on its own SQLite
 * file: every page asks for a login, a wrong password is refused with its reason, a viewer's
 * write is refused, and a non-member does not see the project.
 */

let dir: string;
let db: Db;
let server: NextServer;
let browser: Browser;
let projectId: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-team-"));
  const url = `file:${path.join(dir, "team.db")}`;
  await migrateDatabase(url);
  db = createDb(url);
  await createUser(db, { name: "lead", password: "lead password 1" });
  await createUser(db, { name: "viewer", password: "viewer password 1" });
  await createUser(db, { name: "outsider", password: "outsider password 1" });
  projectId = (await addProject(db, "团队项目 team")).id;
  await setMember(db, { projectId, userName: "lead", role: "owner" });
  await setMember(db, { projectId, userName: "viewer", role: "viewer" });
  await addCode(db, projectId, "CON-1");
  server = await startNextServer({ dbUrl: url, logDir: dir, env: { JUNCTURE_MODE: "server" } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.$disconnect();
  if (process.env.JUNCTURE_KEEP_BROWSER_TMP !== "1") fs.rmSync(dir, { recursive: true, force: true });
});

async function signIn(name: string, password: string) {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/");
  await page.waitForURL(/\/login/);
  await page.fill("input[name=name]", name);
  await page.fill("input[name=password]", password);
  await page.click("[data-testid=login-form] button[type=submit]");
  return { context, page };
}

it("sends an anonymous visitor and API call to the login, refuses a wrong password, then lets the owner in", async () => {
  const anonymous = await fetch(`${server.baseUrl}/api/projects`);
  expect(anonymous.status).toBe(401);

  const { context, page } = await signIn("lead", "not the password");
  await page.waitForSelector("[data-testid=login-error]");
  expect(await page.getByTestId("login-error").innerText()).toBe("wrong user name or password");
  expect(page.url()).toContain("/login");

  await page.fill("input[name=password]", "lead password 1");
  await page.click("[data-testid=login-form] button[type=submit]");
  await page.waitForSelector(`[data-testid=project-row][data-project-id="${projectId}"]`);
  expect(await page.getByTestId("account-name").innerText()).toBe("lead");
  const cookie = (await context.cookies()).find((c) => c.name === "juncture-session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(await db.session.count()).toBe(1);

  await page.getByTestId("logout").click();
  await page.waitForURL(/\/login/);
  expect(await db.session.count()).toBe(0);
  await context.close();
});

it("refuses a viewer's new code with the reason, and hides the project from a non-member", async () => {
  const viewer = await signIn("viewer", "viewer password 1");
  await viewer.page.waitForSelector(`[data-testid=project-row][data-project-id="${projectId}"]`);
  await viewer.page.goto(`/projects/${projectId}/codebook`);
  await viewer.page.waitForSelector("[data-testid=code-tree]");
  // A viewer is offered no "new code" button; the server refuses the request all the same, with the reason.
  expect(await viewer.page.locator("[data-testid=new-code]").count()).toBe(0);
  const refused = await viewer.page.evaluate(async (id) => {
    const res = await fetch(`/api/projects/${id}/codes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ shortName: "VIEWER-1", labelZh: "观察者", labelEn: "viewer" }),
    });
    return { status: res.status, body: await res.text() };
  }, projectId);
  expect(refused.status).toBe(403);
  expect(refused.body).toContain("your role in this project does not allow this");
  expect(await db.code.count({ where: { projectId, shortName: "VIEWER-1" } })).toBe(0);
  await viewer.context.close();

  const outsider = await signIn("outsider", "outsider password 1");
  await outsider.page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await outsider.page.waitForSelector("main h1");
  expect(await outsider.page.locator(`[data-testid=project-row][data-project-id="${projectId}"]`).count()).toBe(0);
  const res = await outsider.page.goto(`/projects/${projectId}`);
  expect(res?.status()).toBe(404);
  await outsider.page.getByText("This page could not be found").waitFor();
  expect(await outsider.page.getByTestId("project-name").count()).toBe(0);
  expect(await outsider.page.content()).not.toContain("团队项目 team");
  await outsider.context.close();
});

it("lets an owner add a member on the Members tab and refuses to demote the last owner", async () => {
  const { context, page } = await signIn("lead", "lead password 1");
  await page.waitForSelector(`[data-testid=project-row][data-project-id="${projectId}"]`);
  await page.goto(`/projects/${projectId}/members`);
  await page.getByTestId("member-name").fill("outsider");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect.poll(() => page.getByTestId("member-row").count()).toBe(3);
  expect(await db.membership.findMany({ where: { projectId, user: { name: "outsider" } }, select: { role: true } })).toEqual([{ role: "coder" }]);

  const leadRow = page.getByTestId("member-row").filter({ hasText: "lead" });
  await leadRow.locator("select").selectOption("viewer");
  await page.getByTestId("members-message").getByText("a project must keep at least one owner").waitFor();
  expect(await db.membership.findMany({ where: { projectId, user: { name: "lead" } }, select: { role: true } })).toEqual([{ role: "owner" }]);
  await context.close();
});
