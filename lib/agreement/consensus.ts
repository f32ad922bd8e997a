import { z } from "zod";
import {
  deleteConsensusDecision,
  findUnitInProject,
  findUsersByNames,
  listAgreementCodes,
  listConsensusDecisions,
  upsertConsensusDecision,
} from "../db/agreement";
import type { DbClient } from "../db/shared";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { mergeSpans } from "./character-overlap";
import { parseIds } from "./agreement-report";
import { groupBy } from "./group-by";
import { loadAgreementInput, type AgreementCodeRef, type AgreementRequest } from "./load-agreement-input";
import { overlappingUnits, unitRatingsForCode, type AgreementUnit } from "./unit-ratings";

/**
 * The consensus layer. Agreement is computed per sentence unit and code, so adjudication is
 * too: for a (unit, code) the coders disagree on, a decision names the coders whose codings
 * of that unit with that code are accepted — one, several ("both"), or none ("neither"). It is
 * stored as ConsensusDecision (unit, code, accepted user ids). The consensus codings are then:
 *   - agreed: every coder present on the document coded the unit with the code;
 *   - adjudicated: a decision exists (it wins over agreement, so a later decision is final);
 *   - pending: a disagreement without a decision (not in the consensus, counted).
 * Each consensus coding is the accepted coders' spans clipped to the unit and merged, so
 * character-level analyses see what the coders marked, not the whole sentence.
 */
export const consensusDecisionSchema = z.object({
  unitId: z.string().trim().min(1),
  codeId: z.string().trim().min(1),
  /** Names of the coders whose codings are accepted; [] = neither. */
  accept: z.array(z.string().trim().min(1)).transform((names) => [...new Set(names)]),
  decidedBy: z.string().trim().max(50).default(""),
});
export type ConsensusDecisionInput = z.input<typeof consensusDecisionSchema>;

export type ConsensusDecisionView = { unitId: string; codeId: string; accepted: string[]; decidedBy: string };

/** Records (or replaces) the decision on one unit and code of the project. */
export async function decideConsensus(db: DbClient, projectId: string, input: ConsensusDecisionInput): Promise<ConsensusDecisionView> {
  const d = parseInput(consensusDecisionSchema, input);
  const unit = await findUnitInProject(db, d.unitId);
  if (!unit || unit.projectId !== projectId || unit.kind !== "sentence") {
    throw new AppError("not_found", { en: "no such sentence in this project", zh: "本项目中没有这个句子" });
  }
  const codes = await listAgreementCodes(db, projectId);
  if (!codes.some((c) => c.id === d.codeId)) {
    throw new AppError("not_found", { en: "no such code in this project", zh: "本项目中没有这个编码" });
  }
  const users = await findUsersByNames(db, d.accept);
  const ids = d.accept.map((name) => {
    const user = users.find((u) => u.name === name);
    if (!user) throw new AppError("not_found", { en: `no coder named “${name}”`, zh: `没有名为“${name}”的编码者` });
    return user.id;
  });
  await upsertConsensusDecision(db, {
    projectId,
    unitId: d.unitId,
    codeId: d.codeId,
    acceptedCoderIds: JSON.stringify(ids),
    decidedBy: d.decidedBy,
  });
  return { unitId: d.unitId, codeId: d.codeId, accepted: d.accept, decidedBy: d.decidedBy };
}

/** Removes the decision on one unit and code (the disagreement is pending again). */
export async function clearConsensus(db: DbClient, projectId: string, input: { unitId: string; codeId: string }): Promise<{ removed: number }> {
  const d = parseInput(z.object({ unitId: z.string().min(1), codeId: z.string().min(1) }), input);
  return { removed: await deleteConsensusDecision(db, { projectId, unitId: d.unitId, codeId: d.codeId }) };
}

export type ConsensusCoding = {
  documentId: string;
  unitId: string;
  codeId: string;
  start: number;
  end: number;
  source: "agreed" | "adjudicated";
  /** Names of the coders whose codings it comes from. */
  coders: string[];
};

