import type { Node as PMNode } from "@tiptap/pm/model";
import type { DecorationSet } from "@tiptap/pm/view";
import { describe, expect, it } from "vitest";
import { DecorationSet as Set } from "@tiptap/pm/view";
import {
  buildCodingDecorations,
  buildOverlayDecorations,
  codingDecorations,
  highlightPatch,
  isDrawable,
  patchCodingDecorations,
  patchStreamedDecorations,
} from "../../components/reader/decorations";
import type { ReaderCoding } from "../../components/reader/types";
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

  describe("patching after a change", () => {
    const total = cps(TEXT).length;
    const COLORS = ["#2f7d91", "#b45309", "#7c3aed"];
    /** mulberry32: the same "random" codings on every run. */
    function rng(seed: number) {
      let a = seed >>> 0;
      return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    function randomCoding(r: () => number, id: string): ReaderCoding {
      const start = Math.floor(r() * (total - 1));
      const end = Math.min(total, start + 1 + Math.floor(r() * 12));
      return coding({ id, start, end, color: COLORS[Math.floor(r() * COLORS.length)]!, anchor: r() < 0.1 ? "orphaned" : "ok" });
    }
    /** One change a coder makes: create, delete, move an edge, or re-code (another colour). */
    function change(r: () => number, list: ReaderCoding[], k: number): ReaderCoding[] {
      const i = Math.floor(r() * list.length);
      const c = list[i]!;
      const kind = Math.floor(r() * 4);
      if (kind === 0 || list.length < 2) return [...list, randomCoding(r, `new${k}`)];
      if (kind === 1) return list.filter((_, j) => j !== i);
      const next =
        kind === 2 ? { ...c, end: Math.max(c.start + 1, Math.min(total, c.end + (r() < 0.5 ? -1 : 2))) } : { ...c, color: COLORS[(COLORS.indexOf(c.color) + 1) % COLORS.length]! };
      return list.map((x, j) => (j === i ? next : x));
    }

    it("gives exactly the highlights of a whole rebuild, over 300 random changes", () => {
      const r = rng(7);
      let list = Array.from({ length: 14 }, (_, k) => randomCoding(r, `b${k}`));
      let set = buildCodingDecorations(doc, map, list);
      for (let k = 0; k < 300; k++) {
        const next = change(r, list, k);
        const patched = patchCodingDecorations(set, doc, map, list, next);
        expect(patched).not.toBeNull();
        expect(segments(patched!)).toEqual(segments(buildCodingDecorations(doc, map, next)));
        [list, set] = [next, patched!];
      }
    });

    it("patches highlights still being added in order: the list and the part already drawn both match a whole rebuild", () => {
      const r = rng(11);
      let list = Array.from({ length: 14 }, (_, k) => randomCoding(r, `s${k}`));
      let all = codingDecorations(map, list);
      const shownTo = map.cpToPos(cpIndexOf("推进"), "start"); // the first paragraph is drawn, the rest not yet
      let set = Set.create(doc, all.filter((d) => d.from < shownTo));
      // DecorationSet.create consumes the array it is given (ProseMirror nulls its entries): hand it a copy.
      const asSegments = (ds: readonly { from: number; to: number }[]) => segments(Set.create(doc, [...ds] as never));
      for (let k = 0; k < 200; k++) {
        const next = change(r, list, k);
        const p = highlightPatch(map, list, next);
        expect(p).not.toBeNull();
        if (p !== "unchanged" && p !== null) ({ all, set } = patchStreamedDecorations({ all, set, shownTo }, doc, p));
        const whole = codingDecorations(map, next);
        expect(asSegments(all)).toEqual(asSegments(whole));
        expect(all.map((d) => d.from)).toEqual(whole.map((d) => d.from));
        expect(segments(set)).toEqual(asSegments(whole.filter((d) => d.from < shownTo)));
        list = next;
      }
    });

    it("keeps the highlights away from the change as they were (the same decorations)", () => {
      const far = coding({ id: "far", start: cpIndexOf("全面融入"), end: cpIndexOf("全面融入") + 4 });
      const near = coding({ id: "near", start: 1, end: 4 });
      const set = buildCodingDecorations(doc, map, [near, far]);
      const added = coding({ id: "added", start: 2, end: 6, color: "#b45309" });
      const patched = patchCodingDecorations(set, doc, map, [near, far], [near, far, added])!;
      // find() hands out positioned copies; the decoration's type (its attributes) is the stored object.
      const farDeco = (s: DecorationSet) => (s.find().find((d) => d.from === map.cpToPos(far.start, "start")) as unknown as { type: object } | undefined)?.type;
      expect(farDeco(set)).toBeDefined();
      expect(farDeco(patched)).toBe(farDeco(set));
      expect(segments(patched).map((g) => g.attrs["data-coding-ids"])).toEqual(["near", "near added", "added", "far"]);
    });

    it("returns the same set when nothing drawn changed (an orphaned coding, a comment), and gives up on a change of many codings", () => {
      const list = Array.from({ length: 70 }, (_, k) => coding({ id: `m${k}`, start: k % 40, end: (k % 40) + 3 }));
      const set = buildCodingDecorations(doc, map, list);
      const orphanedOnly = [...list, coding({ id: "lost", start: 0, end: 2, anchor: "orphaned" })];
      expect(patchCodingDecorations(set, doc, map, list, orphanedOnly)).toBe(set);
      const commented = list.map((c, k) => (k === 3 ? { ...c, comment: "a new comment" } : c));
      expect(patchCodingDecorations(set, doc, map, list, commented)).toBe(set);
      expect(patchCodingDecorations(set, doc, map, list, [])).toBeNull();
    });
  });
});
