import { getSchema } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import Text from "@tiptap/extension-text";
import { Node as PMNode } from "@tiptap/pm/model";
import { buildDocJson } from "../../components/reader/doc";
import { ReaderParagraph, UnitMark } from "../../components/reader/extensions";
import { PositionMap } from "../../components/reader/positions";
import type { ReaderCoding, ReaderParagraph as Paragraph, ReaderSentence } from "../../components/reader/types";

/**
 * Three paragraphs with characters outside the BMP (𠮷, U+20BB7: two UTF-16 units) before
 * and inside the spans, an empty line (two separators) between the second and third, and
 * full-width punctuation. Paragraph and sentence spans in code points, as the server sends.
 */
export const PARAS = ["𠮷祥物“保定𠮷”深受欢迎。京津冀协同发展。", "推进交通一体化，打造轨道上的京津冀。", "", "全面融入𠮷雄安新区建设。"];
export const TEXT = PARAS.join("\n");

export const cps = (s: string) => Array.from(s);
/** Code-point index of `needle` in TEXT. */
export const cpIndexOf = (needle: string, from = 0) => cps(TEXT.slice(0, TEXT.indexOf(needle, from))).length;
export const cpSlice = (start: number, end: number) => cps(TEXT).slice(start, end).join("");

export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let at = 0;
  for (const p of text.split("\n")) {
    const n = cps(p).length;
    if (n > 0) out.push({ ordinal: out.length, start: at, end: at + n });
    at += n + 1;
  }
  return out;
}

/** Sentences: each paragraph cut after "。". */
export function sentencesOf(text: string): ReaderSentence[] {
  const out: ReaderSentence[] = [];
  for (const p of paragraphsOf(text)) {
    let start = p.start;
    const chars = cps(text).slice(p.start, p.end);
    chars.forEach((ch, k) => {
      if (ch === "。" || k === chars.length - 1) {
        out.push({ id: `s${out.length}`, ordinal: out.length, paragraph: p.ordinal, start, end: p.start + k + 1 });
        start = p.start + k + 1;
      }
    });
  }
  return out;
}

export const PARAGRAPHS = paragraphsOf(TEXT);
export const SENTENCES = sentencesOf(TEXT);

export function positionMap(): PositionMap {
  return new PositionMap(TEXT, PARAGRAPHS);
}

/** The editor document the reader builds, as a ProseMirror node (no DOM needed). */
export function editorDoc(map: PositionMap): PMNode {
  const schema = getSchema([Document, ReaderParagraph, Text, UnitMark]);
  return PMNode.fromJSON(schema, buildDocJson(map, SENTENCES));
}

let seq = 0;
export function coding(over: Partial<ReaderCoding> & { start: number; end: number }): ReaderCoding {
  seq++;
  return {
    id: `c${seq}`,
    codeId: "code-a",
    shortName: "CON-1",
    labelZh: "综合交通",
    labelEn: "Transport",
    color: "#2f7d91",
    quote: cpSlice(over.start, over.end),
    comment: "",
    coder: "tester",
    createdAt: "2026-12-01T00:00:00.000Z",
    updatedAt: "2026-12-01T00:00:00.000Z",
    version: 1,
    anchor: "ok",
    ...over,
  };
}
