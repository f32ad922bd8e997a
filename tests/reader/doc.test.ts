import { getSchema } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import Text from "@tiptap/extension-text";
import { Node as PMNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { buildDocJson, paragraphsJson } from "../../components/reader/doc";
import { ReaderParagraph, UnitMark } from "../../components/reader/extensions";
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

  it("built in stages (the first paragraphs, then the rest appended at the end) is the whole document, at the same positions", () => {
    const map = positionMap();
    const schema = getSchema([Document, ReaderParagraph, Text, UnitMark]);
    const whole = editorDoc(map);
    expect(map.paragraphCount).toBeGreaterThan(2);
    for (let first = 1; first < map.paragraphCount; first++) {
      // As useReaderEditor does: the opening paragraphs, then each further paragraph in its own step.
      let state = EditorState.create({ doc: PMNode.fromJSON(schema, buildDocJson(map, SENTENCES, first)) });
      expect(state.doc.childCount).toBe(first);
      for (let next = first; next < map.paragraphCount; next++) {
        const nodes = paragraphsJson(map, SENTENCES, next, next + 1).map((j) => schema.nodeFromJSON(j));
        state = state.apply(state.tr.insert(state.doc.content.size, nodes));
      }
      // (Compared as JSON: `whole` comes from another schema instance, and eq compares node types by identity.)
      expect(state.doc.toJSON()).toEqual(whole.toJSON());
    }
    // Every sentence's code points map to its text in a document holding only the first paragraph.
    const partial = PMNode.fromJSON(schema, buildDocJson(map, SENTENCES, 1));
    for (const u of SENTENCES.filter((x) => x.paragraph === 0)) {
      expect(partial.textBetween(map.cpToPos(u.start, "start"), map.cpToPos(u.end, "end"))).toBe(cpSlice(u.start, u.end));
    }
  });
});
