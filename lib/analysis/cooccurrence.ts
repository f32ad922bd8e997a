/**
 * Co-occurrence of codes, in two modes. `unit`: n12 is the number of sentence units carrying
 * both codes, n1 and n2 the units carrying each. `overlap`: n12 is the number of pairs of
 * codings (one of each code, same document) whose spans share a character, n1 and n2 the
 * codings of each. The c-coefficient is n12 / (n1 + n2 − n12); in overlap mode one long
 * coding overlapping several short ones makes several pairs and can push it above 1 (what
 * ATLAS.ti calls quotation bias), flagged as `pairsExceedCodings`.
 */
import { queryCodeTotals, queryCooccurrencePairs } from "../db/analysis";
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
  const [rows, totals] = await Promise.all([
    queryCooccurrencePairs(db, scope.sql, input.mode),
    queryCodeTotals(db, scope.sql, input.mode),
  ]);
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
