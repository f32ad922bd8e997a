import type { CodeRow } from "../db/codes";
import { parseKeywords, serializeKeywords } from "./keywords";
import { CODE_TEXT_FIELDS, type CodeFields, type CodeTextField } from "./schemas";
import type { CodeRecord } from "./types";

/*
 * Between Code rows and the code's fields (codeFieldsSchema): the one place that maps them,
 * so a new field is added to the schema and here, nowhere else.
 */

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

/** The describable fields as Code columns (keywords serialised); extra properties are left out. */
export function codeColumnsOf(f: Omit<CodeFields, "keywords"> & { keywords: readonly string[] }) {
  return {
    shortName: f.shortName,
    color: f.color,
    keywords: serializeKeywords(f.keywords),
    ...(Object.fromEntries(CODE_TEXT_FIELDS.map((k) => [k, f[k]])) as Pick<CodeFields, CodeTextField>),
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
