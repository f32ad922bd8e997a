import { describe, expect, it } from "vitest";
import { isAppError } from "../../lib/errors";
import { compileSafeRegex } from "../../lib/search/safe-regex";
import { decodeText } from "../../lib/text/decode";
import { describeWith } from "../helpers/describe-with";
import { CORPUS, readCorpus } from "../text/fixtures";

function refusal(pattern: string): { en: string; zh: string } {
  try {
    compileSafeRegex(pattern, 1);
  } catch (e) {
    if (isAppError(e)) return e.text;
    throw e;
  }
  throw new Error(`/${pattern}/ was accepted`);
}

describe("user regular expressions on re2js", () => {
  it("finds matches at UTF-16 indices with characters outside the BMP counted whole", () => {
    const re = compileSafeRegex("𠮷.推进", 1);
    expect(re.spans("一𠮷𠮷推进，𠮷a推进")).toEqual([
      { from: 1, to: 7 },
      { from: 8, to: 13 },
    ]);
    expect(compileSafeRegex("\\u{20BB7}{2}", 1).test("𠮷𠮷")).toBe(true);
    expect(compileSafeRegex("\\p{Script=Han}+", 1).spans("ab政策cd")).toEqual([{ from: 2, to: 4 }]);
    expect(compileSafeRegex("(?<=推动)发展", 1).spans("推动发展，促进发展")).toEqual([{ from: 2, to: 4 }]);
    // Empty matches are no hits.
    expect(compileSafeRegex("x*", 1).spans("abc")).toEqual([]);
  });

  it("refuses what only a backtracking engine can do, and syntax errors, with a reason", () => {
    expect(refusal("(城市)\\1").en).toBe("invalid regular expression /(城市)\\1/ at position 1: backreferences (\\1, \\k<name>) are not supported");
    expect(refusal("(?<n>a)\\k<n>").zh).toBe("第 1 个字符处的正则表达式无效：不支持反向引用（\\1、\\k<name>）");
    expect(refusal("城市(?=群)").en).toContain("lookaheads (?= …) and (?! …) are not supported");
    expect(refusal("[城际").en).toMatch(/^invalid regular expression \/\[城际\/ at position 1: .*missing closing \]/);
    // An escaped backslash before a digit is no backreference.
    expect(compileSafeRegex("\\\\1", 1).test("a\\1")).toBe(true);
  });

  it("answers a pattern that backtracks catastrophically at once on a long text", () => {
    const text = "各位代表：".repeat(2_400); // 12,000 characters, no "y"
    const started = performance.now();
    expect(compileSafeRegex("(.*.*)*y", 1).test(text)).toBe(false);
    expect(compileSafeRegex("(.*.*)*y", 1).spans(text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describeWith(CORPUS, "user regular expressions on a real report", () => {
  it("answers /(.*.*)*y/ and its kin over the 12,000-character Hailar 2012 government work report within a second", () => {
    const text = decodeText(readCorpus("hailar-govworkreport", "2012.txt")).text;
    expect(Array.from(text).length).toBeGreaterThan(12_000);
    const flat = text.replace(/\n/g, "");
    // "(.*.*)*y" is rejected by re2js's literal prefilter (no "y" in the text); the others have no
    // required literal, so the automaton itself runs over all 12,000 characters.
    for (const pattern of ["(.*.*)*y", "(.*.*)*[yz]", "(.*.*)*\\d{12}", "(\\p{Han}+)+[a-z]$"]) {
      const started = performance.now();
      const re = compileSafeRegex(pattern, 1);
      expect(re.test(flat), pattern).toBe(false);
      expect(re.spans(flat), pattern).toEqual([]);
      for (const line of text.split("\n")) re.spans(line);
      expect(performance.now() - started, pattern).toBeLessThan(1_000);
    }
  });
});
