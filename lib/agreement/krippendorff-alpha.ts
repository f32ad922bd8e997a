import { presentValues, type Rating, type RatingMatrix } from "./ratings";

/** Metric of the values: nominal for codes; the others for ranked or numeric ratings. */
export type AlphaLevel = "nominal" | "ordinal" | "interval" | "ratio";

export type KrippendorffAlpha = {
  /** α = 1 − Dₒ / Dₑ; null when undefined (fewer than two pairable values, or no variation at all). */
  alpha: number | null;
  /** Units with two or more values (pairable); units with one value carry no information on agreement. */
  units: number;
  /** Pairable values n.. — the sum of the coincidence matrix. */
  pairableValues: number;
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
};

/**
 * Krippendorff's α (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011) for any
 * number of coders with missing values, through the coincidence matrix: each unit with mᵤ ≥ 2
 * values adds 1 / (mᵤ − 1) for every ordered pair of its values.
 *   α = 1 − (n.. − 1) · Σ oₖₗ δ²ₖₗ / Σ nₖ nₗ δ²ₖₗ
 * Ordinal, interval and ratio levels need numeric values.
 */
export function krippendorffAlpha(matrix: RatingMatrix, level: AlphaLevel = "nominal"): KrippendorffAlpha {
  const index = new Map<string, number>();
  const values: Rating[] = [];
  const key = (v: Rating) => (typeof v === "number" ? `n:${v}` : `s:${v}`);
  const pairable = matrix.map(presentValues).filter((vs) => vs.length >= 2);
  for (const vs of pairable) {
    for (const v of vs) {
      if (!index.has(key(v))) {
        index.set(key(v), values.length);
        values.push(v);
      }
    }
  }
  const k = values.length;
  const coincidences: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const vs of pairable) {
    const weight = 1 / (vs.length - 1);
    for (let i = 0; i < vs.length; i++) {
      for (let j = 0; j < vs.length; j++) {
        if (i === j) continue;
        const a = index.get(key(vs[i] as Rating)) as number;
        const b = index.get(key(vs[j] as Rating)) as number;
        (coincidences[a] as number[])[b] = ((coincidences[a] as number[])[b] ?? 0) + weight;
      }
    }
  }
  const marginals = coincidences.map((row) => row.reduce((s, x) => s + x, 0));
  const n = marginals.reduce((s, x) => s + x, 0);
  const result = { units: pairable.length, pairableValues: n };
  if (n < 2) return { ...result, alpha: null, observedDisagreement: null, expectedDisagreement: null };

  const delta = differenceFunction(level, values, marginals);
  let observedSum = 0;
  let expectedSum = 0;
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const d = delta(a, b);
      if (d === 0) continue;
      observedSum += (coincidences[a]?.[b] ?? 0) * d;
      expectedSum += (marginals[a] ?? 0) * (marginals[b] ?? 0) * d;
    }
  }
  const observedDisagreement = observedSum / n;
  const expectedDisagreement = expectedSum / (n * (n - 1));
  const alpha = expectedSum === 0 ? null : 1 - ((n - 1) * observedSum) / expectedSum;
  return { ...result, alpha, observedDisagreement, expectedDisagreement };
}

/** δ²(a, b) between the values at indexes a and b, for the chosen level of measurement. */
function differenceFunction(level: AlphaLevel, values: Rating[], marginals: number[]): (a: number, b: number) => number {
  if (level === "nominal") return (a, b) => (a === b ? 0 : 1);
  const numeric = values.map((v) => {
    if (typeof v !== "number") throw new TypeError(`${level} α needs numeric values; got “${v}”`);
    return v;
  });
  if (level === "interval") return (a, b) => ((numeric[a] as number) - (numeric[b] as number)) ** 2;
  if (level === "ratio") {
    return (a, b) => {
      const x = numeric[a] as number;
      const y = numeric[b] as number;
      return x + y === 0 ? 0 : ((x - y) / (x + y)) ** 2;
    };
  }
  // Ordinal: the distance between two ranks is the number of pairable values between them,
  // counting each end by half (Krippendorff 2011, eq. for ordinal δ²).
  const order = numeric.map((v, i) => ({ v, i })).sort((x, y) => x.v - y.v);
  const rank = new Array<number>(numeric.length);
  order.forEach(({ i }, r) => {
    rank[i] = r;
  });
  const sortedMarginals = order.map(({ i }) => marginals[i] ?? 0);
  const prefix = [0];
  for (const m of sortedMarginals) prefix.push((prefix[prefix.length - 1] ?? 0) + m);
  return (a, b) => {
    const ra = rank[a] as number;
    const rb = rank[b] as number;
    if (ra === rb) return 0;
    const lo = Math.min(ra, rb);
    const hi = Math.max(ra, rb);
    const between = (prefix[hi + 1] ?? 0) - (prefix[lo] ?? 0);
    return (between - ((sortedMarginals[lo] ?? 0) + (sortedMarginals[hi] ?? 0)) / 2) ** 2;
  };
}
