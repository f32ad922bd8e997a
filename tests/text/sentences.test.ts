import { describe, expect, it } from "vitest";
import { buildCanonicalText } from "../../lib/text/canonical";
import { OffsetMap } from "../../lib/text/offsets";
import { splitSentences } from "../../lib/text/sentences";
import { checkInvariants } from "./fixtures";

/** Unit texts of a one- or multi-paragraph input, after checking every invariant. */
function units(...paragraphs: string[]): string[] {
  const c = buildCanonicalText(paragraphs);
  const result = splitSentences(c.text, c.paragraphs);
  checkInvariants(c.text, c.paragraphs, result);
  const map = new OffsetMap(c.text);
  return result.map((u) => map.slice(u.start, u.end));
}

describe("splitSentences: terminators", () => {
  it("splits after 。！？； and keeps a paragraph without terminator whole", () => {
    expect(units("坚持稳中求进。推动高质量发展！为什么？因为改革；开放", "没有句末标点的标题")).toEqual([
      "坚持稳中求进。",
      "推动高质量发展！",
      "为什么？",
      "因为改革；",
      "开放",
      "没有句末标点的标题",
    ]);
  });

  it("handles full-width, half-width and small-form variants", () => {
    expect(units("甲．乙!丙?丁;戊｡己︒庚")).toEqual(["甲．", "乙!", "丙?", "丁;", "戊｡", "己︒", "庚"]);
  });

  it("keeps repeated terminators and ellipsis-plus-terminator together", () => {
    expect(units("太好了！！真的吗？！还有等等……。然后呢")).toEqual(["太好了！！", "真的吗？！", "还有等等……。", "然后呢"]);
  });

  it("keeps closing quotes and brackets with the sentence they close", () => {
    expect(units("他说：“要坚持稳中求进。”随后散会。")).toEqual(["他说：“要坚持稳中求进。”", "随后散会。"]);
    expect(units("（详见附件。）下一句。")).toEqual(["（详见附件。）", "下一句。"]);
    expect(units("「甲。」『乙！』《丙？》【丁；】")).toEqual(["「甲。」", "『乙！』", "《丙？》", "【丁；】"]);
    expect(units('He said "stop." Then left.')).toEqual(['He said "stop."', "Then left."]);
  });

  it("splits at '.' only before whitespace or the end, never in numbers", () => {
    expect(units("增长1.5%，2018.3月完成。Done. Next")).toEqual(["增长1.5%，2018.3月完成。", "Done.", "Next"]);
    expect(units("版本v2.0.1发布，网址www.gov.cn有说明")).toEqual(["版本v2.0.1发布，网址www.gov.cn有说明"]);
    expect(units("增长１．５％。")).toEqual(["增长１．５％。"]);
  });

  it("does not split a URL query at '?'", () => {
    expect(units("详见 http://www.gov.cn/a?id=1&b=2 的说明。")).toEqual(["详见 http://www.gov.cn/a?id=1&b=2 的说明。"]);
  });
});

describe("splitSentences: numbered items", () => {
  it("starts a unit at 一、 … 十一、 at paragraph start and after a colon", () => {
    expect(units("一、总体要求", "十一、加强政府自身建设")).toEqual(["一、总体要求", "十一、加强政府自身建设"]);
    expect(units("主要任务：一、稳增长；二、促改革；十一、惠民生。")).toEqual([
      "主要任务：",
      "一、稳增长；",
      "二、促改革；",
      "十一、惠民生。",
    ]);
  });

  it("does not treat a mid-sentence numeral list as an item", () => {
    expect(units("第一、二季度增长较快，一、二产业协调发展。")).toEqual(["第一、二季度增长较快，一、二产业协调发展。"]);
    expect(units("目标：一、二产业增加值分别增长5%和6%。")).toEqual(["目标：一、二产业增加值分别增长5%和6%。"]);
  });

  it("starts units at （一） (一) （1） (1)", () => {
    expect(units("重点工作：（一）稳增长。（二）促改革；(三)保民生 （1）甲 (2)乙")).toEqual([
      "重点工作：",
      "（一）稳增长。",
      "（二）促改革；",
      "(三)保民生",
      "（1）甲",
      "(2)乙",
    ]);
  });

  it("starts units at 1. 1、 1． 2) keeping the number, without splitting at the item dot", () => {
    expect(units("目标：1.提高效率；2、推进改革 3．优化服务 4) 强化保障")).toEqual([
      "目标：",
      "1.提高效率；",
      "2、推进改革",
      "3．优化服务",
      "4) 强化保障",
    ]);
    expect(units("1. 加强领导。", "2. Strengthen leadership.")).toEqual(["1. 加强领导。", "2. Strengthen leadership."]);
  });

  it("leaves digits that are not item markers alone", () => {
    expect(units("增长 1.5%，共 3、4 个项目，第1、2季度。")).toEqual(["增长 1.5%，共 3、4 个项目，第1、2季度。"]);
    expect(units("2018.3 召开会议")).toEqual(["2018.3 召开会议"]);
  });

  it("starts units at ① … ⑳ anywhere, without stranding an opening bracket", () => {
    expect(units("包括①加强监管②优化服务⑳完善制度")).toEqual(["包括", "①加强监管", "②优化服务", "⑳完善制度"]);
    expect(units("（①试点）")).toEqual(["（①试点）"]);
  });
});

describe("splitSentences: offsets and trimming", () => {
  it("counts 𠮷 as one code point before and inside sentences", () => {
    const text = "𠮷野家。京津冀𠮷协同！\n𠮷𠮷。末句";
    const c = buildCanonicalText(text.split("\n"));
    const result = splitSentences(c.text, c.paragraphs);
    expect(result).toEqual([
      { start: 0, end: 4, paragraph: 0 },
      { start: 4, end: 11, paragraph: 0 },
      { start: 12, end: 15, paragraph: 1 },
      { start: 15, end: 17, paragraph: 1 },
    ]);
    checkInvariants(c.text, c.paragraphs, result);
  });

  it("trims spaces between sentences and never returns whitespace-only units", () => {
    const text = "第一句。　 第二句！ \u3000 ";
    const result = splitSentences(text, [{ start: 0, end: Array.from(text).length }]);
    const map = new OffsetMap(text);
    expect(result.map((u) => map.slice(u.start, u.end))).toEqual(["第一句。", "第二句！"]);
  });

  it("returns nothing for no paragraphs and refuses spans outside the text", () => {
    expect(splitSentences("", [])).toEqual([]);
    expect(() => splitSentences("甲", [{ start: 0, end: 5 }])).toThrow(RangeError);
  });
});
