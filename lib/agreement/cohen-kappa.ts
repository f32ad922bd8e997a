import type { Rating } from "./ratings";

export type CohenKappa = {
  /** κ = (pₒ − pₑ) / (1 − pₑ); null when undefined (no shared units, or pₑ = 1: both coders used one value only). */
  kappa: number | null;
  /** Observed agreement pₒ over the units both coders rated. */
  observed: number | null;
  /** Agreement expected by chance pₑ from each coder's own marginal distribution. */
  expected: number | null;
  /** Units rated by both coders. */
  units: number;
};

/**
 * Cohen's κ for two coders (Cohen 1960). Units where either coder is missing are left out.
 * When both coders gave one and the same value everywhere, pₑ = 1 and κ is undefined: it is
 * reported as null with pₒ = 1, not as a number, so a table does not show a false 0 or NaN.
 */
export function cohenKappa(a: ReadonlyArray<Rating | null>, b: ReadonlyArray<Rating | null>): CohenKappa {
  if (a.length !== b.length) throw new RangeError(`the two coders rate ${a.length} and ${b.length} units`);
  const countsA = new Map<string, number>();
  const countsB = new Map<string, number>();
  let agree = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    n += 1;
    if (String(x) === String(y)) agree += 1;
    countsA.set(String(x), (countsA.get(String(x)) ?? 0) + 1);
    countsB.set(String(y), (countsB.get(String(y)) ?? 0) + 1);
  }
  if (n === 0) return { kappa: null, observed: null, expected: null, units: 0 };
  const observed = agree / n;
  let expected = 0;
  for (const [value, ca] of countsA) expected += (ca / n) * ((countsB.get(value) ?? 0) / n);
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, units: n };
}
