import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type pg from "pg";
import { isPostgresUrl, sqliteFileOf } from "./url";

/**
 * Bulk writes for import. Prisma's JS engine costs ~0.1–1.5 ms per inserted row,
 * which would make importing a million characters (≈35,000 units) take minutes;
 * a prepared statement on the same SQLite file costs microseconds, and on PostgreSQL
 * multi-row INSERTs through one pooled connection cost about as little per row.
 * Both paths write the same columns in one transaction per document.
 */

const connections = new Map<string, Database.Database>();
const pools = new Map<string, pg.Pool>();

function sqliteConnection(url: string): Database.Database {
  const file = sqliteFileOf(url);
  let conn = connections.get(file);
  if (!conn) {
    conn = new Database(file);
    conn.pragma("busy_timeout = 10000");
    // WAL lets the web app keep reading while an import writes, and makes each
    // document's commit one sequential append instead of a journal rewrite.
    conn.pragma("journal_mode = WAL");
    conn.pragma("synchronous = NORMAL");
    conn.pragma("foreign_keys = ON");
    connections.set(file, conn);
  }
  return conn;
}

/** `pg` is loaded on first use (~80 ms), not by every process that imports this module. */
async function postgresPool(url: string): Promise<pg.Pool> {
  let pool = pools.get(url);
  if (!pool) {
    const { default: driver } = await import("pg");
    // Another call may have created it while the module loaded.
    pool = pools.get(url) ?? new driver.Pool({ connectionString: url, max: 2 });
    pools.set(url, pool);
  }
  return pool;
}

/** Closes bulk connections (tests and benchmarks that delete their databases). */
export async function closeBulkConnections(url?: string): Promise<void> {
  for (const [file, conn] of connections) {
    if (!url || sqliteFileOf(url) === file) {
      conn.close();
      connections.delete(file);
    }
  }
  for (const [key, pool] of pools) {
    if (!url || url === key) {
      pools.delete(key);
      await pool.end();
    }
  }
}

/** Prisma's storage format for DateTime in SQLite: ISO 8601 with an explicit +00:00 offset. */
function prismaSqliteDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

export type BulkDocument = {
  projectId: string;
  title: string;
  region: string;
  province: string;
  city: string;
  issuer: string;
  level: string;
  docType: string;
  year: number | null;
  date: string | null;
  language: string;
  sourceRef: string;
  originalFilename: string;
  format: string;
  encoding: string;
  sha256: string;
  plainText: string;
  charCount: number;
};

/**
 * The Document columns this module writes, fixed: a caller's object may carry other
 * keys (a spread of a wider row), and those must never become SQL column names.
 */
const DOCUMENT_COLUMNS = [
  "id", "projectId", "title", "region", "province", "city", "issuer", "level", "docType", "year", "date",
  "language", "sourceRef", "originalFilename", "format", "encoding", "sha256", "plainText", "charCount",
  "version", "createdAt", "updatedAt",
] as const;
type DocumentColumn = (typeof DOCUMENT_COLUMNS)[number];

const DOCUMENT_INSERT = `INSERT INTO "Document" (${DOCUMENT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${DOCUMENT_COLUMNS.map(() => "?").join(", ")})`;
export type BulkUnit = { kind: string; ordinal: number; paragraph: number; start: number; end: number; tokens: string };

// Units go in as multi-row INSERTs: one statement per 100 units instead of one
// per unit (8 columns × 100 rows stays far below SQLite's bound-parameter limit).
const UNITS_PER_STATEMENT = 100;
const UNIT_COLUMNS = `"id", "documentId", "kind", "ordinal", "paragraph", "start", "end", "tokens"`;

/** Prepared unit INSERTs by row count, per connection: preparing a 100-row INSERT costs more than running it. */
const unitInserts = new WeakMap<Database.Database, Map<number, Database.Statement>>();

