import { describe, expect, it } from "vitest";
import { cCoefficient, keyness } from "../../lib/analysis/keyness";
import { rollUpCounts } from "../../lib/analysis/roll-up";

describe("keyness", () => {
  it("computes G² and Log Ratio for a word twice as frequent in group A", () => {
    // E = 75 in each group of 10,000 tokens: G² = 2 (100 ln(100/75) + 50 ln(50/75)) = 16.9899…
    const k = keyness({ countA: 100, countB: 50, totalA: 10_000, totalB: 10_000 });
    expect(k.logLikelihood).toBeCloseTo(16.9899, 4);
    expect(k.logRatio).toBeCloseTo(1, 12);
    expect(k.overusedIn).toBe("A");
  });

  it("handles a word absent from one group (zero count) without infinities", () => {
    const k = keyness({ countA: 0, countB: 8, totalA: 1_000, totalB: 2_000 });
    // E_A = 1000·8/3000, E_B = 2000·8/3000: G² = 2 · 8 ln(8 / 5.333…) = 6.4874…
    expect(k.logLikelihood).toBeCloseTo(6.4874, 4);
    expect(k.logRatio).toBeCloseTo(Math.log2(0.5 / 1000 / (8 / 2000)), 12);
    expect(k.overusedIn).toBe("B");
  });

  it("is zero for equal relative frequencies", () => {
    expect(keyness({ countA: 5, countB: 10, totalA: 100, totalB: 200 })).toEqual({ logLikelihood: 0, logRatio: 0, overusedIn: null });
  });
});

describe("c-coefficient", () => {
  it("is n12 / (n1 + n2 − n12)", () => {
    expect(cCoefficient(3, 5, 4)).toBeCloseTo(0.5, 12);
    expect(cCoefficient(0, 0, 0)).toBe(0);
    expect(cCoefficient(4, 4, 4)).toBe(1);
  });
});

describe("roll-up of code frequencies", () => {
  const codes = [
    { id: "CON", parentId: null },
    { id: "CON-1", parentId: "CON" },
    { id: "CON-2", parentId: "CON" },
    { id: "COO", parentId: null },
  ];

  it("counts a unit with two sub-themes once for the theme, and a coding across two units for both", () => {
    const counts = rollUpCounts(codes, [
      { codeId: "CON-1", unitId: "u1", codingId: "c1" },
      { codeId: "CON-2", unitId: "u1", codingId: "c2" }, // same unit, second sub-theme
      { codeId: "CON-1", unitId: "u2", codingId: "c3" },
      { codeId: "CON-1", unitId: "u3", codingId: "c3" }, // c3 spans u2 and u3
      { codeId: "CON-1", unitId: "u2", codingId: "c4" }, // u2 coded twice with CON-1
      { codeId: "COO", unitId: "u4", codingId: "c5" },
    ]);
    const by = Object.fromEntries(counts.map((c) => [c.codeId, c]));
    expect(by["CON-1"]).toMatchObject({ codings: 3, units: 3, unitsWithDescendants: 3 });
    expect(by["CON-2"]).toMatchObject({ codings: 1, units: 1 });
    expect(by["CON"]).toMatchObject({ codings: 0, units: 0, codingsWithDescendants: 4, unitsWithDescendants: 3 });
    expect(by["CON-1"]?.shareOfParent).toBeCloseTo(1, 12);
    expect(by["CON-2"]?.shareOfParent).toBeCloseTo(1 / 3, 12);
    expect(by["CON"]?.shareOfParent).toBeNull();
    expect(by["CON"]?.shareOfAll).toBeCloseTo(3 / 4, 12);
    expect(by["COO"]?.shareOfAll).toBeCloseTo(1 / 4, 12);
  });
});
