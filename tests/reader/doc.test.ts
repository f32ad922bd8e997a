import type { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { cpSlice, editorDoc, positionMap, SENTENCES } from "./fixtures";

describe("the editor document", () => {
  it("holds every sentence as one run of text carrying its unit mark, and nothing else marked", () => {
    const doc = editorDoc(positionMap());
    const units: { text: string; unitId: unknown; start: unknown; end: unknown }[] = [];
    doc.descendants((n: PMNode) => {
      const mark = n.marks.find((m) => m.type.name === "unit");
      if (n.isText && mark) units.push({ text: n.text ?? "", unitId: mark.attrs.unitId, start: mark.attrs.start, end: mark.attrs.end });
      if (n.isText && !mark) units.push({ text: n.text ?? "", unitId: null, start: null, end: null });
    });
    expect(units).toEqual(SENTENCES.map((u) => ({ text: cpSlice(u.start, u.end), unitId: u.id, start: u.start, end: u.end })));
    expect(units.map((u) => u.text)).toEqual([
      "𠮷祥物“保定𠮷”深受欢迎。",
      "京津冀协同发展。",
      "推进交通一体化，打造轨道上的京津冀。",
      "全面融入𠮷雄安新区建设。",
    ]);
  });
});
