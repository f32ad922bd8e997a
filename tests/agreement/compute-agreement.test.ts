import { describe, expect, it } from "vitest";
import { computeAgreement, unitRatingsForCode, type AgreementCoding, type AgreementUnit } from "../../lib/agreement";

// Two documents: D1 with four 10-character units, D2 with three 8-character units.
const UNITS: AgreementUnit[] = [
  { id: "u1", documentId: "D1", start: 0, end: 10 },
  { id: "u2", documentId: "D1", start: 10, end: 20 },
  { id: "u3", documentId: "D1", start: 20, end: 30 },
  { id: "u4", documentId: "D1", start: 30, end: 40 },
  { id: "v1", documentId: "D2", start: 0, end: 8 },
  { id: "v2", documentId: "D2", start: 8, end: 16 },
  { id: "v3", documentId: "D2", start: 16, end: 24 },
];

const coding = (coderId: string, codeId: string, documentId: string, start: number, end: number): AgreementCoding => ({
  coderId,
  codeId,
  documentId,
  start,
  end,
});

// Coder C never coded D2: C is missing there, not "did not apply X".
const CODINGS: AgreementCoding[] = [
  coding("A", "X", "D1", 2, 15), // spans u1 and u2: counts for both
  coding("A", "X", "D2", 0, 8),
  coding("A", "Y", "D1", 30, 40),
  coding("B", "X", "D1", 0, 10),
  coding("B", "X", "D1", 3, 6), // u1 coded twice with X by B: still one decision
  coding("B", "X", "D2", 1, 8),
  coding("B", "X", "D2", 8, 12),
  coding("B", "Y", "D1", 32, 35),
  coding("C", "X", "D1", 5, 10),
  coding("C", "X", "D1", 25, 28),
];

describe("unit-level reliability data from codings", () => {
  it("marks overlapping units 1, the coder's other units 0 and documents the coder never coded as missing", () => {
    const matrix = unitRatingsForCode({ units: UNITS, codings: CODINGS, coderIds: ["A", "B", "C"], codeId: "X" });
    expect(matrix).toEqual([
      [1, 1, 1],
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 0],
      [1, 1, null],
      [0, 1, null],
      [0, 0, null],
    ]);
  });
});

describe("computeAgreement", () => {
  const report = computeAgreement({ units: UNITS, codings: CODINGS, coderIds: ["A", "B", "C"], codeIds: ["X", "Y"] });
  const x = report.perCode.find((c) => c.codeId === "X");

  it("computes the coefficients per code with missing data (three coders)", () => {
    expect(x?.units).toBe(7);
    expect(x?.codedUnits).toBe(5);
    expect(x?.percent.value).toBeCloseTo(14 / 21, 12);
    expect(x?.fleiss.units).toBe(4);
    expect(x?.fleiss.unitsWithMissing).toBe(3);
    expect(x?.fleiss.kappa).toBeCloseTo(11 / 35, 12);
    expect(x?.alpha.alpha).toBeCloseTo(0.3625, 12);
    const ab = x?.pairs.find((p) => p.coderA === "A" && p.coderB === "B");
    const ac = x?.pairs.find((p) => p.coderA === "A" && p.coderB === "C");
    expect(ab?.cohen.units).toBe(7);
    expect(ab?.cohen.kappa).toBeCloseTo(10 / 24, 12);
    expect(ac?.cohen.units).toBe(4);
    expect(ac?.cohen.kappa).toBeCloseTo(0, 12);
  });

  it("measures character overlap over the documents both coders coded", () => {
    const ab = x?.pairs.find((p) => p.coderA === "A" && p.coderB === "B");
    expect(ab?.characters).toEqual({ both: 15, either: 27, value: 15 / 27 });
  });

  it("lists each unit the coders disagree on with who coded it and who did not", () => {
    expect(x?.disagreements).toEqual([
      { unitId: "u2", documentId: "D1", codeId: "X", coded: ["A"], notCoded: ["B", "C"] },
      { unitId: "u3", documentId: "D1", codeId: "X", coded: ["C"], notCoded: ["A", "B"] },
      { unitId: "v2", documentId: "D2", codeId: "X", coded: ["B"], notCoded: ["A"] },
    ]);
  });

  it("pools every (unit, code) decision for the overall figure", () => {
    expect(report.overall.units).toBe(14);
    expect(report.overall.alpha.alpha).toBeCloseTo(6 / 13, 12);
  });

  it("refuses fewer than two coders", () => {
    expect(() => computeAgreement({ units: UNITS, codings: CODINGS, coderIds: ["A"], codeIds: ["X"] })).toThrow(
      "agreement needs at least two coders",
    );
  });
});
