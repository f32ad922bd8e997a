import type { CodeRow } from "../db/codes";
import type { CodeFields } from "./schemas";
import type { CodeRecord } from "./types";

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

/** A Code row's describable fields, keywords parsed (the one row → fields mapping). */
export function codeFieldsOf(row: CodeRow): CodeFields {
  return {
    shortName: row.shortName,
    labelZh: row.labelZh,
    labelEn: row.labelEn,
    definition: row.definition,
    inclusion: row.inclusion,
    exclusion: row.exclusion,
    example: row.example,
    color: row.color,
    keywords: parseKeywords(row.keywords),
  };
}

export function toCodeRecord(row: CodeRow): CodeRecord {
  return {
    ...codeFieldsOf(row),
    id: row.id,
    projectId: row.projectId,
    parentId: row.parentId,
    template: row.template,
    sortOrder: row.sortOrder,
    pinned: row.pinned,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
