import { describe, expect, it } from "vitest";
import { buildCanonicalText, paragraphsFromPlainText } from "../../lib/text/canonical";
import { OffsetMap, cpLength } from "../../lib/text/offsets";
import { PARAGRAPH_SEPARATOR } from "../../lib/text/types";

describe("buildCanonicalText", () => {
  it("trims ASCII, ideographic and no-break spaces, drops empty paragraphs, joins with one LF", () => {
    const c = buildCanonicalText(["　　各位代表：  ", "", " \u00a0\t", "\u3000现在，我代表市人民政府报告工作。\u00a0"]);
    expect(c.text).toBe("各位代表：\n现在，我代表市人民政府报告工作。");
    expect(PARAGRAPH_SEPARATOR).toBe("\n");
  });

  it("turns line breaks inside a paragraph (CRLF, CR, LF) into paragraph boundaries", () => {
    const c = buildCanonicalText(["第一段\r\n第二段\r第三段", "第四段\n\n"]);
    expect(c.text).toBe("第一段\n第二段\n第三段\n第四段");
    expect(c.text).not.toMatch(/\r/);
    expect(c.paragraphs).toHaveLength(4);
  });

  it("returns paragraph spans in code points, counting 𠮷 as one", () => {
    const c = buildCanonicalText(["𠮷野家", "京津冀𠮷协同"]);
    expect(c.paragraphs).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 10 },
    ]);
    const map = new OffsetMap(c.text);
    expect(map.slice(4, 10)).toBe("京津冀𠮷协同");
    expect(cpLength(c.text)).toBe(10);
  });

  it("gives an empty text for no content", () => {
    expect(buildCanonicalText(["", "  ", "\u3000"])).toEqual({ text: "", paragraphs: [] });
  });

  it("every span slices exactly its trimmed paragraph and never covers a separator", () => {
    const input = ["  甲𠮷乙。 ", "丙", "\u3000丁戊己\u3000"];
    const c = buildCanonicalText(input);
    const map = new OffsetMap(c.text);
    expect(c.paragraphs.map((p) => map.slice(p.start, p.end))).toEqual(["甲𠮷乙。", "丙", "丁戊己"]);
    expect(c.text).toBe(["甲𠮷乙。", "丙", "丁戊己"].join(PARAGRAPH_SEPARATOR));
    expect(c.paragraphs).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 6 },
      { start: 7, end: 10 },
    ]);
  });
});

describe("paragraphsFromPlainText", () => {
  it("makes one paragraph per line and drops blank lines", () => {
    expect(paragraphsFromPlainText("一、总体要求\r\n\r\n　　坚持稳中求进。\r\n  \n二、主要任务\r")).toEqual([
      "一、总体要求",
      "坚持稳中求进。",
      "二、主要任务",
    ]);
  });
});
