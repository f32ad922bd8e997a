import { describe, expect, it } from "vitest";
import { cpIndexOf, cps, cpSlice, editorDoc, PARAGRAPHS, positionMap, TEXT } from "./fixtures";

describe("PositionMap: code points ⇄ ProseMirror positions", () => {
  const map = positionMap();
  const doc = editorDoc(map);
  const total = cps(TEXT).length;

  it("counts the text in code points and agrees with the editor document's paragraphs", () => {
    expect(map.cpCount).toBe(total);
    expect(map.paragraphCount).toBe(3); // the empty line is no paragraph
    expect(doc.childCount).toBe(3);
    for (let i = 0; i < map.paragraphCount; i++) {
      const { from, to } = map.paragraphPosRange(i);
      expect(doc.textBetween(from, to)).toBe(map.paragraphText(i));
      expect(map.paragraphText(i)).toBe(cpSlice(PARAGRAPHS[i]!.start, PARAGRAPHS[i]!.end));
    }
  });

  it("maps every span inside a paragraph to exactly its text, after and around 𠮷", () => {
    for (const p of PARAGRAPHS) {
      for (let a = p.start; a < p.end; a++) {
        for (let b = a + 1; b <= p.end; b++) {
          expect(doc.textBetween(map.cpToPos(a, "start"), map.cpToPos(b, "end"))).toBe(cpSlice(a, b));
        }
      }
    }
  });

  it("maps a span across paragraphs to its text with one separator per gap", () => {
    const a = cpIndexOf("京津冀协同");
    const b = cpIndexOf("雄安") + 2;
    expect(doc.textBetween(map.cpToPos(a, "start"), map.cpToPos(b, "end"), "\n")).toBe(
      "京津冀协同发展。\n推进交通一体化，打造轨道上的京津冀。\n全面融入𠮷雄安",
    );
    // The stored text has an empty line there; the editor has no empty paragraph.
    expect(cpSlice(a, b)).toBe("京津冀协同发展。\n推进交通一体化，打造轨道上的京津冀。\n\n全面融入𠮷雄安");
  });

  it("round-trips every code point through posToCp", () => {
    for (const p of PARAGRAPHS) for (let cp = p.start; cp <= p.end; cp++) expect(map.posToCp(map.cpToPos(cp))).toBe(cp);
  });

  it("puts an offset on a separator at the next paragraph's start or the previous one's end, by bias", () => {
    const [first, second] = [PARAGRAPHS[0]!, PARAGRAPHS[1]!];
    expect(map.cpToPos(first.end, "end")).toBe(map.paragraphPosRange(0).to);
    expect(map.cpToPos(first.end + 1, "start")).toBe(map.paragraphPosRange(1).from);
    // Inside the empty line between the second and third paragraphs.
    expect(map.cpToPos(second.end + 1, "start")).toBe(map.paragraphPosRange(2).from);
    expect(map.cpToPos(second.end + 1, "end")).toBe(map.paragraphPosRange(1).to);
  });

  it("converts a selection given backwards, across the 𠮷 inside the last paragraph", () => {
    const start = cpIndexOf("融入");
    const end = cpIndexOf("新区");
    expect(map.rangeToCp(map.cpToPos(end), map.cpToPos(start))).toEqual({ start, end });
    expect(cpSlice(start, end)).toBe("融入𠮷雄安");
  });

  it("finds the paragraph holding an offset; a separator belongs to the paragraph before it", () => {
    expect(map.paragraphAt(0)).toBe(0);
    expect(map.paragraphAt(PARAGRAPHS[0]!.end)).toBe(0);
    expect(map.paragraphAt(PARAGRAPHS[1]!.start)).toBe(1);
    expect(map.paragraphAt(PARAGRAPHS[1]!.end + 1)).toBe(1);
    expect(map.paragraphAt(total)).toBe(2);
  });

  it("gives the same positions with a hint as without, walking forward", () => {
    const hint = { p: 0 };
    for (let cp = 0; cp <= total; cp++) expect(map.cpToPos(cp, "start", hint)).toBe(map.cpToPos(cp, "start"));
    expect(hint.p).toBe(2);
  });
});
