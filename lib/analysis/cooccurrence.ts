/**
 * Co-occurrence of codes, in two modes. `unit`: n12 is the number of sentence units carrying
 * both codes, n1 and n2 the units carrying each. `overlap`: n12 is the number of pairs of
 * codings (one of each code, same document) whose spans share a character, n1 and n2 the
 * codings of each. The c-coefficient is n12 / (n1 + n2 − n12); in overlap mode one long
 * coding overlapping several short ones makes several pairs and can push it above 1 (what
 * ATLAS.ti calls quotation bias), flagged as `pairsExceedCodings`.
 */
import { queryCodingCounts, queryOverlapPairs, queryUnitCodes, type PairRow } from "../db/analysis";
import type { Db } from "../db/client";
import { cCoefficient } from "./keyness";
import { resolveScope, type AnalysisScopeInput } from "./scope";

export type CooccurrenceMode = "unit" | "overlap";

export type CooccurrencePair = {
  a: string;
  b: string;
  aShortName: string;
  bShortName: string;
  n12: number;
  n1: number;
  n2: number;
  c: number;
  pairsExceedCodings: boolean;
};

export type CooccurrenceTable = {
  mode: CooccurrenceMode;
  codes: { id: string; shortName: string; labelZh: string; labelEn: string; color: string; depth: number; n: number }[];
  /** Pairs that co-occur at least once, a before b in tree order; strongest c first. */
  pairs: CooccurrencePair[];
};

export async function cooccurrence(db: Db, input: AnalysisScopeInput & { mode: CooccurrenceMode }): Promise<CooccurrenceTable> {
  const scope = await resolveScope(db, input);
  const { rows, totals } =
    input.mode === "unit"
      ? unitPairs(await queryUnitCodes(db, scope.sql))
      : { rows: await queryOverlapPairs(db, scope.sql), totals: await queryCodingCounts(db, scope.sql) };
  const order = new Map(scope.codes.map((c, i) => [c.id, i]));
  const pairs = rows
    .filter((r) => order.has(r.a) && order.has(r.b))
    .map((r) => {
      const [a, b] = order.get(r.a)! <= order.get(r.b)! ? [r.a, r.b] : [r.b, r.a];
      const n1 = totals.get(a) ?? 0;
      const n2 = totals.get(b) ?? 0;
      return {
        a,
        b,
        aShortName: scope.allCodes.get(a)?.shortName ?? "",
        bShortName: scope.allCodes.get(b)?.shortName ?? "",
        n12: r.n12,
        n1,
        n2,
        c: cCoefficient(r.n12, n1, n2),
        pairsExceedCodings: r.n12 > Math.min(n1, n2),
      };
    })
    .sort((x, y) => y.c - x.c || y.n12 - x.n12 || order.get(x.a)! - order.get(y.a)! || order.get(x.b)! - order.get(y.b)!);
  return {
    mode: input.mode,
    codes: scope.codes.map((c) => ({
      id: c.id,
      shortName: c.shortName,
      labelZh: c.labelZh,
      labelEn: c.labelEn,
      color: c.color,
      depth: c.depth,
      n: totals.get(c.id) ?? 0,
    })),
    pairs,
  };
}

/** Pairs of codes per sentence unit and units per code, from distinct (unit, code) rows. */
export function unitPairs(rows: readonly { unitId: string; codeId: string }[]): { rows: PairRow[]; totals: Map<string, number> } {
  const byUnit = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = byUnit.get(r.unitId);
    if (!set) byUnit.set(r.unitId, (set = new Set()));
    set.add(r.codeId);
  }
  const totals = new Map<string, number>();
  const pairs = new Map<string, PairRow>();
  for (const set of byUnit.values()) {
    const codes = [...set].sort();
    for (const c of codes) totals.set(c, (totals.get(c) ?? 0) + 1);
    for (let x = 0; x < codes.length; x++) {
      for (let y = x + 1; y < codes.length; y++) {
        const k = `${codes[x]}\u0000${codes[y]}`;
        const p = pairs.get(k);
        if (p) p.n12++;
        else pairs.set(k, { a: codes[x]!, b: codes[y]!, n12: 1 });
      }
    }
  }
  return { rows: [...pairs.values()], totals };
}
