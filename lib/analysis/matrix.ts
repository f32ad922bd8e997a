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
import { listGroupMembers, queryUnitCodings } from "../db/analysis";
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

  // Which row / column / within code each code counts for (a code may count for several).
  const rowsOf = new Map<string, number[]>();
  const colsOf = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, ids: Set<string>, i: number) => {
    for (const id of ids) m.set(id, [...(m.get(id) ?? []), i]);
  };
  rows.forEach((r, i) => add(rowsOf, withDescendants([r.id], all), i));
  cols.forEach((c, j) => add(colsOf, withDescendants([c.id], all), j));
  const withinIds = within ? withDescendants([within.id], all) : null;
  const relevant = new Set([...rowsOf.keys(), ...colsOf.keys(), ...(withinIds ?? [])]);

  const triples = await queryUnitCodings(db, { ...scope.sql, codeIds: [...relevant] });
  type UnitHits = { rows: Map<number, Set<string>>; cols: Map<number, Set<string>>; within: boolean };
  const byUnit = new Map<string, UnitHits>();
  for (const t of triples) {
    let u = byUnit.get(t.unitId);
    if (!u) byUnit.set(t.unitId, (u = { rows: new Map(), cols: new Map(), within: false }));
    if (withinIds?.has(t.codeId)) u.within = true;
    for (const i of rowsOf.get(t.codeId) ?? []) {
      let s = u.rows.get(i);
      if (!s) u.rows.set(i, (s = new Set()));
      s.add(t.codingId);
    }
    for (const j of colsOf.get(t.codeId) ?? []) {
      let s = u.cols.get(j);
      if (!s) u.cols.set(j, (s = new Set()));
      s.add(t.codingId);
    }
  }

  type Acc = { units: number; codings: Set<string> };
  const acc = (): Acc => ({ units: 0, codings: new Set() });
  const cellAcc = rows.map(() => cols.map(acc));
  const rowAcc = rows.map(acc);
  const colAcc = cols.map(acc);
  const totalAcc = acc();
  for (const u of byUnit.values()) {
    if ((withinIds && !u.within) || u.rows.size === 0 || u.cols.size === 0) continue;
    // The codings of the unit's row codes and of its column codes: a total counts both sides, like its cells.
    const rowCodings = [...u.rows.values()].flatMap((s) => [...s]);
    const colCodings = [...u.cols.values()].flatMap((s) => [...s]);
    const addAll = (a: Acc, ids: string[]) => {
      for (const id of ids) a.codings.add(id);
    };
    totalAcc.units++;
    addAll(totalAcc, rowCodings);
    addAll(totalAcc, colCodings);
    for (const [i, rc] of u.rows) {
      rowAcc[i]!.units++;
      addAll(rowAcc[i]!, [...rc]);
      addAll(rowAcc[i]!, colCodings);
      for (const [j, cc] of u.cols) {
        const cell = cellAcc[i]![j]!;
        cell.units++;
        addAll(cell, [...rc]);
        addAll(cell, [...cc]);
      }
    }
    for (const [j, cc] of u.cols) {
      colAcc[j]!.units++;
      addAll(colAcc[j]!, [...cc]);
      addAll(colAcc[j]!, rowCodings);
    }
  }

  const findings = await cellFindings(db, input.projectId);
  const count = (a: Acc): MatrixCount => ({ units: a.units, codings: a.codings.size });
  const cells = rows.map((r, i) =>
    cols.map((c, j) => {
      const cellKey = cellKeyOf({ row: r.id, col: c.id, within: within?.id ?? null });
      return { row: r.id, col: c.id, cellKey, ...count(cellAcc[i]![j]!), finding: findings.get(cellKey) ?? null };
    }),
  );
  return {
    rows: rows.map((r, i) => ({ ...brief(r), total: count(rowAcc[i]!) })),
    cols: cols.map((c, j) => ({ ...brief(c), total: count(colAcc[j]!) })),
    within: within ? brief(within) : null,
    cells,
    total: count(totalAcc),
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
