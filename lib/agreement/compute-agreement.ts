import { characterOverlap, type CharacterOverlap } from "./character-overlap";
import { cohenKappa, type CohenKappa } from "./cohen-kappa";
import { fleissKappa, type FleissKappa } from "./fleiss-kappa";
import { krippendorffAlpha, type KrippendorffAlpha } from "./krippendorff-alpha";
import { percentAgreement, type PercentAgreement } from "./percent-agreement";
import { coderColumn, type RatingMatrix, type RatingRow } from "./ratings";
import {
  documentsCodedBy,
  unitRatingsForCode,
  type AgreementCoding,
  type AgreementUnit,
} from "./unit-ratings";

export type PairAgreement = {
  coderA: string;
  coderB: string;
  cohen: CohenKappa;
  characters: CharacterOverlap;
};

export type Disagreement = {
  unitId: string;
  documentId: string;
  codeId: string;
  /** Coders who coded the unit with the code. */
  coded: string[];
  /** Coders present on the document who did not. */
  notCoded: string[];
};

export type AgreementFigures = {
  /** Units where at least two coders are present (the ones agreement is computed over). */
  units: number;
  /** Units at least one coder coded with the code(s). */
  codedUnits: number;
  percent: PercentAgreement;
  pairs: PairAgreement[];
  fleiss: FleissKappa;
  alpha: KrippendorffAlpha;
};

export type CodeAgreement = AgreementFigures & { codeId: string; disagreements: Disagreement[] };

export type AgreementReport = {
  coderIds: string[];
  perCode: CodeAgreement[];
  /**
   * All codes pooled: every (unit, code) decision is one row, so a code that is rarely used
   * weighs by how often it was a decision, not as one code among many.
   */
  overall: AgreementFigures;
};

export type ComputeAgreementInput = {
  units: readonly AgreementUnit[];
  codings: readonly AgreementCoding[];
  coderIds: readonly string[];
  codeIds: readonly string[];
  documentsByCoder?: ReadonlyMap<string, ReadonlySet<string>>;
};

/**
 * Intercoder agreement at the sentence-unit level, per code and overall: percent agreement,
 * Cohen's κ and character overlap per coder pair, Fleiss' κ, and Krippendorff's α (nominal,
 * missing data allowed), plus the units on which the coders disagree.
 */
export function computeAgreement(input: ComputeAgreementInput): AgreementReport {
  if (input.coderIds.length < 2) throw new RangeError("agreement needs at least two coders");
  const coderIds = [...input.coderIds];
  const codings = input.codings.filter((c) => coderIds.includes(c.coderId));
  const documentsByCoder = input.documentsByCoder ?? documentsCodedBy(codings);
  const pooled: RatingRow[] = [];
  const perCode = input.codeIds.map((codeId): CodeAgreement => {
    const matrix = unitRatingsForCode({ units: input.units, codings, coderIds, codeId, documentsByCoder });
    const comparable = matrix.filter((row) => row.filter((v) => v !== null).length >= 2);
    pooled.push(...comparable);
    const disagreements: Disagreement[] = [];
    matrix.forEach((row, i) => {
      const coded = coderIds.filter((_, c) => row[c] === 1);
      const notCoded = coderIds.filter((_, c) => row[c] === 0);
      if (coded.length > 0 && notCoded.length > 0) {
        const unit = input.units[i] as AgreementUnit;
        disagreements.push({ unitId: unit.id, documentId: unit.documentId, codeId, coded, notCoded });
      }
    });
    return { codeId, ...figures(comparable, coderIds, (a, b, documents) => characterOverlap({ codings, codeId, coderA: a, coderB: b, documents })), disagreements };
  });
  const overall = figures(pooled, coderIds, (a, b, documents) => {
    let both = 0;
    let either = 0;
    for (const codeId of input.codeIds) {
      const o = characterOverlap({ codings, codeId, coderA: a, coderB: b, documents });
      both += o.both;
      either += o.either;
    }
    return { both, either, value: either === 0 ? null : both / either };
  });
  return { coderIds, perCode, overall };

  function figures(
    matrix: RatingMatrix,
    coders: string[],
    overlap: (a: string, b: string, documents: ReadonlySet<string>) => CharacterOverlap,
  ): AgreementFigures {
    const pairs: PairAgreement[] = [];
    for (let a = 0; a < coders.length; a++) {
      for (let b = a + 1; b < coders.length; b++) {
        const coderA = coders[a] as string;
        const coderB = coders[b] as string;
        const shared = new Set([...(documentsByCoder.get(coderA) ?? [])].filter((d) => documentsByCoder.get(coderB)?.has(d)));
        pairs.push({
          coderA,
          coderB,
          cohen: cohenKappa(coderColumn(matrix, a), coderColumn(matrix, b)),
          characters: overlap(coderA, coderB, shared),
        });
      }
    }
    return {
      units: matrix.length,
      codedUnits: matrix.filter((row) => row.includes(1)).length,
      percent: percentAgreement(matrix),
      pairs,
      fleiss: fleissKappa(matrix),
      alpha: krippendorffAlpha(matrix, "nominal"),
    };
  }
}
