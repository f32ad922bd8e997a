import { OffsetMap } from "./offsets";
import { tokenize } from "./tokens";
import type { SentenceUnit } from "./types";

/**
 * Tokens of every sentence unit from ONE jieba call over the whole canonical text.
 * jieba costs per call as well as per character, and it never joins characters
 * across a line break or a sentence terminator (both are tokens of their own), so
 * segmenting the document once gives the sentences' tokens at a fraction of the
 * cost of one call per sentence. A token that still straddles a unit boundary is
 * cut there, so each sentence's tokens concatenate to exactly its text (whitespace
 * aside).
 */
export function tokenizeSentences(text: string, sentences: SentenceUnit[]): string[][] {
  const map = new OffsetMap(text);
  const bounds = sentences.map((s) => ({ start: map.toUtf16(s.start), end: map.toUtf16(s.end) }));
  const out: string[][] = sentences.map(() => []);
  let s = 0; // first sentence that may still receive tokens
  let cursor = 0; // UTF-16 position the next token is searched from
  for (const token of tokenize(text)) {
    const at = text.indexOf(token, cursor);
    if (at < 0) continue; // jieba normalised something: skip rather than misplace
    cursor = at + token.length;
    let pieceStart = at;
    while (s < bounds.length && bounds[s].end <= pieceStart) s++;
    for (let k = s; k < bounds.length && bounds[k].start < cursor; k++) {
      const from = Math.max(pieceStart, bounds[k].start);
      const to = Math.min(cursor, bounds[k].end);
      if (to > from) {
        const piece = text.slice(from, to);
        if (piece.trim() !== "") out[k].push(piece);
      }
      pieceStart = to;
      if (pieceStart >= cursor) break;
    }
  }
  return out;
}
