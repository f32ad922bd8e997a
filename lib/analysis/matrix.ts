/**
 * Mismatch matrices (the study's Tables 6.1 and 6.2): rows PLACE / PRIORITY / ACTOR, columns
 * the 3-CO themes, one matrix per trajectory (within VERTICAL or HORIZONTAL) — or any codes.
 *
 * The rule. Every code counts with its descendants (as frequencies roll up). A sentence unit
 * is in cell (r, c) when a coding of r touches it and a coding of c touches it; "within W"
 * adds: and a coding of W touches it. Codings are those in scope (document filters, coders).
 * A cell's `units` is the number of such units; its `codings` the number of distinct codings
 * of r or c that touch one of those units (W's codings select units, they are not counted).
 * A coding that spans two sentences touches both, so both can be in the cell; a unit coded
 * twice with r is one unit and two codings; a unit with two sub-themes of c is one unit.
 * Row and column totals are the units (and codings) of the union of their cells, so they are
 * not sums. Each cell's finding is a memo of kind "matrix-cell" (lib/coding/memos/cell-key.ts).
 */
import { cellKeyOf } from "../coding/memos/cell-key";
import { listMemos } from "../coding/memos/list-memos";
import { listGroupMembers, queryMatrixCounts } from "../db/analysis";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { findCode, resolveScope, withDescendants, type AnalysisCode, type AnalysisScopeInput, type ResolvedScope } from "./scope";

export type MatrixInput = Omit<AnalysisScopeInput, "codes"> & {
  /** Codes (short names or ids), or one code group's name (its top-level members). */
  rows: string[];
  cols: string[];
  /** Only units that also carry this code (with its descendants). */
  within?: string;
};

export type MatrixCount = { units: number; codings: number };

export type MatrixFinding = {
  memoId: string;
  cellKey: string;
  title: string;
  body: string;
  author: string;
  version: number;
  updatedAt: string;
};

export type MatrixCell = MatrixCount & { row: string; col: string; cellKey: string; finding: MatrixFinding | null };

type MatrixCode = Pick<AnalysisCode, "id" | "shortName" | "labelZh" | "labelEn" | "color">;

export type MismatchMatrix = {
  rows: (MatrixCode & { total: MatrixCount })[];
  cols: (MatrixCode & { total: MatrixCount })[];
  within: MatrixCode | null;
  /** cells[i][j]: row i × column j. */
  cells: MatrixCell[][];
  total: MatrixCount;
  /** The largest cell's units (for heat colouring). */
  maxUnits: number;
};

const brief = (c: AnalysisCode): MatrixCode => ({ id: c.id, shortName: c.shortName, labelZh: c.labelZh, labelEn: c.labelEn, color: c.color });

/** A list of refs: codes, or a single code group's top-level members (a member whose parent is not in the group). */
async function resolveAxis(db: Db, scope: ResolvedScope, projectId: string, refs: string[], axis: "rows" | "cols"): Promise<AnalysisCode[]> {
  const clean = refs.map((r) => r.trim()).filter((r) => r !== "");
  if (clean.length === 0) {
    throw new AppError("invalid_input", {
      en: `give the matrix's ${axis === "rows" ? "rows" : "columns"}: codes such as PLACE,PRIORITY,ACTOR or a code group`,
      zh: `请给出矩阵的${axis === "rows" ? "行" : "列"}：如 PLACE,PRIORITY,ACTOR 等代码或一个代码组`,
    });
  }
  if (clean.length === 1) {
    const members = await listGroupMembers(db, projectId, clean[0]!);
    if (members) {
      const ids = new Set(members.map((m) => m.codeId));
      return [...scope.allCodes.values()].filter((c) => ids.has(c.id) && (c.parentId === null || !ids.has(c.parentId)));
    }
  }
  const out = clean.map((r) => findCode(scope.allCodes, r));
  const dup = out.find((c, i) => out.findIndex((x) => x.id === c.id) !== i);
  if (dup) {
    throw new AppError("invalid_input", { en: `code ${dup.shortName} is given twice`, zh: `代码 ${dup.shortName} 重复出现` });
  }
  return out;
}

export async function mismatchMatrix(db: Db, input: MatrixInput): Promise<MismatchMatrix> {
  const scope = await resolveScope(db, { ...input, codes: undefined });
  const all = [...scope.allCodes.values()];
  const rows = await resolveAxis(db, scope, input.projectId, input.rows, "rows");
  const cols = await resolveAxis(db, scope, input.projectId, input.cols, "cols");
  const within = input.within !== undefined && input.within.trim() !== "" ? findCode(scope.allCodes, input.within.trim()) : null;

  const counts = await queryMatrixCounts(db, scope.sql, {
    rows: rows.map((r) => [...withDescendants([r.id], all)]),
    cols: cols.map((c) => [...withDescendants([c.id], all)]),
    within: within ? [...withDescendants([within.id], all)] : null,
  });

  const findings = await cellFindings(db, input.projectId);
  const cells = rows.map((r, i) =>
    cols.map((c, j) => {
      const cellKey = cellKeyOf({ row: r.id, col: c.id, within: within?.id ?? null });
      return { row: r.id, col: c.id, cellKey, ...counts.cells[i]![j]!, finding: findings.get(cellKey) ?? null };
    }),
  );
  return {
    rows: rows.map((r, i) => ({ ...brief(r), total: counts.rows[i]! })),
    cols: cols.map((c, j) => ({ ...brief(c), total: counts.cols[j]! })),
    within: within ? brief(within) : null,
    cells,
    total: counts.total,
    maxUnits: Math.max(0, ...cells.flat().map((c) => c.units)),
  };
}

/** The project's cell findings by cell key. */
export async function cellFindings(db: Db, projectId: string): Promise<Map<string, MatrixFinding>> {
  const memos = await listMemos(db, projectId, { kind: "matrix-cell" });
  const out = new Map<string, MatrixFinding>();
  for (const m of memos) {
    if (!m.cellKey || out.has(m.cellKey)) continue;
    out.set(m.cellKey, {
      memoId: m.id,
      cellKey: m.cellKey,
      title: m.title,
      body: m.body,
      author: m.author,
      version: m.version,
      updatedAt: new Date(m.updatedAt).toISOString(),
    });
  }
  return out;
}
