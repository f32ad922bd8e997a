import { describe, expect, it } from "vitest";
import { codeCountsOf, resizedSpan, shorten, sortCodings } from "../../components/reader/codings";
import { coding, cpIndexOf, cps, SENTENCES, TEXT } from "./fixtures";

const cpCount = cps(TEXT).length;

describe("reader coding helpers", () => {
  it("sorts codings by start, end, then id", () => {
    const list = [coding({ id: "b", start: 5, end: 9 }), coding({ id: "a", start: 5, end: 9 }), coding({ id: "c", start: 2, end: 12 }), coding({ id: "d", start: 5, end: 7 })];
    expect(sortCodings(list).map((c) => c.id)).toEqual(["c", "d", "a", "b"]);
  });

  it("counts codes, most used first, ties by short name", () => {
    const list = [
      coding({ start: 0, end: 1, codeId: "x", shortName: "COE-1" }),
      coding({ start: 1, end: 2, codeId: "y", shortName: "CON-2" }),
      coding({ start: 2, end: 3, codeId: "y", shortName: "CON-2" }),
      coding({ start: 3, end: 4, codeId: "z", shortName: "COD-1" }),
    ];
    expect(codeCountsOf(list).map((c) => [c.shortName, c.count])).toEqual([["CON-2", 2], ["COD-1", 1], ["COE-1", 1]]);
  });

  it("shortens by code points, never splitting 𠮷", () => {
    expect(shorten("𠮷𠮷𠮷", 2)).toBe("𠮷𠮷…");
    expect(shorten("𠮷𠮷", 2)).toBe("𠮷𠮷");
  });

  describe("resizedSpan", () => {
    const s = cpIndexOf("推进");
    const span = { start: s + 2, end: s + 7 };
    const go = (edge: "start" | "end", delta: -1 | 1, step: "char" | "sentence", at = span) =>
      resizedSpan({ span: at, edge, delta, step, sentences: SENTENCES, cpCount });

    it("moves an edge by one code point", () => {
      expect(go("end", 1, "char")).toEqual({ start: s + 2, end: s + 8 });
      expect(go("start", -1, "char")).toEqual({ start: s + 1, end: s + 7 });
    });

    it("moves an edge to the next or previous sentence boundary", () => {
      const [third, fourth] = [SENTENCES[2]!, SENTENCES[3]!];
      expect(go("end", 1, "sentence")).toEqual({ start: s + 2, end: third.end });
      expect(go("start", -1, "sentence")).toEqual({ start: third.start, end: s + 7 });
      expect(go("end", 1, "sentence", { start: s, end: third.end })).toEqual({ start: s, end: fourth.end });
      expect(go("start", 1, "sentence", { start: s, end: fourth.end })).toEqual({ start: fourth.start, end: fourth.end });
    });

    it("refuses to leave the text, empty the span or stand still", () => {
      expect(go("start", -1, "char", { start: 0, end: 2 })).toBeNull();
      expect(go("end", 1, "char", { start: cpCount - 2, end: cpCount })).toBeNull();
      expect(go("end", -1, "char", { start: 4, end: 5 })).toBeNull();
      expect(go("end", 1, "sentence", { start: cpCount - 3, end: cpCount })).toBeNull();
    });
  });
});
