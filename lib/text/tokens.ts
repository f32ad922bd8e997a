/**
 * Word segmentation with jieba (nodejieba). Chinese has no spaces, so whole-word
 * search, KWIC and word counts need segmented tokens. Units store their tokens as one
 * string delimited by TOKEN_SEP on both ends, so a whole-word match is a plain
 * `LIKE '%\u001f词\u001f%'` in SQL.
 */
import nodejieba from "nodejieba";

/** Unit separator control character: cannot occur in real text, never a LIKE wildcard. */
export const TOKEN_SEP = "\u001f";

let loaded = false;

/** Loads jieba's default dictionaries once, on first use (it takes a moment). */
function jieba(): typeof nodejieba {
  if (!loaded) {
    nodejieba.load();
    loaded = true;
  }
  return nodejieba;
}

/** Segments a text; pure-whitespace tokens are dropped, the separator never survives. */
export function tokenize(text: string): string[] {
  if (text === "") return [];
  const out: string[] = [];
  for (const raw of jieba().cut(text)) {
    // Cheap checks first: this runs for every token of every imported document.
    const token = raw.includes(TOKEN_SEP) ? raw.split(TOKEN_SEP).join("") : raw;
    if (token !== "" && token.trim() !== "") out.push(token);
  }
  return out;
}

/**
 * jieba's segmentation as it comes, whitespace tokens included, so that the tokens
 * concatenate back to the input and a caller can track positions without searching.
 */
export function cutRaw(text: string): string[] {
  return text === "" ? [] : jieba().cut(text);
}

export function tokenizeMany(texts: string[]): string[][] {
  return texts.map(tokenize);
}

/** Tokens → the stored field: "\u001f京津冀\u001f协同\u001f发展\u001f" ("" for no tokens). */
export function tokensField(tokens: string[]): string {
  if (tokens.length === 0) return "";
  return TOKEN_SEP + tokens.join(TOKEN_SEP) + TOKEN_SEP;
}
