/**
 * Keyness of words between two groups of documents: log-likelihood G² (Dunning 1993, as used by
 * Rayson & Garside 2000) for significance and Log Ratio (Hardie 2014) for effect size, so a
 * researcher sees both "is the difference real" and "how large is it".
 */
export type KeynessInput = {
  /** Occurrences in group A and B. */
  countA: number;
  countB: number;
  /** Tokens in group A and B (after stop words, as counted for the table). */
  totalA: number;
  totalB: number;
};

export type Keyness = {
  /** G² ≥ 0; 3.84 ≈ p < 0.05, 6.63 ≈ p < 0.01, 15.13 ≈ p < 0.0001 (one degree of freedom). */
  logLikelihood: number;
  /** log₂ of the ratio of relative frequencies; +1 = twice as frequent in A. Zero counts are taken as 0.5. */
  logRatio: number;
  /** "A" when relatively more frequent in A, "B" when in B, null when equal. */
  overusedIn: "A" | "B" | null;
};

const term = (observed: number, expected: number) => (observed > 0 && expected > 0 ? observed * Math.log(observed / expected) : 0);

export function keyness({ countA, countB, totalA, totalB }: KeynessInput): Keyness {
  if (totalA <= 0 || totalB <= 0) throw new RangeError("both groups need at least one token");
  const expectedA = (totalA * (countA + countB)) / (totalA + totalB);
  const expectedB = (totalB * (countA + countB)) / (totalA + totalB);
  const logLikelihood = 2 * (term(countA, expectedA) + term(countB, expectedB));
  const relA = (countA === 0 ? 0.5 : countA) / totalA;
  const relB = (countB === 0 ? 0.5 : countB) / totalB;
  const logRatio = Math.log2(relA / relB);
  const diff = countA / totalA - countB / totalB;
  return { logLikelihood, logRatio, overusedIn: diff > 0 ? "A" : diff < 0 ? "B" : null };
}

/**
 * Co-occurrence strength of two codes: the c-coefficient n₁₂ / (n₁ + n₂ − n₁₂) — the share of
 * units carrying either code that carry both (0 = never together, 1 = always together).
 */
export function cCoefficient(both: number, first: number, second: number): number {
  const either = first + second - both;
  return either <= 0 ? 0 : both / either;
}
