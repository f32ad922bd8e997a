/** Pieces every query module uses: client types, transactions, constraint errors. */
import type { Db } from "./client";
import { Prisma } from "./generated/client";

export type DbTx = Prisma.TransactionClient;
/** A client or an open transaction: query functions take either, so callers can compose them. */
export type DbClient = Db | DbTx;

/** `timeoutMs`: how long the transaction may stay open (a whole-project import needs more than the default minute). */
export function inTransaction<T>(db: Db, fn: (tx: DbTx) => Promise<T>, opts: { timeoutMs?: number } = {}): Promise<T> {
  return db.$transaction(fn, { maxWait: 10_000, timeout: opts.timeoutMs ?? 60_000 });
}

/** True when a write failed on a unique constraint (a concurrent duplicate slipped past our check). */
export function isUniqueViolation(e: unknown): boolean {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return true;
  // Raw driver writes (lib/db/bulk.ts): better-sqlite3's SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's 23505.
  const code = e instanceof Error ? (e as { code?: string }).code : undefined;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}

/** True when a raw driver write failed on a foreign key (e.g. the project was deleted meanwhile). */
export function isForeignKeyViolation(e: unknown): boolean {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2003") return true;
  const code = e instanceof Error ? (e as { code?: string }).code : undefined;
  return code === "SQLITE_CONSTRAINT_FOREIGNKEY" || code === "23503";
}

export async function projectExists(db: DbClient, projectId: string): Promise<boolean> {
  const p = await db.project.findUnique({ where: { id: projectId }, select: { id: true } });
  return p !== null;
}
