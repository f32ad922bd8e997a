import { describe, expect, it } from "vitest";
import { defaultPenalty, findChangePoints } from "../../lib/periods/change-points";

const YEARS = Array.from({ length: 15 }, (_, i) => 2006 + i);
// Deterministic small wobble (±1.5 percentage points), so the test does not depend on a random seed.
const wobble = (t: number, d: number) => 0.015 * Math.sin(1.7 * t + 2.3 * d);

/** Shares of three themes; from `shiftYear` on the mix moves from COE-heavy to COO-heavy. */
function plantedSeries(shiftYear: number | null): number[][] {
  return YEARS.map((year, t) => {
    const base = shiftYear !== null && year >= shiftYear ? [0.2, 0.3, 0.5] : [0.5, 0.3, 0.2];
    return base.map((x, d) => x + wobble(t, d));
  });
}

describe("juncture suggestions by change-point detection", () => {
  it("finds the planted year and names the codes that moved most", () => {
    const result = findChangePoints({ series: plantedSeries(2014), labels: YEARS });
    expect(result.changes.map((c) => c.label)).toEqual([2014]);
    const [change] = result.changes;
    expect(change?.moved.map((m) => m.dimension).slice(0, 2).sort()).toEqual([0, 2]);
    expect(change?.moved.at(-1)?.dimension).toBe(1);
    expect(change?.before[0]).toBeCloseTo(0.5, 1);
    expect(change?.after[2]).toBeCloseTo(0.5, 1);
  });

  it("finds nothing on a flat series", () => {
    expect(findChangePoints({ series: plantedSeries(null), labels: YEARS }).changes).toEqual([]);
  });

  it("respects the penalty: a penalty above the change's gain suppresses it", () => {
    const series = plantedSeries(2014);
    const found = findChangePoints({ series, labels: YEARS });
    const gain = found.changes[0]?.gain ?? 0;
    expect(gain).toBeGreaterThan(0);
    const penalty = found.penalty + gain + 1;
    expect(findChangePoints({ series, labels: YEARS, penalty }).changes).toEqual([]);
    expect(found.penalty).toBeCloseTo(defaultPenalty(3, 15), 12);
  });

  it("respects the minimum segment length", () => {
    // A one-year blip in 2013: isolated as its own stage when one year may be a stage,
    // never cut shorter than three years when stages must last three.
    const series = plantedSeries(null);
    series[7] = [0.1, 0.1, 0.8];
    expect(findChangePoints({ series, labels: YEARS, minSegment: 1 }).changes.map((c) => c.label)).toEqual([2013, 2014]);
    const bounded = findChangePoints({ series, labels: YEARS, minSegment: 3 }).changes.map((c) => c.index);
    expect(bounded.length).toBeGreaterThan(0);
    const bounds = [0, ...bounded, YEARS.length];
    for (let i = 1; i < bounds.length; i++) expect((bounds[i] as number) - (bounds[i - 1] as number)).toBeGreaterThanOrEqual(3);
  });

  it("lets thin years weigh less than full ones", () => {
    // 2012 looks like the later mix but rests on almost no text; with weights it does not start a stage.
    const series = plantedSeries(2014);
    series[6] = [0.2, 0.3, 0.5];
    const weights = YEARS.map((y) => (y === 2012 ? 0.01 : 1));
    expect(findChangePoints({ series, labels: YEARS, weights }).changes.map((c) => c.label)).toEqual([2014]);
  });

  it("refuses rows of different widths and a negative penalty", () => {
    expect(() => findChangePoints({ series: [[1, 2], [1]], labels: [1, 2] })).toThrow("every row needs one value per code");
    expect(() => findChangePoints({ series: [[1]], labels: [1], penalty: -1 })).toThrow("the penalty must be a number ≥ 0");
  });
});
