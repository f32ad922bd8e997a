import { presentValues, type RatingMatrix } from "./ratings";

export type FleissKappa = {
  /** κ = (P̄ − P̄ₑ) / (1 − P̄ₑ); null when undefined (no complete unit, or every rating the same value). */
  kappa: number | null;
  /** Mean observed agreement P̄. */
  observed: number | null;
  /** Chance agreement P̄ₑ = Σ pⱼ². */
  expected: number | null;
  /** Units with every coder present — Fleiss' κ needs the same number of ratings per unit. */
  units: number;
  /** Units left out because a coder was missing there. */
  unitsWithMissing: number;
  /** Ratings per unit. */
  raters: number;
};

/**
 * Fleiss' κ (Fleiss 1971) for any fixed number of coders per unit. The formula assumes every
 * unit has the same number of ratings, so units where a coder is missing are left out and
 * counted in `unitsWithMissing`; Krippendorff's α is the coefficient that uses them.
 */
export function fleissKappa(matrix: RatingMatrix): FleissKappa {
  const raters = matrix.reduce((max, row) => Math.max(max, row.length), 0);
  const complete = matrix.map(presentValues).filter((values) => values.length === raters);
  const unitsWithMissing = matrix.length - complete.length;
  const empty = { kappa: null, observed: null, expected: null, units: complete.length, unitsWithMissing, raters };
  if (raters < 2 || complete.length === 0) return empty;

  const totals = new Map<string, number>();
  let sumP = 0;
  for (const values of complete) {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    let sq = 0;
    for (const [value, c] of counts) {
      sq += c * c;
      totals.set(value, (totals.get(value) ?? 0) + c);
    }
    sumP += (sq - raters) / (raters * (raters - 1));
  }
  const observed = sumP / complete.length;
  const all = complete.length * raters;
  let expected = 0;
  for (const c of totals.values()) expected += (c / all) ** 2;
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { ...empty, kappa, observed, expected };
}