function unitInsert(conn: Database.Database, rows: number): Database.Statement {
  let byRows = unitInserts.get(conn);
  if (!byRows) unitInserts.set(conn, (byRows = new Map()));
  let stmt = byRows.get(rows);
  if (!stmt) {
    stmt = conn.prepare(`INSERT INTO "Unit" (${UNIT_COLUMNS}) VALUES ${Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`);
    byRows.set(rows, stmt);
  }
  return stmt;
}

/**
 * Inserts one document row and its units in ONE transaction; any failure rolls
 * everything back. Returns the new document's id.
 */
export async function bulkInsertDocument(url: string, doc: BulkDocument, units: BulkUnit[]): Promise<string> {
  return isPostgresUrl(url) ? postgresInsertDocument(url, doc, units) : sqliteInsertDocument(url, doc, units);
}

/** Unit ids derive from the document id: stable, unique, and clustered in the primary-key
 * index (random ids would scatter every insert across it). */
function unitId(documentId: string, u: BulkUnit): string {
  return `${documentId}:${u.kind[0]}${u.ordinal}`;
}

function sqliteInsertDocument(url: string, doc: BulkDocument, units: BulkUnit[]): string {
  const conn = sqliteConnection(url);
  const id = randomUUID();
  const now = prismaSqliteDate(new Date());
  const row: BulkDocument & Record<DocumentColumn, string | number | null> = { ...doc, id, createdAt: now, updatedAt: now, version: 1 };
  const insertDoc = conn.prepare(DOCUMENT_INSERT);
  const full = unitInsert(conn, UNITS_PER_STATEMENT);
  conn.transaction(() => {
    insertDoc.run(DOCUMENT_COLUMNS.map((c) => row[c]));
    for (let i = 0; i < units.length; i += UNITS_PER_STATEMENT) {
      const batch = units.slice(i, i + UNITS_PER_STATEMENT);
      const params: (string | number)[] = [];
      for (const u of batch) params.push(unitId(id, u), id, u.kind, u.ordinal, u.paragraph, u.start, u.end, u.tokens);
      (batch.length === UNITS_PER_STATEMENT ? full : unitInsert(conn, batch.length)).run(params);
    }
  })();
  return id;
}

// One INSERT … SELECT FROM unnest(arrays) per 5,000 units: eight array parameters instead of
// eight per row, so PostgreSQL parses and binds one small statement (thousands of bound
// parameters made parse/bind the larger part of the import's time).
const PG_UNITS_PER_STATEMENT = 5000;
const PG_UNIT_INSERT = `INSERT INTO "Unit" (${UNIT_COLUMNS}) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[])`;

async function postgresInsertDocument(url: string, doc: BulkDocument, units: BulkUnit[]): Promise<string> {
  const id = randomUUID();
  // Prisma keeps DateTime as UTC in "timestamp(3) without time zone": write the UTC wall time.
  const now = new Date().toISOString().replace("Z", "");
  const row: BulkDocument & Record<DocumentColumn, string | number | null> = { ...doc, id, createdAt: now, updatedAt: now, version: 1 };
  const client = await (await postgresPool(url)).connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Document" (${DOCUMENT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${DOCUMENT_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`,
      DOCUMENT_COLUMNS.map((c) => row[c]),
    );
    for (let i = 0; i < units.length; i += PG_UNITS_PER_STATEMENT) {
      const batch = units.slice(i, i + PG_UNITS_PER_STATEMENT);
      await client.query(PG_UNIT_INSERT, [
        batch.map((u) => unitId(id, u)),
        batch.map(() => id),
        batch.map((u) => u.kind),
        batch.map((u) => u.ordinal),
        batch.map((u) => u.paragraph),
        batch.map((u) => u.start),
        batch.map((u) => u.end),
        batch.map((u) => u.tokens),
      ]);
    }
    await client.query("COMMIT");
    return id;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** The document of a project with these exact bytes, if any (the duplicate check before import). */
