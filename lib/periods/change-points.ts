/**
 * Change points in a region's yearly code profile: the years where the mix of codes shifts.
 * Exact optimal partitioning (Jackson et al. 2005; PELT's objective without its pruning, which a
 * series of a few dozen years does not need) on the multivariate series of code shares, with a Gaussian mean-change cost:
 *   cost(segment) = Σₜ wₜ · Σₖ (xₜₖ − μₖ)² / σₖ²
 * where μ is the segment's weighted mean, wₜ each year's weight (its share of the text, so a
 * thin year counts less) and σₖ the noise of dimension k, estimated from first differences.
 * The partition minimises Σ cost + penalty · (number of changes), subject to a minimum segment
 * length. The default penalty is BIC-like: (K + 1) · ln T for K codes and T years.
 */
export type ChangePointInput = {
  /** One row per period (year), one column per code: shares or rates. */
  series: ReadonlyArray<ReadonlyArray<number>>;
  /** Labels of the rows (years), same length as series. */
  labels: ReadonlyArray<number>;
  /** Weight per row (e.g. characters that year); equal weights when absent. */
  weights?: ReadonlyArray<number>;
  /** Penalty per change; default (K + 1) · ln T. Larger → fewer changes. */
  penalty?: number;
  /** Minimum rows in a segment; default 2. */
  minSegment?: number;
  /** Floor of the noise estimate per dimension, so a noise-free series does not divide by zero. */
  minNoise?: number;
};

export type ChangePoint = {
  /** Row index where the new segment starts. */
  index: number;
  /** Label of that row (the first year of the new stage). */
  label: number;
  /** Weighted means of the segments before and after. */
  before: number[];
  after: number[];
  /** Dimensions ordered by how far they moved (|after − before|), largest first. */
  moved: { dimension: number; delta: number }[];
  /** How much the change lowers the cost, net of the penalty (larger = clearer). */
  gain: number;
};

export type ChangePointResult = { penalty: number; minSegment: number; noise: number[]; changes: ChangePoint[] };

export function defaultPenalty(dimensions: number, length: number): number {
  return (dimensions + 1) * Math.log(Math.max(length, 2));
}

/** Robust noise per dimension: MAD of first differences / √2, scaled to a standard deviation. */
export function estimateNoise(series: ReadonlyArray<ReadonlyArray<number>>, minNoise: number): number[] {
  const k = series[0]?.length ?? 0;
  return Array.from({ length: k }, (_, d) => {
    const diffs: number[] = [];
    for (let t = 1; t < series.length; t++) diffs.push(((series[t] as number[])[d] ?? 0) - ((series[t - 1] as number[])[d] ?? 0));
    if (diffs.length === 0) return minNoise;
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const m = s.length >> 1;
      return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
    };
    const center = median(diffs);
    const mad = median(diffs.map((x) => Math.abs(x - center)));
    return Math.max(minNoise, (1.4826 * mad) / Math.SQRT2);
  });
}

export function findChangePoints(input: ChangePointInput): ChangePointResult {
  const { series, labels } = input;
  const n = series.length;
  const k = series[0]?.length ?? 0;
  if (labels.length !== n) throw new RangeError(`${labels.length} labels for ${n} rows`);
  if (series.some((row) => row.length !== k)) throw new RangeError("every row needs one value per code");
  const minSegment = Math.max(1, Math.floor(input.minSegment ?? 2));
  const penalty = input.penalty ?? defaultPenalty(k, n);
  if (!(penalty >= 0)) throw new RangeError("the penalty must be a number ≥ 0");
  const noise = estimateNoise(series, input.minNoise ?? 0.01);
  const meanWeight = input.weights && n > 0 ? input.weights.reduce((s, w) => s + w, 0) / n : 1;
  const w = Array.from({ length: n }, (_, t) => (input.weights ? (input.weights[t] ?? 0) / (meanWeight || 1) : 1));

  // Prefix sums of w, w·x and w·x² per dimension (on the noise-scaled values) make any
  // segment's cost O(K).
  const W = [0];
  const S: number[][] = [new Array<number>(k).fill(0)];
  const Q: number[][] = [new Array<number>(k).fill(0)];
  for (let t = 0; t < n; t++) {
    const row = series[t] as number[];
    const wt = w[t] as number;
    W.push((W[t] as number) + wt);
    S.push(row.map((x, d) => (S[t] as number[])[d]! + (wt * x) / (noise[d] as number)));
    Q.push(row.map((x, d) => (Q[t] as number[])[d]! + wt * (x / (noise[d] as number)) ** 2));
  }
  const cost = (a: number, b: number): number => {
    // rows a..b-1
    const wsum = (W[b] as number) - (W[a] as number);
    if (wsum <= 0) return 0;
    let c = 0;
    for (let d = 0; d < k; d++) {
      const s = (S[b] as number[])[d]! - (S[a] as number[])[d]!;
      const q = (Q[b] as number[])[d]! - (Q[a] as number[])[d]!;
      c += q - (s * s) / wsum;
    }
    return c;
  };

  // F[t]: best penalised cost of rows 0..t-1; last[t]: start of the final segment.
  const F = new Array<number>(n + 1).fill(Infinity);
  const last = new Array<number>(n + 1).fill(0);
  F[0] = -penalty;
  for (let t = minSegment; t <= n; t++) {
    for (let s = 0; s <= t - minSegment; s++) {
      if (!Number.isFinite(F[s] as number)) continue;
      const v = (F[s] as number) + cost(s, t) + penalty;
      if (v < (F[t] as number)) {
        F[t] = v;
        last[t] = s;
      }
    }
  }
  if (!Number.isFinite(F[n] as number)) return { penalty, minSegment, noise, changes: [] };

  const starts: number[] = [];
  for (let t = n; t > 0; t = last[t] as number) starts.unshift(last[t] as number);
  const bounds = [...starts, n];
  const mean = (a: number, b: number) =>
    Array.from({ length: k }, (_, d) => {
      let ws = 0;
      let xs = 0;
      for (let t = a; t < b; t++) {
        ws += w[t] as number;
        xs += (w[t] as number) * ((series[t] as number[])[d] ?? 0);
      }
      return ws > 0 ? xs / ws : 0;
    });
  const changes: ChangePoint[] = [];
  for (let i = 1; i < bounds.length - 1; i++) {
    const a = bounds[i - 1] as number;
    const s = bounds[i] as number;
    const b = bounds[i + 1] as number;
    const before = mean(a, s);
    const after = mean(s, b);
    const moved = before
      .map((x, d) => ({ dimension: d, delta: (after[d] as number) - x }))
      .sort((p, q) => Math.abs(q.delta) - Math.abs(p.delta));
    changes.push({ index: s, label: labels[s] as number, before, after, moved, gain: cost(a, b) - cost(a, s) - cost(s, b) - penalty });
  }
  return { penalty, minSegment, noise, changes };
}
