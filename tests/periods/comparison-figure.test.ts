import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { comparisonLayout, comparisonSvg, escapeXml, wrapText, type ScopePeriods, type StageView, type JunctureView } from "../../lib/periods";

const meta = { version: 1, createdBy: "a", updatedBy: "a", createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z" };
const stage = (id: string, value: string, nameZh: string, nameEn: string, start: number, end: number | null, strategies: string[] = []): StageView => ({
  id,
  scope: { field: "region", value },
  nameZh,
  nameEn,
  start: { year: start, month: null },
  end: end === null ? null : { year: end, month: null },
  strategies,
  ...meta,
});
const juncture = (id: string, value: string, year: number, titleZh: string, titleEn: string): JunctureView => ({
  id,
  scope: { field: "region", value },
  date: { year, month: null },
  titleZh,
  titleEn,
  type: "plan-approved",
  description: "",
  evidence: [],
  ...meta,
});

const periods: ScopePeriods[] = [
  {
    scope: { field: "region", value: "BTH" },
    stages: [
      stage("s1", "BTH", "首都圈<起步>", "Capital region", 2006, 2013, ["疏解 & 协同", "R&D \"corridor\""]),
      stage("s2", "BTH", "协同发展", "Coordinated development", 2014, null),
    ],
    junctures: [juncture("j1", "BTH", 2014, "《京津冀协同发展规划纲要》", "Outline")],
  },
  { scope: { field: "region", value: "CC" }, stages: [stage("s3", "CC", "成渝经济区", "Chengdu–Chongqing economic zone", 2011, 2015)], junctures: [] },
  { scope: { field: "region", value: "SCLN" }, stages: [], junctures: [] },
];
const zh = (z: string, e: string) => z || e;
const layout = comparisonLayout(periods, { label: (s) => `区域 ${s.value}`, name: zh, thisYear: 2020 })!;

describe("comparison layout", () => {
  it("puts the groupings with periods on one axis, a running stage reaching this year", () => {
    expect(layout.from).toBe(2006);
    expect(layout.to).toBe(2020);
    expect(layout.ticks.map((t) => t.year)).toEqual([2006, 2010, 2015, 2020]);
    expect(layout.ticks[0]!.x).toBeCloseTo(0.5 / 15, 10);
    expect(layout.rows.map((r) => r.label)).toEqual(["区域 BTH", "区域 CC"]);
    const [s1, s2] = layout.rows[0]!.stages;
    expect(s1).toMatchObject({ span: "2006–2013", name: "首都圈<起步>", x: 0 });
    expect(s1!.width).toBeCloseTo(8 / 15, 10);
    expect(s2).toMatchObject({ span: "2014–", x: 8 / 15 });
    expect(s2!.width).toBeCloseTo(7 / 15, 10);
    expect(layout.rows[0]!.junctures).toEqual([{ id: "j1", date: "2014", title: "《京津冀协同发展规划纲要》", x: 8 / 15 }]);
    expect(comparisonLayout([periods[2]!], { label: (s) => s.value, name: zh, thisYear: 2020 })).toBeNull();
  });
});

describe("comparison SVG", () => {
  const { svg, width, height } = comparisonSvg(layout, { width: 1000, title: "表 4.1 <对比>" });

  it("is well-formed SVG whose text carries the stage names, strategies and juncture titles", () => {
    expect(width).toBe(1000);
    const doc = new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
    expect(doc.querySelector("parsererror")).toBeNull();
    const root = doc.documentElement;
    expect(root.tagName).toBe("svg");
    expect(root.getAttribute("height")).toBe(String(height));
    const texts = [...doc.querySelectorAll("text")].map((t) => t.textContent);
    expect(texts).toContain("表 4.1 <对比>");
    expect(texts).toContain("区域 BTH");
    expect(texts).toContain("首都圈<起步>");
    expect(texts).toContain("协同发展");
    expect(texts).toContain("• 疏解 & 协同");
    expect(texts).toContain('• R&D "corridor"');
    expect(texts).toContain("◆ 2014 《京津冀协同发展规划纲要》");
    expect(texts).toContain("2014");
    expect([...doc.querySelectorAll("title")].map((t) => t.textContent)).toEqual(["2006–2013 首都圈<起步>", "2014– 协同发展", "2014 《京津冀协同发展规划纲要》", "2011–2015 成渝经济区"]);
    expect([...doc.querySelectorAll("g[data-row]")].map((g) => g.getAttribute("data-row"))).toEqual(["BTH", "CC"]);
  });

  it("escapes markup in Chinese and Latin text", () => {
    expect(svg).toContain("首都圈&lt;起步&gt;");
    expect(svg).toContain("• 疏解 &amp; 协同");
    expect(svg).toContain("• R&amp;D &quot;corridor&quot;");
    expect(svg).not.toContain("<起步>");
    expect(escapeXml(`<a href='x'>&</a>`)).toBe("&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;");
  });
});

describe("wrapText", () => {
  it("breaks Chinese anywhere and Latin at spaces", () => {
    // 11px: a CJK character is 11 wide, so 44px holds four.
    expect(wrapText("京津冀协同发展规划", 44)).toEqual(["京津冀协", "同发展规", "划"]);
    expect(wrapText("Coordinated development plan", 80)).toEqual(["Coordinated", "development", "plan"]);
  });
});
