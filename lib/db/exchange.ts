/**
 * Reads of the exchange context (exports): one project's documents, units, codebook,
 * codings, memos and consensus decisions, each in one Prisma query that runs on SQLite and
 * PostgreSQL alike. Filters narrow the documents and codings in SQL; code subtrees and
 * coder names are resolved by lib/exchange/filters.ts before the call.
 */
import type { DbClient } from "./shared";

export type ExchangeQuery = {
  projectId: string;
  /** Only these documents (ids); undefined = all. */
  documentIds?: string[];
  /** Only codings of these codes (ids); undefined = all. */
  codeIds?: string[];
  /** Only codings of these coders (user ids); undefined = all. */
  coderIds?: string[];
};

const documentSelect = {
  id: true,
  title: true,
  region: true,
  province: true,
  city: true,
  issuer: true,
  level: true,
  docType: true,
  year: true,
  date: true,
  language: true,
  sourceRef: true,
  originalFilename: true,
  format: true,
  encoding: true,
  sha256: true,
  charCount: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function findExchangeProject(db: DbClient, projectId: string) {
  return db.project.findUnique({ where: { id: projectId }, select: { id: true, name: true, description: true, createdAt: true, updatedAt: true } });
}

/** Documents with their text, in a stable order (creation, then id). */
export function listExchangeDocuments(db: DbClient, q: ExchangeQuery, withText: boolean) {
  return db.document.findMany({
    where: { projectId: q.projectId, ...(q.documentIds ? { id: { in: q.documentIds } } : {}) },
    select: { ...documentSelect, plainText: withText },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Units (sentence and paragraph, or one kind) of the given documents, by document and position. */
export function listExchangeUnits(db: DbClient, documentIds: string[], kind?: "sentence" | "paragraph") {
  return db.unit.findMany({
    where: { documentId: { in: documentIds }, ...(kind ? { kind } : {}) },
    select: { id: true, documentId: true, kind: true, ordinal: true, paragraph: true, start: true, end: true },
    orderBy: [{ documentId: "asc" }, { kind: "asc" }, { ordinal: "asc" }],
  });
}

export function listExchangeCodes(db: DbClient, projectId: string) {
  return db.code.findMany({ where: { projectId }, orderBy: [{ sortOrder: "asc" }, { shortName: "asc" }] });
}

export function listExchangeCodeGroups(db: DbClient, projectId: string) {
  return db.codeGroup.findMany({
    where: { projectId },
    include: { members: { select: { codeId: true } } },
    orderBy: [{ name: "asc" }],
  });
}

/** Codings with their coder's name, by document then position. */
export function listExchangeCodings(db: DbClient, q: ExchangeQuery) {
  return db.coding.findMany({
    where: {
      projectId: q.projectId,
      ...(q.documentIds ? { documentId: { in: q.documentIds } } : {}),
      ...(q.codeIds ? { codeId: { in: q.codeIds } } : {}),
      ...(q.coderIds ? { coderId: { in: q.coderIds } } : {}),
    },
    select: {
      id: true,
      documentId: true,
      codeId: true,
      coderId: true,
      coder: { select: { name: true } },
      start: true,
      end: true,
      quote: true,
      comment: true,
      createdAt: true,
      updatedAt: true,
    },
    orderBy: [{ documentId: "asc" }, { start: "asc" }, { end: "asc" }, { id: "asc" }],
  });
}

export function listExchangeMemos(db: DbClient, projectId: string) {
  return db.memo.findMany({
    where: { projectId },
    select: {
      id: true,
      kind: true,
      documentId: true,
      codeId: true,
      codingId: true,
      authorId: true,
      author: { select: { name: true } },
      title: true,
      body: true,
      links: true,
      createdAt: true,
      updatedAt: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export function listExchangeConsensus(db: DbClient, projectId: string) {
  return db.consensusDecision.findMany({
    where: { projectId },
    select: { id: true, unitId: true, codeId: true, acceptedCoderIds: true, decidedBy: true, updatedAt: true },
    orderBy: [{ id: "asc" }],
  });
}

/** Users who coded or wrote memos in the project (the coders of an export). */
export async function listExchangeUsers(db: DbClient, projectId: string) {
  return db.user.findMany({
    where: { OR: [{ codings: { some: { projectId } } }, { memos: { some: { projectId } } }] },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }],
  });
}

/** Users by name or id (the coder filter accepts either). */
export function findUsersByNameOrId(db: DbClient, keys: string[]) {
  return db.user.findMany({ where: { OR: [{ id: { in: keys } }, { name: { in: keys } }] }, select: { id: true, name: true } });
}