export type ConsensusCodings = {
  /** The compared codes (ids, short names, labels). */
  codes: AgreementCodeRef[];
  codings: ConsensusCoding[];
  /** Disagreements (unit × code) without a decision: not in the consensus yet. */
  pending: { unitId: string; codeId: string }[];
};

/**
 * "The" codings of a project for the chosen coders: agreed and adjudicated units, as spans
 * (see the module comment). Analyses and exports can use them instead of one coder's codings.
 */
export async function loadConsensusCodings(db: DbClient, projectId: string, request: AgreementRequest): Promise<ConsensusCodings> {
  const input = await loadAgreementInput(db, projectId, request);
  const coderIds = input.coders.map((c) => c.id);
  const nameOf = new Map(input.coders.map((c) => [c.id, c.name]));
  const decisions = await listConsensusDecisions(db, { projectId, codeIds: input.codes.map((c) => c.id) });
  const decisionOf = new Map(decisions.map((d) => [`${d.unitId}\u0000${d.codeId}`, parseIds(d.acceptedCoderIds)]));
  // Units come in document and text order (sorted by start), as overlappingUnits needs.
  const unitsByDocument = groupBy<AgreementUnit, string>(input.units, (u) => u.documentId);

  const codings: ConsensusCoding[] = [];
  const pending: ConsensusCodings["pending"] = [];
  for (const code of input.codes) {
    const matrix = unitRatingsForCode({
      units: input.units,
      codings: input.codings,
      coderIds,
      codeId: code.id,
      documentsByCoder: input.documentsByCoder,
    });
    // Spans of each (unit, coder) with this code, clipped to the unit.
    const spans = new Map<string, [number, number][]>();
    for (const c of input.codings) {
      if (c.codeId !== code.id) continue;
      for (const u of overlappingUnits(unitsByDocument.get(c.documentId) ?? [], c.start, c.end)) {
        const key = `${u.id}\u0000${c.coderId}`;
        const span: [number, number] = [Math.max(c.start, u.start), Math.min(c.end, u.end)];
        const list = spans.get(key);
        if (list) list.push(span);
        else spans.set(key, [span]);
      }
    }
    const emit = (unit: AgreementUnit, from: string[], source: ConsensusCoding["source"]) => {
      const taken = from.filter((id) => spans.has(`${unit.id}\u0000${id}`));
      for (const [start, end] of mergeSpans(taken.flatMap((id) => spans.get(`${unit.id}\u0000${id}`) ?? []))) {
        codings.push({ documentId: unit.documentId, unitId: unit.id, codeId: code.id, start, end, source, coders: taken.map((id) => nameOf.get(id) ?? id) });
      }
    };
    matrix.forEach((row, i) => {
      const unit = input.units[i] as AgreementUnit;
      const present = row.filter((v) => v !== null).length;
      if (present < 2) return;
      const accepted = decisionOf.get(`${unit.id}\u0000${code.id}`);
      const coded = coderIds.filter((_, c) => row[c] === 1);
      if (accepted) emit(unit, accepted.filter((id) => coderIds.includes(id)), "adjudicated");
      else if (coded.length === present) emit(unit, coded, "agreed");
      else if (coded.length > 0) pending.push({ unitId: unit.id, codeId: code.id });
    });
  }
  // Documents in project order, then text order, then codebook order.
  const documentOrder = new Map(input.documents.map((d, i) => [d.id, i]));
  const codeOrder = new Map(input.codes.map((c, i) => [c.id, i]));
  const order = (m: Map<string, number>, k: string) => m.get(k) ?? 0;
  codings.sort(
    (a, b) =>
      order(documentOrder, a.documentId) - order(documentOrder, b.documentId) || a.start - b.start || order(codeOrder, a.codeId) - order(codeOrder, b.codeId),
  );
  return { codes: input.codes, codings, pending };
}
