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
});
