import { describe, expect, it } from "vitest";
import { parseSearchQuery, positiveTerms } from "../../lib/search";
import { appErrorSync } from "../helpers/app-error";

const term = (value: string, kind: "bare" | "phrase" | "regex" = "bare") =>
  expect.objectContaining({ type: "term", kind, value });

describe("parseSearchQuery", () => {
  it("joins bare terms with AND, binds NOT tighter than AND tighter than OR", () => {
    expect(parseSearchQuery("城际 铁路 OR 交通")).toEqual({
      type: "or",
      children: [{ type: "and", children: [term("城际"), term("铁路")] }, term("交通")],
    });
    expect(parseSearchQuery("城际 AND NOT 铁路")).toEqual({
      type: "and",
      children: [term("城际"), { type: "not", child: term("铁路") }],
    });
    expect(parseSearchQuery("(城际 OR 高速) 铁路")).toEqual({
      type: "and",
      children: [{ type: "or", children: [term("城际"), term("高速")] }, term("铁路")],
    });
  });

  it("accepts Chinese operators and both kinds of quotes", () => {
    expect(parseSearchQuery("城际 或 “协同 发展” 非 铁路")).toEqual({
      type: "or",
      children: [
        term("城际"),
        { type: "and", children: [term("协同 发展", "phrase"), { type: "not", child: term("铁路") }] },
      ],
    });
    expect(parseSearchQuery('"城际铁路"')).toEqual(term("城际铁路", "phrase"));
  });

  it("treats full-width parentheses as text, and /…/ as a pattern only in regex mode", () => {
    expect(parseSearchQuery("（试行）")).toEqual(term("（试行）"));
    expect(parseSearchQuery("/城际(铁路|交通) 网/", { mode: "regex" })).toEqual(term("城际(铁路|交通) 网", "regex"));
  });

  it("lists the terms not under NOT", () => {
    const ast = parseSearchQuery("城际 NOT (铁路 OR NOT 交通) 城际");
    expect(positiveTerms(ast).map((t) => t.value)).toEqual(["城际", "交通"]);
  });

  it("refuses malformed queries, saying where (in English and Chinese)", () => {
    const cases: [string, string][] = [
      ["", "the query is empty / 查询为空"],
      ["   ", "the query is empty / 查询为空"],
      ["(城际 OR 铁路", "unbalanced parentheses: the ( at position 1 is never closed / 括号不匹配：第 1 个字符处的“(”没有闭合"],
      ["城际 铁路)", "unbalanced parentheses: unexpected ) at position 6 / 括号不匹配：第 6 个字符处多余的“)”"],
      ["城际 OR", "OR at position 4 has no term after it / 第 4 个字符处的 OR 后缺少检索词"],
      ["AND 城际", "AND at position 1 has no term before it / 第 1 个字符处的 AND 前缺少检索词"],
      ["城际 AND OR 铁路", "AND at position 4 has no term after it / 第 4 个字符处的 AND 后缺少检索词"],
      ["城际 NOT", "NOT at position 4 has no term after it / 第 4 个字符处的 NOT 后缺少检索词"],
      ['城际 "铁路', 'unclosed quote: the " at position 4 has no closing quote / 第 4 个字符处的引号没有闭合'],
      ["城际 ()", "empty parentheses at position 4 / 第 4 个字符处的括号内没有内容"],
      ['""', "empty phrase at position 1 / 第 1 个字符处的引号内没有内容"],
    ];
    for (const [q, message] of cases) {
      expect(appErrorSync(() => parseSearchQuery(q)), q).toEqual({ code: "invalid_input", message });
    }
    expect(appErrorSync(() => parseSearchQuery("/城际", { mode: "regex" }))).toEqual({
      code: "invalid_input",
      message: "unclosed regular expression: the / at position 1 has no closing / / 第 1 个字符处的正则表达式没有闭合",
    });
  });
});
