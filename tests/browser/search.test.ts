import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCode } from "../../lib/codebook";
import { listDocumentCodings } from "../../lib/coding";
import { createProject, getDocument, getDocumentUnits, importDocument } from "../../lib/corpus";
import { createDb, type Db } from "../../lib/db/client";
import { cpSlice } from "../../lib/text/offsets";
import { launchBrowser, newPage } from "./browser";

/**
 * A researcher searches the corpus with a two-term boolean query, reads the hits as a KWIC
 * concordance, selects three hits and codes their sentences with one code in one step; the
 * database then holds exactly those three sentence codings. A malformed regex is explained.
 */

// Sentences with both 雄安 and 疏解 (marked ✓) and with only one of them (must not match).
const DOC_A = [
  "雄安新区集中承接北京非首都功能疏解。", // ✓
  "疏解工作稳步推进。",
  "雄安新区规划建设全面展开。",
  "以雄安为重点推动有序疏解。", // ✓
].join("");
const DOC_B = ["保定主动对接雄安，承接北京疏解产业。", "推进交通一体化。", "积极服务雄安新区和北京疏解。"].join(""); // ✓ ✗ ✓

let db: Db;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let projectId: string;
let codeId: string;
/** unitId → { documentId, start, end, text } of every sentence of the two documents. */
const sentences = new Map<string, { documentId: string; start: number; end: number; text: string }>();
const texts = new Map<string, string>();

