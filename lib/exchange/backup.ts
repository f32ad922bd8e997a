import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import pg from "pg";
import { AppError } from "../errors";
import { migrationsDirOf } from "../db/migrate";
import { isPostgresUrl, sqliteFileOf } from "../db/url";

/**
 * Backup and restore of a whole Juncture database, portable between SQLite and PostgreSQL.
 *
 * The file is gzip'd JSON lines: a header (format, version, source provider, applied
 * migrations), then per table a line naming its columns, one JSON array per row, and a line
 * with the table's row count; a last line marks the file complete. Values are written in one
 * portable form whatever the database (DateTime as ISO 8601 UTC with "Z", Boolean as
 * true/false), so a backup of SQLite restores on PostgreSQL and back.
 *
 * Reading happens in one read transaction (a WAL snapshot on SQLite, REPEATABLE READ on
 * PostgreSQL): the backup is consistent while the server keeps writing. Restoring writes
 * everything in one transaction: a corrupt, truncated or too-new file leaves nothing behind.
 */

export const BACKUP_FORMAT = "juncture-backup";
export const BACKUP_VERSION = 1;

/**
 * Every table, parents before children (the order rows are inserted in on restore).
 * tests/exchange/backup.test.ts checks that this list and BACKUP_LEFT_OUT together name
 * every model of the Prisma schema, so a new model cannot be silently left out.
 */
export const BACKUP_TABLES = [
  "User",
  "Project",
  "Membership",
  "Document",
  "Unit",
  "Code",
  "CodeGroup",
  "CodeGroupMember",
  "Coding",
  "Memo",
  "SuggestionDecision",
  "Stage",
  "Juncture",
  "JunctureEvidence",
  "PeriodChange",
  "ConsensusDecision",
  "DocumentVariable",
  "DocumentVariableValue",
  "ProjectStopWord",
  "Round",
  "RoundDocument",
  "RoundCoder",
  "AuditEvent",
] as const;

/**
 * Tables not backed up. Sign-in sessions: restoring them would revive browser logins.
 * DocumentWordCounts: derived from the units' tokens (which are backed up) and recomputed by the
 * first word-frequency query that needs a document (lib/analysis/words.ts), so a restored
 * project starts without them.
 */
export const BACKUP_LEFT_OUT = ["Session", "DocumentWordCounts"] as const;

/** Tables whose rows reference rows of the same table: written parents first (PostgreSQL's foreign keys are not deferrable). */
const SELF_REFERENCES: Record<string, string> = { Code: "parentId" };

type Value = string | number | boolean | null;
type ColumnKind = "datetime" | "boolean" | "other";
type TableInfo = { columns: string[]; kinds: Map<string, ColumnKind>; primaryKey: string[] };

export type BackupSummary = { file: string; bytes: number; rows: Record<string, number>; provider: "sqlite" | "postgresql" };
export type RestoreSummary = { rows: Record<string, number>; source: string };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Any stored DateTime form (ISO with Z or +00:00, "yyyy-mm-dd hh:mm:ss" in UTC, epoch ms) as ISO 8601 with "Z". */
function isoDate(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v)).toISOString();
  const s = String(v).trim().replace(" ", "T");
  const d = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s}Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`unreadable date: ${String(v)}`);
  return d.toISOString();
}

function portable(kind: ColumnKind | undefined, v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (kind === "datetime") return isoDate(v);
  if (kind === "boolean") return v === true || v === 1 || v === "1" || v === "t" || v === "true";
  if (typeof v === "bigint") return Number(v);
  return v as Value;
}

function kindOf(declared: string): ColumnKind {
  const t = declared.toLowerCase();
  if (t.includes("timestamp") || t.includes("datetime")) return "datetime";
  if (t.includes("bool")) return "boolean";
  return "other";
}

