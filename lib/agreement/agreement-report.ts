import { listConsensusDecisions } from "../db/agreement";
import type { DbClient } from "../db/shared";
import { selectTextSpans } from "../db/documents";
import { groupBy } from "./group-by";
import { computeAgreement, type AgreementFigures } from "./compute-agreement";
import { loadAgreementInput, type AgreementCodeRef, type AgreementCoder, type AgreementDocument, type AgreementRequest } from "./load-agreement-input";
import { overlappingUnits, type AgreementUnit } from "./unit-ratings";

/** One coder pair: Cohen's κ over the units both rated, and character-level agreement. */
export type PairFigures = {
  coderA: string;
  coderB: string;
  units: number;
  cohenKappa: number | null;
  observed: number | null;
  expected: number | null;
  /** Characters coded by both / by either, over the documents both coders are present on. */
  characters: { both: number; either: number; value: number | null };
};

/** The coefficients of one code, or of all codes pooled. Coder names, not ids. */
export type Figures = {
  /** Units with at least two coders present. */
  units: number;
  /** Of those, units at least one coder coded. */
  codedUnits: number;
  percentAgreement: number | null;
  fleissKappa: number | null;
  /** Units Fleiss' κ uses (every coder present) and those it leaves out. */
  fleissUnits: number;
  fleissUnitsWithMissing: number;
  krippendorffAlpha: number | null;
  pairs: PairFigures[];
  /** (unit, code) disagreements. */
  disagreements: number;
};

export type DisputedCode = {
  codeId: string;
  shortName: string;
  /** Coders who coded the unit with the code / present coders who did not. */
  coded: string[];
  notCoded: string[];
  /** The adjudication, when made: whose codings went into the consensus (names; empty = neither). */
  decision: { accepted: string[]; decidedBy: string } | null;
};

/** A passage the coders disagree on, with each coder's codes there (null: missing on the document). */
export type DisagreementPassage = {
  unitId: string;
  documentId: string;
  documentTitle: string;
  ordinal: number;
  start: number;
  end: number;
  text: string;
  coders: { coder: string; codes: string[] | null }[];
  disputed: DisputedCode[];
};

export type AgreementReportView = {
  projectId: string;
  coders: AgreementCoder[];
  codes: AgreementCodeRef[];
  documents: AgreementDocument[];
  documentsLeftOut: AgreementDocument[];
  perCode: (Figures & { code: AgreementCodeRef })[];
  overall: Figures;
  disagreements: { total: number; undecided: number; passages: DisagreementPassage[] };
};

/** Passages listed with their text; the rest are counted. */
export const DISAGREEMENT_LIMIT = 500;
/** Longest passage text returned (code points): a sentence rarely exceeds it. */
const PASSAGE_MAX = 400;

/**
 * Intercoder agreement of a project on the database: per code and overall (units, percent
 * agreement, Cohen's κ per pair, Fleiss' κ, Krippendorff's α, character agreement) and the
 * passages the coders disagree on, with each coder's codes and any adjudication.
 */
