import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { isPostgresUrl } from "./url";

/**
 * Bulk writes for import. Prisma's JS engine costs ~0.1–1.5 ms per inserted row,
 * which would make importing a million characters (≈35,000 units) take minutes;
 * a prepared statement on the same SQLite file costs microseconds. The SQL is
 * plain INSERT, so a PostgreSQL team server gets its own driver path (multi-row
 * INSERT or COPY through pg) behind the same function.
 */

const connections = new Map<string, Database.Database>();

function sqliteConnection(url: string): Database.Database {
  const file = url.replace(/^file:/, "");
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

/** Closes bulk connections (tests and benchmarks that delete their database files). */
export function closeBulkConnections(url?: string) {
  for (const [file, conn] of connections) {
    if (!url || url.replace(/^file:/, "") === file) {
      conn.close();
      connections.delete(file);
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

function unitInsert(conn: Database.Database, rows: number): Database.Statement {
  return conn.prepare(
    `INSERT INTO "Unit" (${UNIT_COLUMNS}) VALUES ${Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
  );
}

/**
 * Inserts one document row and its units in ONE transaction; any failure rolls
 * everything back. Returns the new document's id.
 */
export function bulkInsertDocument(url: string, doc: BulkDocument, units: BulkUnit[]): string {
  if (isPostgresUrl(url)) throw new Error("bulk insert for PostgreSQL arrives with the team server");
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
      // Unit ids derive from the document id: stable, unique, and clustered in the
      // primary-key index (random ids would scatter every insert across it).
      for (const u of batch) params.push(`${id}:${u.kind[0]}${u.ordinal}`, id, u.kind, u.ordinal, u.paragraph, u.start, u.end, u.tokens);
      (batch.length === UNITS_PER_STATEMENT ? full : unitInsert(conn, batch.length)).run(params);
    }
  })();
  return id;
}

/** The document of a project with these exact bytes, if any (the duplicate check before import). */
export function bulkFindDocumentBySha(
  url: string,
  projectId: string,
  sha256: string,
): { id: string; title: string; originalFilename: string } | null {
  if (isPostgresUrl(url)) throw new Error("bulk queries for PostgreSQL arrive with the team server");
  const row = sqliteConnection(url)
    .prepare(`SELECT "id", "title", "originalFilename" FROM "Document" WHERE "projectId" = ? AND "sha256" = ?`)
    .get(projectId, sha256) as { id: string; title: string; originalFilename: string } | undefined;
  return row ?? null;
}
