/**
 * Query functions of intercoder agreement and its consensus layer: the coders, codes,
 * documents, sentence units and codings an agreement report is computed from, and the
 * adjudication decisions (ConsensusDecision). Portable Prisma only, so it runs unchanged on
 * SQLite and PostgreSQL; rules and messages live in lib/agreement/.
 */
import type { DbClient } from "./shared";

export type AgreementCoderRow = { id: string; name: string };

export function findUsersByNames(db: DbClient, names: readonly string[]): Promise<AgreementCoderRow[]> {
  if (names.length === 0) return Promise.resolve([]);
  return db.user.findMany({ where: { name: { in: [...names] } }, select: { id: true, name: true } });
}

export function findUsersByIds(db: DbClient, ids: readonly string[]): Promise<AgreementCoderRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
}

/** Everyone who coded anything in the project, by name: the coders one may compare. */
export async function listProjectCoders(db: DbClient, projectId: string): Promise<AgreementCoderRow[]> {
  const rows = await db.coding.groupBy({ by: ["coderId"], where: { projectId } });
  const users = await findUsersByIds(
    db,
    rows.map((r) => r.coderId),
  );
  return users.sort((a, b) => a.name.localeCompare(b.name));
}

export type AgreementCodeRow = {
  id: string;
  parentId: string | null;
  shortName: string;
  labelZh: string;
  labelEn: string;
  color: string;
  sortOrder: number;
};

export function listAgreementCodes(db: DbClient, projectId: string): Promise<AgreementCodeRow[]> {
  return db.code.findMany({
    where: { projectId },
    select: { id: true, parentId: true, shortName: true, labelZh: true, labelEn: true, color: true, sortOrder: true },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
}

export type AgreementDocumentRow = { id: string; title: string };

export function listAgreementDocuments(db: DbClient, projectId: string): Promise<AgreementDocumentRow[]> {
  return db.document.findMany({
    where: { projectId },
    select: { id: true, title: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** (coder, document) pairs where the coder has at least one coding, with any code. */
export async function listCoderDocumentPresence(
  db: DbClient,
  opts: { projectId: string; coderIds: readonly string[]; documentIds: readonly string[] },
): Promise<{ coderId: string; documentId: string }[]> {
  if (opts.coderIds.length === 0 || opts.documentIds.length === 0) return [];
  const rows = await db.coding.groupBy({
    by: ["coderId", "documentId"],
    where: { projectId: opts.projectId, coderId: { in: [...opts.coderIds] }, documentId: { in: [...opts.documentIds] } },
  });
  return rows.map((r) => ({ coderId: r.coderId, documentId: r.documentId }));
}

export type AgreementCodingRow = { id: string; coderId: string; codeId: string; documentId: string; start: number; end: number };

export function listAgreementCodings(
  db: DbClient,
  /** codeIds: the compared codes; absent, every code. */
  opts: { projectId: string; coderIds: readonly string[]; documentIds: readonly string[]; codeIds?: readonly string[] },
): Promise<AgreementCodingRow[]> {
  if (opts.coderIds.length === 0 || opts.documentIds.length === 0 || opts.codeIds?.length === 0) return Promise.resolve([]);
  return db.coding.findMany({
    where: {
      projectId: opts.projectId,
      coderId: { in: [...opts.coderIds] },
      documentId: { in: [...opts.documentIds] },
      ...(opts.codeIds ? { codeId: { in: [...opts.codeIds] } } : {}),
    },
    select: { id: true, coderId: true, codeId: true, documentId: true, start: true, end: true },
    orderBy: [{ documentId: "asc" }, { start: "asc" }, { id: "asc" }],
  });
}

export type AgreementUnitRow = { id: string; documentId: string; ordinal: number; start: number; end: number };

export function listSentenceUnitsOfDocuments(db: DbClient, documentIds: readonly string[]): Promise<AgreementUnitRow[]> {
  if (documentIds.length === 0) return Promise.resolve([]);
  return db.unit.findMany({
    where: { documentId: { in: [...documentIds] }, kind: "sentence" },
    select: { id: true, documentId: true, ordinal: true, start: true, end: true },
    orderBy: [{ documentId: "asc" }, { ordinal: "asc" }],
  });
}

export type UnitInProjectRow = { id: string; documentId: string; start: number; end: number; projectId: string; kind: string };

export async function findUnitInProject(db: DbClient, unitId: string): Promise<UnitInProjectRow | null> {
  const u = await db.unit.findUnique({
    where: { id: unitId },
    select: { id: true, documentId: true, start: true, end: true, kind: true, document: { select: { projectId: true } } },
  });
  return u ? { id: u.id, documentId: u.documentId, start: u.start, end: u.end, kind: u.kind, projectId: u.document.projectId } : null;
}

// ---------------------------------------------------------------- consensus decisions

export type ConsensusDecisionRow = {
  id: string;
  unitId: string;
  codeId: string;
  acceptedCoderIds: string;
  decidedBy: string;
  updatedAt: Date;
};

const decisionSelect = { id: true, unitId: true, codeId: true, acceptedCoderIds: true, decidedBy: true, updatedAt: true } as const;

export function listConsensusDecisions(
  db: DbClient,
  opts: { projectId: string; codeIds?: readonly string[] },
): Promise<ConsensusDecisionRow[]> {
  return db.consensusDecision.findMany({
    where: { projectId: opts.projectId, ...(opts.codeIds ? { codeId: { in: [...opts.codeIds] } } : {}) },
    select: decisionSelect,
    orderBy: [{ unitId: "asc" }, { codeId: "asc" }],
  });
}

/** Writes the decision on (unit, code), replacing an earlier one. */
export function upsertConsensusDecision(
  db: DbClient,
  row: { projectId: string; unitId: string; codeId: string; acceptedCoderIds: string; decidedBy: string },
): Promise<ConsensusDecisionRow> {
  return db.consensusDecision.upsert({
    where: { unitId_codeId: { unitId: row.unitId, codeId: row.codeId } },
    create: row,
    update: { acceptedCoderIds: row.acceptedCoderIds, decidedBy: row.decidedBy },
    select: decisionSelect,
  });
}

export async function deleteConsensusDecision(db: DbClient, opts: { projectId: string; unitId: string; codeId: string }): Promise<number> {
  const r = await db.consensusDecision.deleteMany({ where: opts });
  return r.count;
}