beforeAll(async () => {
  db = createDb(process.env.JUNCTURE_TEST_DB_URL);
  const project = await createProject(db, { name: `检索 search ${Date.now()}`, templates: "none" });
  projectId = project.id;
  const docs = [
    { fileName: "河北省2018年政府工作报告.txt", text: DOC_A, metadata: { year: 2018, region: "BTH", province: "河北省" } },
    { fileName: "保定市2019年政府工作报告.txt", text: DOC_B, metadata: { year: 2019, region: "BTH", province: "河北省", city: "保定市" } },
  ];
  for (const d of docs) {
    const imported = await importDocument(db, {
      projectId,
      fileName: d.fileName,
      bytes: new TextEncoder().encode(d.text + "\n"),
      metadata: d.metadata,
    });
    const { plainText } = await getDocument(db, imported.id);
    texts.set(imported.id, plainText);
    for (const s of (await getDocumentUnits(db, imported.id)).sentences) {
      sentences.set(s.id, { documentId: imported.id, start: s.start, end: s.end, text: cpSlice(plainText, s.start, s.end) });
    }
  }
  codeId = (await createCode(db, { projectId, shortName: "XA-SJ", labelZh: "雄安疏解", labelEn: "Xiong'an relocation" })).id;
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

async function rows(p: Page) {
  return p.$$eval("[data-testid=kwic-row]", (els) =>
    els
      .map((el) => ({
        index: Number(el.getAttribute("data-index")),
        unitId: el.getAttribute("data-unit-id") ?? "",
        left: el.querySelector("[data-testid=kwic-left]")?.textContent ?? "",
        match: el.querySelector("[data-testid=kwic-match]")?.textContent ?? "",
        right: el.querySelector("[data-testid=kwic-right]")?.textContent ?? "",
      }))
      .sort((a, b) => a.index - b.index),
  );
}

// One scenario: the steps share one page and one project, each continuing from the state the
// previous one left (sequential on purpose; a step is not meant to run alone).
describe.sequential("searching and coding from the KWIC view", () => {
  it("finds sentences with both terms, shows them as KWIC rows, and codes three selected hits", async () => {
    const both = [...sentences.entries()].filter(([, s]) => s.text.includes("雄安") && s.text.includes("疏解"));
    expect(both).toHaveLength(4); // fixture sanity

    await page.goto(`/projects/${projectId}/search`);
    await page.fill("[data-testid=search-query]", "雄安 AND 疏解");
    await page.press("[data-testid=search-query]", "Enter");
    await page.waitForSelector("[data-testid=kwic-row]");

    // Every occurrence of either term in a matching sentence is a hit: 2 per sentence here.
    await expect.poll(() => page.textContent("[data-testid=search-total]")).toBe("8");
    const shown = await rows(page);
    expect(shown).toHaveLength(8);
    expect(new Set(shown.map((r) => r.unitId))).toEqual(new Set(both.map(([id]) => id)));
    expect(new Set(shown.map((r) => r.match))).toEqual(new Set(["雄安", "疏解"]));
    // Contexts: the text on each side of the hit, as it stands in the document.
    for (const r of shown) {
      expect(texts.get(sentences.get(r.unitId)!.documentId)!.includes(r.left + r.match + r.right)).toBe(true);
    }
    const first = shown.find((r) => r.match === "疏解" && sentences.get(r.unitId)!.text.startsWith("雄安新区集中"))!;
    expect(first.left.endsWith("承接北京非首都功能")).toBe(true);
    expect(first.right.startsWith("。")).toBe(true);
    // The URL now carries the query, so the concordance can be reopened.
    // (The router writes the URL after rendering the results: poll rather than read once.)
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("雄安 AND 疏解");

    // Select one hit in each of three different sentences.
    const chosenUnits: string[] = [];
    for (const r of shown) {
      if (chosenUnits.includes(r.unitId)) continue;
      chosenUnits.push(r.unitId);
      await page.click(`[data-testid=kwic-row][data-index="${r.index}"] [data-testid=hit-checkbox]`);
      if (chosenUnits.length === 3) break;
    }
    await expect.poll(() => page.textContent("[data-testid=selection-count]")).toContain("3 selected (3 sentences)");

    await page.click("[data-testid=code-selected]");
    await page.fill("[data-testid=apply-code-picker-query]", "XA-SJ");
    await page.click('[data-testid=apply-code-picker] [data-code-option="XA-SJ"]');
    await expect.poll(() => page.textContent("[data-testid=search-notice]")).toContain("Coded 3 sentences");

    // The database: exactly the three chosen sentences carry the code, whole.
    const documentIds = [...new Set([...sentences.values()].map((s) => s.documentId))];
    const codings = (await Promise.all(documentIds.map((id) => listDocumentCodings(db, id))))
      .flat()
      .filter((c) => c.codeId === codeId);
    expect(codings).toHaveLength(3);
    const key = (x: { documentId: string; start: number; end: number }) => `${x.documentId}:${x.start}-${x.end}`;
    expect(new Set(codings.map(key))).toEqual(new Set(chosenUnits.map((u) => key(sentences.get(u)!))));
    expect(codings.every((c) => c.coder === "researcher")).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it("explains a malformed regular expression instead of showing results", async () => {
    await page.goto(`/projects/${projectId}/search`);
    await page.click('[data-mode="regex"]');
    await page.fill("[data-testid=search-query]", "疏解[");
    await page.press("[data-testid=search-query]", "Enter");
    const error = await page.waitForSelector("[data-testid=search-error] [role=alert]");
    const text = (await error.textContent()) ?? "";
    expect(text).toContain("invalid regular expression");
    // One language at a time: no Chinese half in the English interface (the pattern itself is data).
    expect(text.split("疏解[").join("")).not.toMatch(/[\u3400-\u9fff]/);
    expect(await page.$("[data-testid=kwic-table]")).toBeNull();

    // The same pattern, corrected, runs in regex mode.
    await page.fill("[data-testid=search-query]", "疏解[产工]");
    await page.press("[data-testid=search-query]", "Enter");
    await page.waitForSelector("[data-testid=kwic-row]");
    expect(await page.$("[data-testid=search-error]")).toBeNull();
    const matches = (await rows(page)).map((r) => r.match).sort();
    expect(matches).toEqual(["疏解工", "疏解产"].sort());
    expect(pageErrors).toEqual([]);
  });
});
