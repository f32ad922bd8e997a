import type { Db } from "../db/client";
import { flattenCodebook } from "./flatten-codebook";
import { getCodebook } from "./get-codebook";
import type { CodeSearchField, CodeSearchHit, FlatCodeNode } from "./types";

/** Case- and width-insensitive form: full-width Latin from a Chinese IME matches half-width. */
function fold(s: string): string {
  return s.normalize("NFKC").toLowerCase();
}

function fieldsMatching(code: FlatCodeNode, term: string): CodeSearchField[] {
  const fields: CodeSearchField[] = [];
  if (fold(code.shortName).includes(term)) fields.push("shortName");
  if (fold(code.labelZh).includes(term)) fields.push("labelZh");
  if (fold(code.labelEn).includes(term)) fields.push("labelEn");
  if (fold(code.definition).includes(term)) fields.push("definition");
  if (code.keywords.some((k) => fold(k).includes(term))) fields.push("keywords");
  return fields;
}

/** Lower is better: exact short name, then short-name prefix, labels, keywords, definition. */
function rank(code: FlatCodeNode, terms: string[], fields: Set<CodeSearchField>): number {
  const name = fold(code.shortName);
  const whole = terms.join(" ");
  if (name === whole) return 0;
  const first = terms[0];
  if (first !== undefined && name.startsWith(first)) return 1;
  if (fields.has("labelZh") || fields.has("labelEn") || fields.has("shortName")) return 2;
  if (fields.has("keywords")) return 3;
  return 4;
}

/**
 * Finds codes whose short name, Chinese or English label, definition or keywords contain the
 * query, ignoring case. Several whitespace-separated terms must all match (each in any field).
 * Codebooks are small, so matching runs in memory — which also keeps it identical on SQLite
 * (case-insensitive LIKE only for ASCII) and PostgreSQL (case-sensitive LIKE).
 */
export async function searchCodes(db: Db, projectId: string, query: string): Promise<CodeSearchHit[]> {
  const terms = fold(query).split(/\s+/).filter((t) => t !== "");
  if (terms.length === 0) return [];
  const flat = flattenCodebook(await getCodebook(db, projectId));
  const hits: { hit: CodeSearchHit; rank: number; order: number }[] = [];
  flat.forEach((code, order) => {
    const matched = new Set<CodeSearchField>();
    for (const term of terms) {
      const f = fieldsMatching(code, term);
      if (f.length === 0) return;
      f.forEach((x) => matched.add(x));
    }
    const matchedFields = (["shortName", "labelZh", "labelEn", "keywords", "definition"] as const).filter((f) =>
      matched.has(f),
    );
    hits.push({
      hit: { ...code, pathLabel: code.path.join(" › "), matchedFields },
      rank: rank(code, terms, matched),
      order,
    });
  });
  hits.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return hits.map((h) => h.hit);
}