export async function bulkFindDocumentBySha(
  url: string,
  projectId: string,
  sha256: string,
): Promise<{ id: string; title: string; originalFilename: string } | null> {
  if (isPostgresUrl(url)) {
    const res = await (await postgresPool(url)).query<{ id: string; title: string; originalFilename: string }>(
      `SELECT "id", "title", "originalFilename" FROM "Document" WHERE "projectId" = $1 AND "sha256" = $2`,
      [projectId, sha256],
    );
    return res.rows[0] ?? null;
  }
  const row = sqliteConnection(url)
    .prepare(`SELECT "id", "title", "originalFilename" FROM "Document" WHERE "projectId" = ? AND "sha256" = ?`)
    .get(projectId, sha256) as { id: string; title: string; originalFilename: string } | undefined;
  return row ?? null;
}

// ---------------------------------------------------------------- one coding and its audit event

/** A coding row as the coding write path has validated it (ids chosen by the caller). */
export type CodingInsertRow = {
  id: string;
  projectId: string;
  documentId: string;
  codeId: string;
  coderId: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  comment: string;
};

/** An AuditEvent row, `detail` already JSON. */
export type AuditInsertRow = {
  id: string;
  projectId: string;
  actor: string;
  kind: string;
  entity: string;
  entityId: string;
  action: string;
  documentId: string | null;
  codeId: string | null;
  detail: string;
};

const CODING_COLUMNS = ["id", "projectId", "documentId", "codeId", "coderId", "start", "end", "quote", "prefix", "suffix", "comment", "version", "createdAt", "updatedAt"] as const;
const AUDIT_COLUMNS = ["id", "projectId", "at", "actor", "kind", "entity", "entityId", "action", "documentId", "codeId", "detail"] as const;
const columnList = (cs: readonly string[]) => cs.map((c) => `"${c}"`).join(", ");

/**
 * Inserts a coding and its audit event in one transaction, the hot write path of coding:
 * through Prisma a transaction costs several adapter round trips (BEGIN, two inserts,
 * COMMIT) and more than doubled the time to code a passage; here it is one synchronous
 * SQLite transaction, or one PostgreSQL statement (a data-modifying CTE is atomic).
 * Returns the stored timestamp. A duplicate coding fails on the unique index as before.
 */
export async function insertCodingWithEvent(url: string, coding: CodingInsertRow, event: AuditInsertRow): Promise<Date> {
  const at = new Date();
  if (isPostgresUrl(url)) {
    const wall = at.toISOString().replace("Z", "");
    const c = { ...coding, version: 1, createdAt: wall, updatedAt: wall };
    const e = { ...event, at: wall };
    const n = CODING_COLUMNS.length;
    await (await postgresPool(url)).query(
      `WITH c AS (INSERT INTO "Coding" (${columnList(CODING_COLUMNS)}) VALUES (${CODING_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING "id")
       INSERT INTO "AuditEvent" (${columnList(AUDIT_COLUMNS)}) SELECT ${AUDIT_COLUMNS.map((k, i) => (k === "at" ? `$${n + i + 1}::timestamp(3)` : `$${n + i + 1}`)).join(", ")} FROM c`,
      [...CODING_COLUMNS.map((k) => c[k]), ...AUDIT_COLUMNS.map((k) => e[k])],
    );
    return at;
  }
  const conn = sqliteConnection(url);
  const stamp = prismaSqliteDate(at);
  const c = { ...coding, version: 1, createdAt: stamp, updatedAt: stamp };
  const e = { ...event, at: stamp };
  const insertCoding = conn.prepare(`INSERT INTO "Coding" (${columnList(CODING_COLUMNS)}) VALUES (${CODING_COLUMNS.map(() => "?").join(", ")})`);
  const insertEvent = conn.prepare(`INSERT INTO "AuditEvent" (${columnList(AUDIT_COLUMNS)}) VALUES (${AUDIT_COLUMNS.map(() => "?").join(", ")})`);
  conn.transaction(() => {
    insertCoding.run(CODING_COLUMNS.map((k) => c[k]));
    insertEvent.run(AUDIT_COLUMNS.map((k) => e[k]));
  })();
  return at;
}
