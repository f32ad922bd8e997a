import type { JSONContent } from "@tiptap/core";
import type { PositionMap } from "./positions";
import type { ReaderSentence } from "./types";

/**
 * The editor document: one paragraph node per stored paragraph, its text split into text
 * nodes where sentence units begin and end. Each sentence carries the `unit` mark, which
 * renders the `.unit` span (data-unit-id, data-start, data-end in code points).
 *
 * Why a mark and not an inline decoration: ProseMirror renders decorations per text
 * fragment, so a coding that starts mid-sentence would cut a decorated sentence into two
 * `.unit` elements; a mark is wrapped once around all its fragments, so every sentence
 * stays one element whose text is exactly the sentence. The mark is fixed when the
 * read-only document is built (it changes neither the text nor any position); codings are
 * decorations, and each sentence's handle is part of the unit's mark view (extensions.ts).
 */
export function buildDocJson(map: PositionMap, sentences: readonly ReaderSentence[], paragraphCount = map.paragraphCount): JSONContent {
  const paragraphs = paragraphsJson(map, sentences, 0, paragraphCount);
  if (paragraphs.length === 0) paragraphs.push({ type: "paragraph" });
  return { type: "doc", content: paragraphs };
}

/**
 * Paragraphs `from` … `to` - 1 as editor nodes: how the reader builds its document at open
 * (the first screens) and adds the rest after it (useReaderEditor).
 */
export function paragraphsJson(map: PositionMap, sentences: readonly ReaderSentence[], from: number, to: number): JSONContent[] {
  const paragraphs: JSONContent[] = [];
  // Sentences are in ordinal (= text) order: find the first one reaching into paragraph
  // `from`, then walk them alongside the paragraphs once.
  let s = 0;
  if (from > 0) {
    const pStart = map.paragraphSpan(from).start;
    let hi = sentences.length;
    while (s < hi) {
      const mid = (s + hi) >> 1;
      if ((sentences[mid]?.end ?? Infinity) <= pStart) s = mid + 1;
      else hi = mid;
    }
  }
  for (let i = from; i < Math.min(to, map.paragraphCount); i++) {
    const { start: pStart, end: pEnd } = map.paragraphSpan(i);
    const content: JSONContent[] = [];
    let at = pStart;
    while ((sentences[s]?.end ?? Infinity) <= pStart) s++;
    for (let u = sentences[s]; u && u.start < pEnd; u = sentences[++s]) {
      const a = Math.max(u.start, pStart, at);
      const b = Math.min(u.end, pEnd);
      if (a > at) content.push({ type: "text", text: map.slice(at, a) });
      if (b > a) {
        content.push({
          type: "text",
          text: map.slice(a, b),
          marks: [{ type: "unit", attrs: { unitId: u.id, start: u.start, end: u.end, ordinal: u.ordinal } }],
        });
        at = b;
      }
      if (u.end > pEnd) break; // a unit crossing a paragraph (never for imported text) continues there
    }
    if (pEnd > at) content.push({ type: "text", text: map.slice(at, pEnd) });
    const attrs = { paragraph: i, start: pStart, end: pEnd };
    paragraphs.push(content.length > 0 ? { type: "paragraph", attrs, content } : { type: "paragraph", attrs });
  }
  return paragraphs;
}
