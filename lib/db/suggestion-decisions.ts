/**
 * Query functions of keyword-suggestion decisions (accepted / rejected sentences per code),
 * including the rows the codebook moves or drops when it merges or deletes codes.
 * Portable Prisma only.
 */
import type { DbClient } from "./shared";

export type DecisionRow = { id: string; codeId: string; unitId: string; decision: string };

export function listDecisionsOfCodes(db: DbClient, codeIds: string[]): Promise<DecisionRow[]> {
  return db.suggestionDecision.findMany({
    where: { codeId: { in: codeIds } },
    select: { id: true, codeId: true, unitId: true, decision: true },
  });
}

export async function reassignDecisions(db: DbClient, ids: string[], codeId: string): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.suggestionDecision.updateMany({ where: { id: { in: ids } }, data: { codeId } });
  return r.count;
}

export async function setDecision(db: DbClient, id: string, decision: string): Promise<void> {
  await db.suggestionDecision.update({ where: { id }, data: { decision } });
}

export async function deleteDecisionsByIds(db: DbClient, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.suggestionDecision.deleteMany({ where: { id: { in: ids } } });
  return r.count;
}

export async function deleteDecisionsOfCodes(db: DbClient, codeIds: string[]): Promise<number> {
  if (codeIds.length === 0) return 0;
  const r = await db.suggestionDecision.deleteMany({ where: { codeId: { in: codeIds } } });
  return r.count;
}
