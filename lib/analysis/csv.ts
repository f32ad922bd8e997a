/**
 * CSV downloads of the analysis views: UTF-8 with a byte-order mark, so that Excel opens
 * Chinese text correctly. Tidy (long) layout — one row per code and group — with the same
 * numbers as the JSON; shares and rates unrounded.
 */
import { stringify } from "csv-stringify/sync";
import type { CooccurrenceTable } from "./cooccurrence";
import type { FrequencyTable } from "./frequencies";
import type { MismatchMatrix } from "./matrix";
import type { PassageList } from "./passages";

const BOM = "\uFEFF";
const n = (v: number | null) => (v === null ? "" : v);

export function frequencyCsv(table: FrequencyTable): string {
  const header = ["group_by", "group", "group_label", "code", "label_zh", "label_en", "depth", "codings", "units", "own_codings", "own_units", "share_of_parent", "share_of_all", "per_10k_chars", "group_chars", "group_coded_units"];
  const rows: (string | number)[][] = [];
  for (const c of table.codes) {
    const base = [c.shortName, c.labelZh, c.labelEn, c.depth];
    const cellRow = (cell: FrequencyTable["codes"][number]["total"]) => [cell.codings, cell.units, cell.ownCodings, cell.ownUnits, n(cell.shareOfParent), n(cell.shareOfAll), n(cell.per10k)];
    if (table.by !== "code") {
      for (const g of table.groups) rows.push([table.by, g.key, g.label, ...base, ...cellRow(c.cells[g.key]!), g.chars, g.codedUnits]);
    }
    rows.push([table.by, "", "total", ...base, ...cellRow(c.total), table.total.chars, table.total.codedUnits]);
  }
  return BOM + stringify([header, ...rows]);
}

export function cooccurrenceCsv(table: CooccurrenceTable): string {
  const header = ["mode", "code_a", "code_b", "n12", "n1", "n2", "c"];
  return BOM + stringify([header, ...table.pairs.map((p) => [table.mode, p.aShortName, p.bShortName, p.n12, p.n1, p.n2, p.c])]);
}

export function passagesCsv(list: PassageList): string {
  const header = ["coding_id", "code", "document_id", "title", "year", "region", "coder", "start", "end", "before", "quote", "after"];
  return (
    BOM +
    stringify([
      header,
      ...list.passages.map((p) => [p.codingId, p.shortName, p.documentId, p.title, p.year ?? "", p.region, p.coder, p.start, p.end, p.before, p.quote, p.after]),
    ])
  );
}

/**
 * A mismatch matrix with its findings, one row per cell (row by row, columns in order): the
 * cell's units and codings and the finding's text — Tables 6.1 and 6.2 in long form.
 */
export function matrixCsv(m: MismatchMatrix): string {
  const header = ["within", "row", "column", "label_zh", "label_en", "units", "codings", "finding"];
  const rows = m.cells.flatMap((cells, i) =>
    cells.map((c, j) => {
      const r = m.rows[i]!;
      const k = m.cols[j]!;
      return [m.within?.shortName ?? "", r.shortName, k.shortName, `${r.labelZh} × ${k.labelZh}`, `${r.labelEn} × ${k.labelEn}`, c.units, c.codings, c.finding?.body ?? ""];
    }),
  );
  return BOM + stringify([header, ...rows]);
}

export function wordCsv(table: import("./words").WordTable): string {
  const header = ["word", "count", "per_10k_tokens", "documents", "tokens", "min_length"];
  return BOM + stringify([header, ...table.words.map((w) => [w.word, w.count, w.per10k, w.documents, table.tokens, table.minLength])]);
}

export function keynessCsv(table: import("./words").KeynessTable): string {
  const header = ["word", "count_a", "count_b", "per_10k_a", "per_10k_b", "log_likelihood", "log_ratio", "overused_in", "significant_p05", "group_a", "group_b", "tokens_a", "tokens_b"];
  return (
    BOM +
    stringify([
      header,
      ...table.words.map((w) => [w.word, w.countA, w.countB, w.per10kA, w.per10kB, w.logLikelihood, w.logRatio, w.overusedIn ?? "", w.significant ? 1 : 0, table.a.label, table.b.label, table.a.tokens, table.b.tokens]),
    ])
  );
}

export function wordPassagesCsv(list: import("./words").WordPassageList): string {
  const header = ["document_id", "title", "year", "region", "unit_id", "start", "end", "left", "match", "right"];
  return BOM + stringify([header, ...list.passages.map((p) => [p.documentId, p.title, p.year ?? "", p.region, p.unitId, p.start, p.end, p.left, p.match, p.right])]);
}
