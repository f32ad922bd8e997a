import { OffsetMap } from "./offsets";
import { tokenize } from "./tokens";
import type { SentenceUnit, Span } from "./types";

/**
 * Tokens of every sentence unit, segmenting each paragraph once. jieba costs per
 * call as well as per character, so one call per paragraph instead of one per
 * sentence saves a third of the import time. Sentence terminators are tokens of
 * their own, so tokens almost never straddle a sentence boundary; one that does is
 * cut at the boundary, so each sentence's tokens concatenate to exactly its text
 * (whitespace aside).
 */
export function tokenizeSentences(text: string, paragraphs: Span[], sentences: SentenceUnit[]): string[][] {
  const map = new OffsetMap(text);
  const out: string[][] = sentences.map(() => []);
  let s = 0; // first sentence not yet behind us
  for (let p = 0; p < paragraphs.length; p++) {
    const pStart = map.toUtf16(paragraphs[p].start);
    const paragraphText = text.slice(pStart, map.toUtf16(paragraphs[p].end));
    while (s < sentences.length && sentences[s].paragraph < p) s++;
    let pos = pStart; // UTF-16 position of the next token in the document
    let cursor = 0; // position searched from within the paragraph
    for (const token of tokenize(paragraphText)) {
      const at = paragraphText.indexOf(token, cursor);
      if (at < 0) continue; // jieba normalised something: skip rather than misplace
      pos = pStart + at;
      cursor = at + token.length;
      let tokenStart = pos;
      const tokenEnd = pos + token.length;
      for (let k = s; k < sentences.length && sentences[k].paragraph === p; k++) {
        const uStart = map.toUtf16(sentences[k].start);
        const uEnd = map.toUtf16(sentences[k].end);
        if (uEnd <= tokenStart) {
          if (k === s) s++; // sentences behind the cursor are done
          continue;
        }
        if (uStart >= tokenEnd) break;
        const piece = text.slice(Math.max(tokenStart, uStart), Math.min(tokenEnd, uEnd));
        if (piece.trim() !== "") out[k].push(piece);
        tokenStart = Math.min(tokenEnd, uEnd);
        if (tokenStart >= tokenEnd) break;
      }
    }
  }
  return out;
}