/** Parents before children within one self-referencing table. */
function parentsFirst(rows: Value[][], idIndex: number, parentIndex: number): Value[][] {
  const byId = new Map(rows.map((r) => [r[idIndex] ?? null, r]));
  const done = new Set<Value>();
  const out: Value[][] = [];
  const visit = (r: Value[], depth: number) => {
    const id = r[idIndex] ?? null;
    if (done.has(id) || depth > rows.length) return;
    const parentId = r[parentIndex] ?? null;
    const parent = parentId === null ? undefined : byId.get(parentId);
    if (parent) visit(parent, depth + 1);
    done.add(id);
    out.push(r);
  };
  for (const r of rows) visit(r, 0);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Database access: one small interface over better-sqlite3 and pg, so dump and restore are written once.

type Source = {
  provider: "sqlite" | "postgresql";
  table(name: string): Promise<TableInfo | null>;
  /** All rows of a table, in primary-key order, as arrays in `columns` order (raw driver values). */
  rows(name: string, info: TableInfo): AsyncIterable<unknown[]>;
  count(name: string): Promise<number>;
  migrations(): Promise<string[]>;
  begin(write: boolean): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  insert(name: string, columns: string[], rows: Value[][]): Promise<void>;
  close(): Promise<void>;
};

function sqliteSource(url: string): Source {
  const conn = new Database(sqliteFileOf(url), { fileMustExist: true });
  conn.pragma("busy_timeout = 10000");
  conn.pragma("foreign_keys = ON");
  const statements = new Map<string, Database.Statement>();
  return {
    provider: "sqlite",
    async table(name) {
      const cols = conn.prepare(`PRAGMA table_info(${q(name)})`).all() as { name: string; type: string; pk: number }[];
      if (cols.length === 0) return null;
      return {
        columns: cols.map((c) => c.name),
        kinds: new Map(cols.map((c) => [c.name, kindOf(c.type)])),
        primaryKey: cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      };
    },
    async *rows(name, info) {
      const stmt = conn.prepare(`SELECT ${info.columns.map(q).join(", ")} FROM ${q(name)} ORDER BY ${info.primaryKey.map(q).join(", ")}`).raw(true);
      for (const row of stmt.iterate()) yield row as unknown[];
    },
    async count(name) {
      return (conn.prepare(`SELECT COUNT(*) AS n FROM ${q(name)}`).get() as { n: number }).n;
    },
    async migrations() {
      const exists = conn.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
      if (!exists) return [];
      return (conn.prepare(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`).all() as { name: string }[]).map((r) => r.name);
    },
    async begin(write) {
      // A deferred BEGIN takes its WAL snapshot at the first read; IMMEDIATE locks out other writers while restoring.
      conn.exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
    },
    async commit() {
      conn.exec("COMMIT");
    },
    async rollback() {
      if (conn.inTransaction) conn.exec("ROLLBACK");
    },
    async insert(name, columns, rows) {
      const key = `${name}:${rows.length}`;
      let stmt = statements.get(key);
      if (!stmt) {
        const tuple = `(${columns.map(() => "?").join(", ")})`;
        stmt = conn.prepare(`INSERT INTO ${q(name)} (${columns.map(q).join(", ")}) VALUES ${Array.from({ length: rows.length }, () => tuple).join(", ")}`);
        statements.set(key, stmt);
      }
      stmt.run(rows.flat());
    },
    async close() {
      conn.close();
    },
  };
}

// Raw text for timestamps: pg would otherwise read "timestamp without time zone" as local time.
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 1114 || oid === 1184 ? (s: string) => s : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

function postgresSource(url: string): Source {
  const client = new pg.Client({ connectionString: url, types: PG_TYPES });
  let connected: Promise<unknown> | null = null;
  const c = async () => {
    connected ??= client.connect();
    await connected;
    return client;
  };
  const PAGE = 5000;
  return {
    provider: "postgresql",
    async table(name) {
      const db = await c();
      const cols = await db.query<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
        [name],
      );
      if (cols.rows.length === 0) return null;
      const pk = await db.query<{ attname: string }>(
        `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
         WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
        [q(name)],
      );
      return {
        columns: cols.rows.map((r) => r.column_name),
        kinds: new Map(cols.rows.map((r) => [r.column_name, kindOf(r.data_type)])),
        primaryKey: pk.rows.map((r) => r.attname),
      };
    },
    async *rows(name, info) {
      // Keyset pages in primary-key order: memory stays bounded and each page is an index range scan.
      const db = await c();
      const select = `SELECT ${info.columns.map(q).join(", ")} FROM ${q(name)}`;
      const order = `ORDER BY ${info.primaryKey.map(q).join(", ")} LIMIT ${PAGE}`;
      const keyIdx = info.primaryKey.map((k) => info.columns.indexOf(k));
      let last: unknown[] | null = null;
      for (;;) {
        const where: string = last
          ? `WHERE (${info.primaryKey.map(q).join(", ")}) > (${info.primaryKey.map((_, i) => `$${i + 1}`).join(", ")})`
          : "";
        const res: pg.QueryArrayResult<unknown[]> = await db.query({ text: `${select} ${where} ${order}`, values: last ?? [], rowMode: "array" });
        for (const row of res.rows) yield row;
        if (res.rows.length < PAGE) return;
        const tail = res.rows[res.rows.length - 1]!;
        last = keyIdx.map((i) => tail[i]);
      }
    },
    async count(name) {
      const res = await (await c()).query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${q(name)}`);
      return Number(res.rows[0]!.n);
    },
    async migrations() {
      const db = await c();
      const exists = await db.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'`);
      if (exists.rows.length === 0) return [];
      const res = await db.query<{ name: string }>(
        `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      );
      return res.rows.map((r) => r.name);
    },
    async begin(write) {
      await (await c()).query(write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    },
    async commit() {
      await (await c()).query("COMMIT");
    },
    async rollback() {
      await (await c()).query("ROLLBACK").catch(() => undefined);
    },
    async insert(name, columns, rows) {
      const params: Value[] = [];
      const tuples = rows.map((r, i) => {
        params.push(...r);
        return `(${columns.map((_, j) => `$${i * columns.length + j + 1}`).join(", ")})`;
      });
      await (await c()).query(`INSERT INTO ${q(name)} (${columns.map(q).join(", ")}) VALUES ${tuples.join(", ")}`, params);
    },
    async close() {
      if (connected) await client.end().catch(() => undefined);
    },
  };
}

function openSource(url: string): Source {
  return isPostgresUrl(url) ? postgresSource(url) : sqliteSource(url);
}

// ---------------------------------------------------------------------------------------------
// Backup

/** Writes a backup of the database at `url` to `out` (via a temporary file: a failed backup leaves no file). */
export async function backupDatabase(url: string, out: string): Promise<BackupSummary> {
  const src = openSource(url);
  const tmp = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.part`);
  const gz = zlib.createGzip({ level: 6 });
  const file = fs.createWriteStream(tmp);
  gz.pipe(file);
  const write = async (value: unknown) => {
    if (!gz.write(JSON.stringify(value) + "\n")) await once(gz, "drain");
  };
  const rows: Record<string, number> = {};
  try {
    await src.begin(false);
    await write({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), provider: src.provider, migrations: await src.migrations() });
    for (const name of BACKUP_TABLES) {
      const info = await src.table(name);
      if (!info) throw new Error(`table ${name} is missing: the database is not migrated`);
      await write({ table: name, columns: info.columns });
      const kinds = info.columns.map((c) => info.kinds.get(c));
      const convert = (r: unknown[]) => r.map((v, i) => portable(kinds[i], v));
      let n = 0;
      const parent = SELF_REFERENCES[name];
      if (parent) {
        const all: Value[][] = [];
        for await (const r of src.rows(name, info)) all.push(convert(r));
        for (const r of parentsFirst(all, info.columns.indexOf("id"), info.columns.indexOf(parent))) {
          await write(r);
          n++;
        }
      } else {
        for await (const r of src.rows(name, info)) {
          await write(convert(r));
          n++;
        }
      }
      await write({ end: name, rows: n });
      rows[name] = n;
    }
    await write({ complete: true, tables: BACKUP_TABLES.length });
    await src.commit();
    gz.end();
    await once(file, "close");
    fs.renameSync(tmp, out);
  } catch (e) {
    await src.rollback();
    gz.destroy();
    file.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    await src.close();
  }
  return { file: path.resolve(out), bytes: fs.statSync(out).size, rows, provider: src.provider };
}

// ---------------------------------------------------------------------------------------------
// Restore

const corrupt = (why: string) =>
  new AppError("unprocessable", {
    en: `not a readable Juncture backup (${why}); nothing was restored`,
    zh: `不是可读取的 Juncture 备份（${why}），未恢复任何数据`,
  });

/** The lines of a gzip'd text file; a truncated or damaged gzip stream throws. */
async function* gzipLines(file: string): AsyncGenerator<string> {
  const gunzip = zlib.createGunzip();
  const input = fs.createReadStream(file);
  input.on("error", (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      let nl: number;
      while ((nl = rest.indexOf("\n")) >= 0) {
        yield rest.slice(0, nl);
        rest = rest.slice(nl + 1);
      }
    }
  } catch (e) {
    throw corrupt((e as Error).message);
  }
  rest += decoder.end();
  if (rest) yield rest;
}

/** The target database's value for a portable one. */
function stored(provider: "sqlite" | "postgresql", kind: ColumnKind | undefined, v: Value): Value {
  if (v === null) return null;
  if (kind === "datetime") {
    const iso = isoDate(v)!;
    // The forms Prisma itself writes: ISO with +00:00 on SQLite, the UTC wall time in timestamp(3) on PostgreSQL.
    return provider === "sqlite" ? iso.replace("Z", "+00:00") : iso.replace("Z", "");
  }
  if (kind === "boolean") return provider === "sqlite" ? (v ? 1 : 0) : !!v;
  return v;
}

// Rows per INSERT: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const PARAMS_PER_STATEMENT = 30_000;
const MAX_ROWS_PER_STATEMENT = 500;

/**
 * Restores a backup into the (migrated, empty) database at `url`, in one transaction.
 * Refuses a non-empty database, a file from a newer Juncture, and a damaged file, writing nothing.
 */
export async function restoreDatabase(url: string, file: string): Promise<RestoreSummary> {
  if (!fs.existsSync(file)) throw new AppError("not_found", { en: `no such file: ${file}`, zh: `文件不存在：${file}` });
  const dst = openSource(url);
  const rows: Record<string, number> = {};
  let source = "";
  try {
    await dst.begin(true);
    const occupied: string[] = [];
    for (const name of [...BACKUP_TABLES, ...BACKUP_LEFT_OUT]) {
      const n = await dst.count(name);
      if (n > 0) occupied.push(`${name}: ${n}`);
    }
    if (occupied.length > 0) {
      throw new AppError("conflict", {
        en: `the database is not empty (${occupied.join(", ")}); restore only into a new, empty database`,
        zh: `数据库不是空的（${occupied.join("，")}）；只能恢复到新建的空数据库`,
      });
    }
    const known = new Set(fs.readdirSync(migrationsDirOf(dst.provider)));

    const lines = gzipLines(file);
    const next = async (): Promise<unknown> => {
      const r = await lines.next();
      if (r.done) throw corrupt("the file ends early");
      try {
        return JSON.parse(r.value);
      } catch {
        throw corrupt("a line is not JSON");
      }
    };

    const header = (await next()) as { format?: unknown; version?: unknown; provider?: unknown; migrations?: unknown };
    if (header?.format !== BACKUP_FORMAT || typeof header.version !== "number") throw corrupt("no Juncture backup header");
    if (header.version > BACKUP_VERSION) {
      throw new AppError("unsupported", {
        en: `this backup was written in format version ${header.version} by a newer Juncture (this one reads up to ${BACKUP_VERSION}); update Juncture to restore it`,
        zh: `此备份由较新的 Juncture 写成（格式版本 ${header.version}，本版本最多读取 ${BACKUP_VERSION}）；请先升级 Juncture 再恢复`,
      });
    }
    const newer = (Array.isArray(header.migrations) ? header.migrations : []).filter((m) => !known.has(String(m)));
    if (newer.length > 0) {
      throw new AppError("unsupported", {
        en: `this backup comes from a newer Juncture (database migrations unknown here: ${newer.join(", ")}); update Juncture to restore it`,
        zh: `此备份来自较新的 Juncture（本版本不认识的数据库迁移：${newer.join("，")}）；请先升级 Juncture 再恢复`,
      });
    }
    source = String(header.provider ?? "");

    for (const expected of BACKUP_TABLES) {
      const start = (await next()) as { table?: unknown; columns?: unknown };
      if (start?.table !== expected || !Array.isArray(start.columns)) throw corrupt(`table ${expected} expected`);
      const info = await dst.table(expected);
      if (!info) throw new Error(`table ${expected} is missing: the database is not migrated`);
      const columns = start.columns.map(String);
      const unknown = columns.filter((c) => !info.kinds.has(c));
      if (unknown.length > 0) throw corrupt(`columns unknown to this Juncture: ${expected}.${unknown.join(", ")}`);
      const kinds = columns.map((c) => info.kinds.get(c));
      const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(PARAMS_PER_STATEMENT / columns.length)));
      let batch: Value[][] = [];
      let n = 0;
      for (;;) {
        const line = await next();
        if (!Array.isArray(line)) {
          const end = line as { end?: unknown; rows?: unknown };
          if (end?.end !== expected || end.rows !== n) throw corrupt(`table ${expected} is incomplete`);
          break;
        }
        if (line.length !== columns.length) throw corrupt(`a row of ${expected} has ${line.length} values for ${columns.length} columns`);
        batch.push(line.map((v, i) => stored(dst.provider, kinds[i], v as Value)));
        n++;
        if (batch.length === perStatement) {
          await dst.insert(expected, columns, batch);
          batch = [];
        }
      }
      if (batch.length > 0) await dst.insert(expected, columns, batch);
      rows[expected] = n;
    }
    const last = (await next()) as { complete?: unknown };
    if (last?.complete !== true) throw corrupt("no end marker");
    await dst.commit();
  } catch (e) {
    await dst.rollback();
    throw e;
  } finally {
    await dst.close();
  }
  return { rows, source };
}
