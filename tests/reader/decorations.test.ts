import type { Node as PMNode } from "@tiptap/pm/model";
import type { DecorationSet } from "@tiptap/pm/view";
import { describe, expect, it } from "vitest";
import { DecorationSet as Set } from "@tiptap/pm/view";
import { buildCodingDecorations, buildOverlayDecorations, codingDecorations, isDrawable } from "../../components/reader/decorations";
import { coding, cpIndexOf, cps, editorDoc, positionMap, TEXT } from "./fixtures";

const map = positionMap();
const doc = editorDoc(map);

/** Each decoration as [text under it, its attributes], in document order. */
function segments(set: DecorationSet, d: PMNode = doc) {
  return set
    .find()
    .sort((a, b) => a.from - b.from)
    .map((x) => ({ text: d.textBetween(x.from, x.to, "\n"), attrs: (x as unknown as { type: { attrs: Record<string, string> } }).type.attrs }));
}

describe("coding decorations", () => {
  it("cuts overlapping codings into segments, each naming every coding over it (offsets after 𠮷)", () => {
    const s = cpIndexOf("京津冀协同发展");
    const a = coding({ id: "a", start: s, end: s + 7, color: "#2f7d91" });
    const b = coding({ id: "b", start: s + 3, end: s + 11, color: "#b45309" });
    const got = segments(buildCodingDecorations(doc, map, [b, a]));
    expect(got.map((g) => [g.text, g.attrs["data-coding-ids"], g.attrs.class])).toEqual([
      ["京津冀", "a", "coded"],
      ["协同发展", "a b", "coded coded-multi"],
      // b runs over the paragraph break: the segment stops at the paragraph's end and goes on in the next.
      ["。\n推进", "b", "coded"],
    ]);
    expect(got[1]?.attrs.style).toBe(
      "background-color:rgba(180,83,9,0.22);box-shadow:inset 0 -2px 0 rgba(180,83,9,0.85),inset 0 -4px 0 rgba(47,125,145,0.85)",
    );
  });

  it("highlights exactly the coded code points around 𠮷", () => {
    const s = cpIndexOf("𠮷雄安");
    const c = coding({ id: "z", start: s, end: s + 3 });
    expect(segments(buildCodingDecorations(doc, map, [c])).map((g) => g.text)).toEqual(["𠮷雄安"]);
    const first = coding({ id: "y", start: 0, end: 1 });
    expect(segments(buildCodingDecorations(doc, map, [first])).map((g) => g.text)).toEqual(["𠮷"]);
  });

  it("lists the segments in position order, so a set can be built from them chunk by chunk", () => {
    const list = [0, 2, 5, 9, 14, 20, 26, 30, 33, 38].map((s, k) => coding({ id: `q${k}`, start: s, end: s + 6 }));
    const all = codingDecorations(map, list);
    expect(all.map((d) => d.from)).toEqual([...all.map((d) => d.from)].sort((a, b) => a - b));
    const whole = segments(buildCodingDecorations(doc, map, list));
    const chunked = Set.create(doc, all.slice(0, 4)).add(doc, all.slice(4, 9)).add(doc, all.slice(9));
    expect(segments(chunked)).toEqual(whole);
    expect(whole.map((g) => g.text).join("")).toBe(cps(TEXT).slice(0, 44).join("").replace(/\n+/g, "\n"));
  });

  it("leaves out orphaned, empty and out-of-text codings", () => {
    const total = cps(TEXT).length;
    const list = [
      coding({ id: "o", start: 0, end: 3, anchor: "orphaned" }),
      coding({ id: "e", start: 5, end: 5 }),
      coding({ id: "x", start: total - 1, end: total + 1 }),
    ];
    expect(list.map((c) => isDrawable(c, total))).toEqual([false, false, false]);
    expect(buildCodingDecorations(doc, map, list).find()).toEqual([]);
  });

  it("draws the selected coding, the pending span and the flash as overlay", () => {
    const s = cpIndexOf("打造");
    const got = segments(
      buildOverlayDecorations(doc, map, {
        selected: { id: "a", start: s, end: s + 2, color: "#2f7d91" },
        pending: { start: 0, end: 3 },
        flash: { start: s + 2, end: s + 4, color: "#2f7d91", nonce: 3 },
      }),
    );
    expect(got.map((g) => [g.text, g.attrs.class])).toEqual([
      ["𠮷祥物", "pending-span"],
      ["打造", "coded-selected"],
      ["轨道", "flash-span flash-a"],
    ]);
    expect(got[1]?.attrs["data-selected-coding"]).toBe("a");
  });
});
