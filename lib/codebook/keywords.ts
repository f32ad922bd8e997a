/**
 * Trims, drops empties and duplicates (first spelling wins), keeping the researcher's order.
 * Keywords are compared after NFC so that visually identical Chinese strings are one keyword.
 */
export function normalizeKeywords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of words) {
    const w = raw.normalize("NFC").trim();
    if (w === "" || seen.has(w)) continue;
    seen.add(w);
    out.push(w);
  }
  return out;
}

/** Reads Code.keywords; a malformed value reads as no keywords rather than breaking the codebook. */
export function parseKeywords(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return [];
    return normalizeKeywords(v.filter((x): x is string => typeof x === "string"));
  } catch {
    return [];
  }
}

export function serializeKeywords(words: readonly string[]): string {
  return JSON.stringify(normalizeKeywords(words));
}

/** Union of two keyword lists: `first`'s order, then what only `second` has. */
export function mergeKeywords(first: readonly string[], second: readonly string[]): string[] {
  return normalizeKeywords([...first, ...second]);
}
