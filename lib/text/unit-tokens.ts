import { OffsetMap } from "./offsets";
import { cutRaw, TOKEN_SEP } from "./tokens";
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
  const units = sentences.map((s) => ({ start: map.toUtf16(s.start), end: map.toUtf16(s.end), tokens: [] as string[] }));
  let s = 0; // first sentence that may still receive tokens
  let pos = 0; // UTF-16 position of the next raw token
  for (let token of cutRaw(text)) {
    let at = pos;
    if (!text.startsWith(token, pos)) {
      // jieba normalised something: find the token, or skip it rather than misplace it.
      at = text.indexOf(token, pos);
      if (at < 0) continue;
    }
    pos = at + token.length;
    if (token.includes(TOKEN_SEP)) token = token.split(TOKEN_SEP).join("");
    if (token.trim() === "") continue;
    while (s < units.length && units[s]!.end <= at) s++;
    const unit = units[s];
    if (unit === undefined) break;
    if (unit.start <= at && pos <= unit.end) {
      unit.tokens.push(token); // the usual case: the token lies inside one sentence
      continue;
    }
    // A token that straddles a unit boundary (or lies between units) is cut at the boundary.
    let pieceStart = at;
    for (let k = s; k < units.length; k++) {
      const u = units[k]!; // k < units.length
      if (u.start >= pos) break;
      const from = Math.max(pieceStart, u.start);
      const to = Math.min(pos, u.end);
      if (to > from) {
        const piece = text.slice(from, to);
        if (piece.trim() !== "") u.tokens.push(piece);
      }
      pieceStart = to;
      if (pieceStart >= pos) break;
    }
  }
  return units.map((u) => u.tokens);
}
