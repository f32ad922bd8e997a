import { describe, expect, it } from "vitest";
import { cohenKappa, fleissKappa, krippendorffAlpha, percentAgreement, type RatingMatrix } from "../../lib/agreement";

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section E: four observers,
// twelve units, missing values (null). Rows are units, columns observers A–D.
const KRIPPENDORFF_2011_E: RatingMatrix = [
  [1, 1, null, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [null, 5, 5, 5],
  [null, null, 1, 1],
  [null, 3, null, null],
];

// Krippendorff (2011), section A: two observers, ten units, binary values.
const KRIPPENDORFF_2011_A_OBSERVER_1 = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
const KRIPPENDORFF_2011_A_OBSERVER_2 = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];

// Fleiss (1971), Table 1: 30 patients, six psychiatrists each, five diagnoses
// (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other).
const FLEISS_1971: RatingMatrix = [
  [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
];

/** Expands a 2 × 2 table (rows coder 1, columns coder 2) into two columns of ratings. */
function fromTable(table: [[number, number], [number, number]]): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  const labels = ["yes", "no"];
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) {
        a.push(labels[i] as string);
        b.push(labels[j] as string);
      }
    }),
  );
  return [a, b];
}

describe("Krippendorff's alpha", () => {
  it("reproduces Krippendorff's four-observer example with missing data at every level of measurement", () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011_E, "nominal").alpha).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(KRIPPENDORFF_2011_E, "ordinal").alpha).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(KRIPPENDORFF_2011_E, "interval").alpha).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(KRIPPENDORFF_2011_E, "ratio").alpha).toBeCloseTo(0.797, 3);
  });

  it("counts only pairable values: the unit with a single value carries no information", () => {
    const result = krippendorffAlpha(KRIPPENDORFF_2011_E);
    expect(result.units).toBe(11);
    expect(result.pairableValues).toBe(40);
    expect(krippendorffAlpha(KRIPPENDORFF_2011_E.slice(0, 11)).alpha).toBeCloseTo(result.alpha as number, 12);
  });

  it("reproduces Krippendorff's two-observer binary example (α = 0.095)", () => {
    const matrix = KRIPPENDORFF_2011_A_OBSERVER_1.map((v, i) => [v, KRIPPENDORFF_2011_A_OBSERVER_2[i] ?? null]);
    expect(krippendorffAlpha(matrix).alpha).toBeCloseTo(0.095, 3);
  });

  it("is undefined (null), not NaN, when every value is the same", () => {
    expect(krippendorffAlpha([[1, 1], [1, 1]]).alpha).toBeNull();
    expect(krippendorffAlpha([[1, null], [null, 2]]).alpha).toBeNull();
  });

  it("refuses text values for a numeric level", () => {
    expect(() => krippendorffAlpha([["a", "b"]], "interval")).toThrow("interval α needs numeric values; got “a”");
  });
});

describe("Cohen's kappa", () => {
  it("reproduces the textbook two-rater example (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4)", () => {
    const [a, b] = fromTable([[20, 5], [10, 15]]);
    const result = cohenKappa(a, b);
    expect(result.units).toBe(50);
    expect(result.observed).toBeCloseTo(0.7, 3);
    expect(result.expected).toBeCloseTo(0.5, 3);
    expect(result.kappa).toBeCloseTo(0.4, 3);
  });

  it("leaves out units where either coder is missing", () => {
    const [a, b] = fromTable([[20, 5], [10, 15]]);
    const result = cohenKappa([...a, "yes", null], [...b, null, "no"]);
    expect(result.units).toBe(50);
    expect(result.kappa).toBeCloseTo(0.4, 3);
  });

  it("is undefined when both coders used a single value", () => {
    expect(cohenKappa([1, 1, 1], [1, 1, 1])).toEqual({ kappa: null, observed: 1, expected: 1, units: 3 });
  });
});

describe("Fleiss' kappa", () => {
  it("reproduces Fleiss' (1971) psychiatric diagnoses example (κ = 0.430)", () => {
    const result = fleissKappa(FLEISS_1971);
    expect(result.units).toBe(30);
    expect(result.raters).toBe(6);
    expect(result.kappa).toBeCloseTo(0.43, 3);
  });

  it("uses only units every coder rated, and says how many it left out", () => {
    const result = fleissKappa([...FLEISS_1971, [1, 1, 1, 1, 1, null]]);
    expect(result.units).toBe(30);
    expect(result.unitsWithMissing).toBe(1);
    expect(result.kappa).toBeCloseTo(0.43, 3);
  });
});

describe("percent agreement", () => {
  it("averages the share of agreeing pairs over units rated by at least two coders", () => {
    // 3 coders agree (1), 2 of 3 agree (1/3 of pairs), 2 coders disagree (0), one value only (skipped).
    const result = percentAgreement([[1, 1, 1], [1, 1, 0], [0, 1, null], [1, null, null]]);
    expect(result.units).toBe(3);
    expect(result.value).toBeCloseTo((1 + 1 / 3 + 0) / 3, 12);
  });
});
