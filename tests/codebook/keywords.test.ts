import { describe, expect, it } from "vitest";
import { normalizeKeywords, parseKeywords } from "../../lib/codebook/keywords";

describe("keyword normaliser (the one rule for the codebook and suggestions)", () => {
  it("trims (full-width space too), composes to NFC, drops empties and duplicates, keeps the first spelling's order", () => {
    expect(normalizeKeywords([" 城际 ", "e\u0301", "\u3000铁路", "", "城际", "é", "  "])).toEqual(["城际", "é", "铁路"]);
  });

  it("reads a malformed stored value as no keywords", () => {
    expect(parseKeywords("not json")).toEqual([]);
    expect(parseKeywords('{"a":1}')).toEqual([]);
    expect(parseKeywords('["交通", 3, null, " 交通"]')).toEqual(["交通"]);
  });
});
