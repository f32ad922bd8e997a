/**
 * Query functions of blind coding rounds, and the one rule every coding read applies while a
 * round is open: on a round's documents, a coder of the round sees only their own codings.
 */
import type { DbClient } from "./shared";
import { Prisma } from "./generated/client";

/** What a reader may not see: on `documentIds`, codings of anyone but `userId`. null: sees all. */
export type BlindScope = { userId: string; documentIds: string[] } | null;

/** A Prisma filter for the codings a reader under `blind` may see (empty when none is hidden). */
export function visibleCodingWhere(blind: BlindScope): Prisma.CodingWhereInput {
  if (!blind || blind.documentIds.length === 0) return {};
  return { NOT: { documentId: { in: blind.documentIds }, coderId: { not: blind.userId } } };
}

/** The same rule as SQL over a "Coding" row aliased `alias` (TRUE when nothing is hidden). */
export function visibleCodingSql(alias: string, blind: BlindScope): Prisma.Sql {
  if (!blind || blind.documentIds.length === 0) return Prisma.sql`1 = 1`;
  const a = Prisma.raw(alias);
  return Prisma.sql`NOT (${a}."documentId" IN (${Prisma.join(blind.documentIds)}) AND ${a}."coderId" <> ${blind.userId})`;
}

/** Documents of the project's open rounds that have `userId` among their coders. */
export async function selectBlindDocumentIds(db: DbClient, projectId: string, userId: string): Promise<string[]> {
  const rows = await db.roundDocument.findMany({
    where: { round: { projectId, status: "open", coders: { some: { userId } } } },
    select: { documentId: true },
    distinct: ["documentId"],
  });
  return rows.map((r) => r.documentId);
}

/** `userName`'s id when they are a coder of an open round on this document, else null. */
export async function selectBlindCoderOnDocument(db: DbClient, documentId: string, userName: string): Promise<string | null> {
  const row = await db.roundCoder.findFirst({
    where: { user: { name: userName }, round: { status: "open", documents: { some: { documentId } } } },
    select: { userId: true },
  });
  return row?.userId ?? null;
}

const roundSelect = {
  id: true,
  projectId: true,
  name: true,
  status: true,
  openedBy: true,
  openedAt: true,
  closedBy: true,
  closedAt: true,
  documents: { select: { document: { select: { id: true, title: true } } } },
  coders: { select: { user: { select: { id: true, name: true } } } },
} satisfies Prisma.RoundSelect;

type RoundJoined = Prisma.RoundGetPayload<{ select: typeof roundSelect }>;

export type RoundRow = Omit<RoundJoined, "documents" | "coders"> & {
  documents: { id: string; title: string }[];
  coders: { id: string; name: string }[];
};

function flat(r: RoundJoined): RoundRow {
  return {
    ...r,
    documents: r.documents.map((d) => d.document).sort((a, b) => a.title.localeCompare(b.title)),
    coders: r.coders.map((c) => c.user).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export async function insertRound(
  db: DbClient,
  data: { projectId: string; name: string; openedBy: string; documentIds: string[]; coderIds: string[] },
): Promise<RoundRow> {
  const r = await db.round.create({
    data: {
      projectId: data.projectId,
      name: data.name,
      openedBy: data.openedBy,
      documents: { create: data.documentIds.map((documentId) => ({ documentId })) },
      coders: { create: data.coderIds.map((userId) => ({ userId })) },
    },
    select: roundSelect,
  });
  return flat(r);
}

export async function selectRounds(db: DbClient, projectId: string): Promise<RoundRow[]> {
  const rows = await db.round.findMany({ where: { projectId }, select: roundSelect, orderBy: [{ openedAt: "desc" }, { id: "asc" }] });
  return rows.map(flat);
}

export async function selectRound(db: DbClient, id: string): Promise<RoundRow | null> {
  const r = await db.round.findUnique({ where: { id }, select: roundSelect });
  return r ? flat(r) : null;
}

/** Closes an open round; 0 when it was not open (already closed or missing). */
export async function closeOpenRound(db: DbClient, id: string, closedBy: string, at: Date): Promise<number> {
  const r = await db.round.updateMany({ where: { id, status: "open" }, data: { status: "closed", closedBy, closedAt: at } });
  return r.count;
}

/** Which of these ids are documents of the project (to refuse foreign or unknown ones by name). */
export async function selectProjectDocumentIds(db: DbClient, projectId: string, ids: string[]): Promise<Set<string>> {
  const rows = await db.document.findMany({ where: { projectId, id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
