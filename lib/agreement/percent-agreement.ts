import { presentValues, type RatingMatrix } from "./ratings";

export type PercentAgreement = {
  /** Mean over units of the share of agreeing coder pairs; null when no unit has two values. */
  value: number | null;
  /** Units with at least two values (the ones that count). */
  units: number;
};

/**
 * Pairwise percent agreement: for each unit rated by two or more coders, the share of coder
 * pairs that gave the same value, averaged over those units. With two coders this is the
 * familiar "share of units on which both agree". Missing values are left out, not counted
 * as disagreement.
 */
export function percentAgreement(matrix: RatingMatrix): PercentAgreement {
  let sum = 0;
  let units = 0;
  for (const row of matrix) {
    const values = presentValues(row);
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    let agreeingPairs = 0;
    for (const c of counts.values()) agreeingPairs += (c * (c - 1)) / 2;
    sum += agreeingPairs / ((m * (m - 1)) / 2);
    units += 1;
  }
  return { value: units === 0 ? null : sum / units, units };
}
