import { describe, expect, it } from "vitest";
import { OffsetMap, cpLength, cpSlice } from "../../lib/text/offsets";

describe("code point offsets", () => {
  const text = "京津冀𠮷协同发展𠮷𠮷，雄安";

  it("counts a character outside the BMP as one code point", () => {
    expect(cpLength("𠮷")).toBe(1);
    expect("𠮷".length).toBe(2);
    expect(cpLength(text)).toBe(13);
  });

  it("round-trips every code point offset through UTF-16", () => {
    const map = new OffsetMap(text);
    for (let cp = 0; cp <= map.cpCount; cp++) expect(map.toCp(map.toUtf16(cp))).toBe(cp);
  });

  it("slices by code points as SQL substr does", () => {
    const map = new OffsetMap(text);
    expect(map.slice(3, 8)).toBe("𠮷协同发展");
    expect(cpSlice(text, 8, 11)).toBe("𠮷𠮷，");
    expect(map.toUtf16(4)).toBe(5);
  });

  it("rounds a UTF-16 index inside a surrogate pair down to the character start", () => {
    const map = new OffsetMap(text);
    expect(map.toCp(4)).toBe(3);
  });

  it("refuses offsets outside the text", () => {
    const map = new OffsetMap(text);
    expect(() => map.toUtf16(15)).toThrow(RangeError);
    expect(() => map.toCp(-1)).toThrow(RangeError);
  });

  // Texts without a surrogate pair take a shortcut (no table); a lone surrogate is one unit in both counts.
  it.each([
    ["BMP only", "京津冀协同发展，雄安新区。"],
    ["a lone high surrogate", "京津\uD842冀"],
    ["a lone low surrogate", "京\uDFB7津冀"],
    ["a pair after BMP text", "京津冀协同发展𠮷"],
    ["empty", ""],
  ])("agrees with counting Array.from's code points (%s)", (_, s) => {
    const map = new OffsetMap(s);
    const chars = Array.from(s);
    expect(map.cpCount).toBe(chars.length);
    let utf16 = 0;
    for (let cp = 0; cp <= chars.length; cp++) {
      expect(map.toUtf16(cp)).toBe(utf16);
      expect(map.toCp(utf16)).toBe(cp);
      utf16 += chars[cp]?.length ?? 0;
    }
    expect(() => map.toUtf16(chars.length + 1)).toThrow(`code point offset ${chars.length + 1} outside 0…${chars.length}`);
    expect(() => map.toCp(s.length + 1)).toThrow(`UTF-16 offset ${s.length + 1} outside 0…${s.length}`);
  });
});