export async function getAgreementReport(
  db: DbClient,
  projectId: string,
  request: AgreementRequest & { limit?: number },
): Promise<AgreementReportView> {
  const input = await loadAgreementInput(db, projectId, request);
  const coderIds = input.coders.map((c) => c.id);
  const nameOf = new Map(input.coders.map((c) => [c.id, c.name]));
  const names = (ids: readonly string[]) => ids.map((id) => nameOf.get(id) ?? id);
  const codeById = new Map(input.codes.map((c) => [c.id, c]));
  const units: AgreementUnit[] = input.units;
  const report = computeAgreement({
    units,
    codings: input.codings,
    coderIds,
    codeIds: input.codes.map((c) => c.id),
    documentsByCoder: input.documentsByCoder,
  });

  const figures = (f: AgreementFigures, disagreements: number): Figures => ({
    units: f.units,
    codedUnits: f.codedUnits,
    percentAgreement: f.percent.value,
    fleissKappa: f.fleiss.kappa,
    fleissUnits: f.fleiss.units,
    fleissUnitsWithMissing: f.fleiss.unitsWithMissing,
    krippendorffAlpha: f.alpha.alpha,
    pairs: f.pairs.map((p) => ({
      coderA: nameOf.get(p.coderA) ?? p.coderA,
      coderB: nameOf.get(p.coderB) ?? p.coderB,
      units: p.cohen.units,
      cohenKappa: p.cohen.kappa,
      observed: p.cohen.observed,
      expected: p.cohen.expected,
      characters: p.characters,
    })),
    disagreements,
  });
  const perCode = report.perCode.map((c) => ({ code: codeById.get(c.codeId) as AgreementCodeRef, ...figures(c, c.disagreements.length) }));
  const allDisagreements = report.perCode.flatMap((c) => c.disagreements);
  const overall = figures(report.overall, allDisagreements.length);

  // Group (unit, code) disagreements into passages, in document and text order.
  const unitById = new Map(input.units.map((u) => [u.id, u]));
  const documentOrder = new Map(input.documents.map((d, i) => [d.id, i]));
  const byUnit = groupBy(allDisagreements, (d) => d.unitId);
  const unitIds = [...byUnit.keys()].sort((a, b) => {
    const ua = unitById.get(a)!;
    const ub = unitById.get(b)!;
    return (documentOrder.get(ua.documentId) ?? 0) - (documentOrder.get(ub.documentId) ?? 0) || ua.ordinal - ub.ordinal;
  });
  const decisions = await listConsensusDecisions(db, { projectId, codeIds: input.codes.map((c) => c.id) });
  const decisionOf = new Map(decisions.map((d) => [`${d.unitId}\u0000${d.codeId}`, d]));
  const undecided = allDisagreements.filter((d) => !decisionOf.has(`${d.unitId}\u0000${d.codeId}`)).length;

  const listed = unitIds.slice(0, request.limit ?? DISAGREEMENT_LIMIT).map((id) => unitById.get(id)!);
  const texts = await selectTextSpans(db, { spans: listed.map((u) => ({ documentId: u.documentId, start: u.start, end: u.end })), maxLength: PASSAGE_MAX });
  const codesOnUnit = codesByCoderOnUnits(input, listed);
  const titleOf = new Map(input.documents.map((d) => [d.id, d.title]));
  const passages = listed.map((u, i): DisagreementPassage => ({
    unitId: u.id,
    documentId: u.documentId,
    documentTitle: titleOf.get(u.documentId) ?? "",
    ordinal: u.ordinal,
    start: u.start,
    end: u.end,
    text: texts[i]?.text ?? "",
    coders: input.coders.map((c) => ({
      coder: c.name,
      codes: input.documentsByCoder.get(c.id)?.has(u.documentId)
        ? input.codes.filter((code) => codesOnUnit.get(u.id)?.get(c.id)?.has(code.id)).map((code) => code.shortName)
        : null,
    })),
    disputed: (byUnit.get(u.id) ?? []).map((d) => {
      const decision = decisionOf.get(`${d.unitId}\u0000${d.codeId}`);
      return {
        codeId: d.codeId,
        shortName: codeById.get(d.codeId)?.shortName ?? d.codeId,
        coded: names(d.coded),
        notCoded: names(d.notCoded),
        decision: decision ? { accepted: names(parseIds(decision.acceptedCoderIds)), decidedBy: decision.decidedBy } : null,
      };
    }),
  }));

  return {
    projectId,
    coders: input.coders,
    codes: input.codes,
    documents: input.documents,
    documentsLeftOut: input.documentsLeftOut,
    perCode,
    overall,
    disagreements: { total: allDisagreements.length, undecided, passages },
  };
}

/** unit → coder → codes whose codings overlap the unit. */
function codesByCoderOnUnits(
  input: { codings: readonly { coderId: string; codeId: string; documentId: string; start: number; end: number }[] },
  listed: readonly AgreementUnit[],
): Map<string, Map<string, Set<string>>> {
  const byDocument = groupBy(listed, (u) => u.documentId);
  for (const list of byDocument.values()) list.sort((a, b) => a.start - b.start);
  const out = new Map<string, Map<string, Set<string>>>();
  for (const c of input.codings) {
    for (const u of overlappingUnits(byDocument.get(c.documentId) ?? [], c.start, c.end)) {
      let coders = out.get(u.id);
      if (!coders) out.set(u.id, (coders = new Map()));
      let codes = coders.get(c.coderId);
      if (!codes) coders.set(c.coderId, (codes = new Set()));
      codes.add(c.codeId);
    }
  }
  return out;
}

/** The JSON array of user ids a decision stores; anything else reads as none. */
export function parseIds(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}
