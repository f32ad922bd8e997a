import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { seedAgreementFixture } from "../agreement/fixture";
import { launchBrowser, newPage } from "./browser";

/**
 * The agreement page on the two-coder fixture (alice and bob; tests/agreement/fixture.ts):
 * Cohen's κ on COE-1 is 10/24 ≈ 0.417 over seven sentences (see agreement-cli.test.ts); the
 * coders disagree on two sentences (D1 sentence 2: alice only; D2 sentence 2: bob only).
 */

let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let fx: Awaited<ReturnType<typeof seedAgreementFixture>>;

beforeAll(async () => {
  db = createDb(process.env.JUNCTURE_TEST_DB_URL);
  fx = await seedAgreementFixture(db, { coders: 2, name: `一致性 agreement ${Date.now()}` });
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

describe.sequential("the agreement page", () => {
  it("shows κ per code and the disagreements, reached from the project's tabs", async () => {
    await page.goto(`/projects/${fx.project.id}`);
    await page.click(`a[href="/projects/${fx.project.id}/agreement"]`);
    await page.waitForSelector("[data-testid=agreement-table]");
    expect(await page.textContent("[data-testid=kappa-COE-1-alice-bob]")).toBe("0.417");
    expect(await page.textContent("[data-testid=agreement-scope]")).toContain("2 documents compared");
    await expect.poll(() => page.locator("[data-testid=disagreement]").count()).toBe(2);
    const first = page.locator("[data-testid=disagreement]").first();
    expect(await first.textContent()).toContain("乙乙乙乙乙乙乙乙乙。");
    expect(await page.textContent("[data-testid=disagreement-summary]")).toBe("2 disagreements, 2 undecided");
    expect(pageErrors).toEqual([]);
  });

  it("accepts one coder's coding into the consensus layer", async () => {
    const first = page.locator("[data-testid=disagreement]").first();
    await first.getByRole("button", { name: "Accept alice" }).click();
    await first.locator("[data-testid=decision]").waitFor();
    expect(await first.locator("[data-testid=decision]").textContent()).toBe("Consensus: alice");
    expect(await page.textContent("[data-testid=disagreement-summary]")).toBe("2 disagreements, 1 undecided");
    const decisions = await db.consensusDecision.findMany({ where: { projectId: fx.project.id } });
    const alice = await db.user.findUnique({ where: { name: "alice" } });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ unitId: fx.units.D1[1]!.id, codeId: fx.codes.x.id, acceptedCoderIds: JSON.stringify([alice!.id]) });
    expect(pageErrors).toEqual([]);
  });

  it("follows a passage's link into the reader at that sentence", async () => {
    await page.locator("[data-testid=disagreement-link]").first().click();
    await page.waitForURL(`**/projects/${fx.project.id}/documents/${fx.documents.D1}?at=10`);
    expect(await page.textContent("[data-testid=reader-title]")).toBe("第一号文件");
    expect(pageErrors).toEqual([]);
  });
});
