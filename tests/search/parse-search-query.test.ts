import { describe, expect, it } from "vitest";
import { parseSearchQuery, positiveTerms } from "../../lib/search";
import { AppError } from "../../lib/errors";

const term = (value: string, kind: "bare" | "phrase" | "regex" = "bare") =>
  expect.objectContaining({ type: "term", kind, value });

function errorOf(q: string, mode?: "substring" | "word" | "regex"): AppError {
  try {
    parseSearchQuery(q, { mode });
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`"${q}" parsed without error`);
}

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

  it("refuses malformed queries, saying where", () => {
    const cases: [string, RegExp][] = [
      ["", /empty/],
      ["   ", /empty/],
      ["(城际 OR 铁路", /\( at position 1 is never closed/],
      ["城际 铁路)", /unexpected \) at position 6/],
      ["城际 OR", /OR at position 4 has no term after it/],
      ["AND 城际", /AND at position 1 has no term before it/],
      ["城际 AND OR 铁路", /AND at position 4 has no term after it/],
      ["城际 NOT", /NOT at position 4 has no term after it/],
      ['城际 "铁路', /unclosed quote.*position 4/],
      ["城际 ()", /empty parentheses at position 4/],
      ['""', /empty phrase/],
    ];
    for (const [q, message] of cases) {
      const e = errorOf(q);
      expect(e.code, q).toBe("invalid_input");
      expect(e.message, q).toMatch(message);
      expect(e.message, q).toMatch(/[\u4e00-\u9fff]/); // bilingual
    }
    expect(errorOf("/城际", "regex").message).toMatch(/unclosed regular expression/);
  });
});
