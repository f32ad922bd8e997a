/**
 * The key that ties a matrix-cell memo (a finding) to a cell of a mismatch matrix: the row
 * code, the column code and the optional "within" code, by id — ids survive renaming a code,
 * and the same cell of the same matrix finds its finding whatever filters are applied.
 */
import { AppError } from "../../errors";

export type CellRef = { row: string; col: string; within: string | null };

export function cellKeyOf(ref: CellRef): string {
  return `row=${ref.row};col=${ref.col};within=${ref.within ?? ""}`;
}

const CELL_KEY = /^row=([^;=]+);col=([^;=]+);within=([^;=]*)$/;

export function parseCellKey(key: string): CellRef {
  const m = CELL_KEY.exec(key);
  if (!m) {
    throw new AppError("invalid_input", {
      en: `cell key "${key}" must read row=<code id>;col=<code id>;within=<code id or nothing>`,
      zh: `单元格键"${key}"须写作 row=<代码id>;col=<代码id>;within=<代码id或留空>`,
    });
  }
  return { row: m[1]!, col: m[2]!, within: m[3] === "" ? null : m[3]! };
}
