/**
 * The row-shaped exports: one row per coding (CSV, the XLSX codings sheet) and the code ×
 * sentence-unit 0/1 matrix (for R, Stata, SPSS). Rows are produced one at a time by
 * generators, so a writer can stream them without building the whole table.
 * Offsets (start, end) are Unicode code points over the document's plain text.
 */
import { stringify } from "csv-stringify/sync";
import { OffsetMap } from "../text/offsets";
import { METADATA_FIELDS, type ExportDocument, type ExportSnapshot, type ExportUnit } from "./snapshot";

export type Cell = string | number | null;

/** Column names of the metadata fields (snake case, as R and Stata like them). */
export const METADATA_COLUMNS = METADATA_FIELDS.map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));

export const CODING_COLUMNS = [
  "project",
  "document_id",
  "document_title",
  ...METADATA_COLUMNS,
  "coding_id",
  "code",
  "code_path",
  "label_zh",
  "label_en",
  "coder",
  "start",
  "end",
  "text",
  "sentences",
  "comment",
];

function metadataCells(d: ExportDocument): Cell[] {
  return METADATA_FIELDS.map((f) => d[f] ?? "");
}

/** Index of the first sentence ending after `at` (sentences are sorted and do not overlap). */
function firstEndingAfter(units: ExportUnit[], at: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.end <= at) lo = mid + 1; // mid < units.length
    else hi = mid;
  }
  return lo;
}

/** The text from the first to the last sentence a span overlaps ("" when it lies in none). */
export function sentencesOf(map: OffsetMap, units: ExportUnit[], start: number, end: number): string {
  const i = firstEndingAfter(units, start);
  let j = i;
  while (j < units.length && units[j]!.start < end) j++;
  if (j === i) return "";
  return map.slice(units[i]!.start, units[j - 1]!.end);
}

/** One row per coding, in document then position order. */
export function* codingRows(s: ExportSnapshot): Generator<Cell[]> {
  const docs = new Map(s.documents.map((d) => [d.id, d]));
  let mapDoc: string | null = null;
  let map: OffsetMap | null = null;
  for (const c of s.codings) {
    const d = docs.get(c.documentId);
    if (!d) continue;
    if (mapDoc !== d.id) {
      map = new OffsetMap(d.plainText); // codings come sorted by document: one map per document
      mapDoc = d.id;
    }
    const code = s.codeById.get(c.codeId);
    const units = s.sentences.get(d.id) ?? [];
    yield [
      s.project.name,
      d.id,
      d.title,
      ...metadataCells(d),
      c.id,
      code?.shortName ?? "",
      s.codePath(c.codeId),
      code?.labelZh ?? "",
      code?.labelEn ?? "",
      c.coder.name,
      c.start,
      c.end,
      map!.slice(c.start, c.end), // set above for this document
      sentencesOf(map!, units, c.start, c.end),
      c.comment,
    ];
  }
}

export const MATRIX_FIXED_COLUMNS = ["document_id", "document_title", ...METADATA_COLUMNS, "unit_id", "sentence", "paragraph", "start", "end", "text"];

/** Header of the matrix: the fixed columns, then one column per selected code (its short name). */
export function matrixColumns(s: ExportSnapshot): string[] {
  return [...MATRIX_FIXED_COLUMNS, ...s.selectedCodes.map((c) => c.shortName)];
}

/**
 * One row per sentence unit: 1 where a (filtered) coding of the column's code overlaps the
 * sentence, else 0. A column counts codings with exactly that code (no roll-up of children,
 * so sums over columns do not double count).
 */
export function* matrixRows(s: ExportSnapshot): Generator<Cell[]> {
  const column = new Map(s.selectedCodes.map((c, i) => [c.id, i]));
  const byDoc = new Map<string, typeof s.codings>();
  for (const c of s.codings) {
    const list = byDoc.get(c.documentId);
    if (list) list.push(c);
    else byDoc.set(c.documentId, [c]);
  }
  for (const d of s.documents) {
    const units = s.sentences.get(d.id) ?? [];
    if (units.length === 0) continue;
    const map = new OffsetMap(d.plainText);
    const flags = units.map(() => new Uint8Array(s.selectedCodes.length));
    for (const c of byDoc.get(d.id) ?? []) {
      const col = column.get(c.codeId);
      if (col === undefined) continue;
      for (let i = firstEndingAfter(units, c.start); i < units.length && units[i]!.start < c.end; i++) flags[i]![col] = 1;
    }
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!; // i < units.length
      yield [d.id, d.title, ...metadataCells(d), u.id, u.ordinal, u.paragraph, u.start, u.end, map.slice(u.start, u.end), ...flags[i]!];
    }
  }
}

const BOM = "\uFEFF";

/** CSV text chunks: a UTF-8 BOM (so Excel reads Chinese), the header, then one chunk per row. */
export function* csvChunks(header: string[], rows: Iterable<Cell[]>): Generator<string> {
  yield BOM + stringify([header], { record_delimiter: "\r\n" });
  for (const row of rows) yield stringify([row.map((v) => (v === null ? "" : v))], { record_delimiter: "\r\n" });
}
