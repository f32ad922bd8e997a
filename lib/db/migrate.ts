import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import type pg from "pg";
import { AppError } from "../errors";
import { isPostgresUrl, resolveDatabaseUrl, sqliteFileOf } from "./url";

/**
 * Juncture applies its committed migrations itself, on SQLite and PostgreSQL alike: Prisma's
 * CLI on the JS engine cannot introspect PostgreSQL here, and spawning it costs a second on
 * every start. Each provider has its own SQL, produced by `prisma migrate diff`
 * (prisma/migrations for SQLite, prisma/postgres/migrations for PostgreSQL) under the same
 * names. Applied migrations are recorded in Prisma's own `_prisma_migrations` table (same
 * columns, checksum = SHA-256 of migration.sql), so Prisma's tools and Juncture agree.
 * A migration runs in one transaction with its record: it is applied whole or not at all.
 */

// Two folders below the root both here (lib/db) and in the CLI bundle (dist/cli).
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export type Provider = "sqlite" | "postgresql";

export function migrationsDirOf(provider: Provider): string {
  return provider === "sqlite" ? path.join(ROOT, "prisma", "migrations") : path.join(ROOT, "prisma", "postgres", "migrations");
}

type LocalMigration = { name: string; sql: string; checksum: string; checksums: Set<string> };

const sha256 = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");

/**
 * The committed migrations, in order, with the checksums Prisma may have recorded for
 * each: SHA-256 of migration.sql as it is, and with its line endings as the other
 * platform writes them (a checkout may have converted them since it was applied).
 */
function localMigrations(provider: Provider): LocalMigration[] {
  const dir = migrationsDirOf(provider);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, "migration.sql"));
      const lf = bytes.toString("utf8").replace(/\r\n/g, "\n");
      return {
        name,
        sql: bytes.toString("utf8"),
        checksum: sha256(bytes),
        checksums: new Set([sha256(bytes), sha256(lf), sha256(lf.replace(/\n/g, "\r\n"))]),
      };
    });
}

export type MigrationState =
  | { status: "current" }
  /** Committed migrations not yet applied (all of them for a new or empty database). */
  | { status: "behind"; pending: string[] }
  /** Applied migrations this code does not have: the database was used by a newer version. */
  | { status: "ahead"; unknown: string[] }
  /** Applied migrations whose SQL differs from the committed file of the same name. */
  | { status: "diverged"; changed: string[] }
  /** Migrations that started and never finished (left by Prisma's own tools). */
  | { status: "failed"; failed: string[] };

type AppliedRow = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

/** What a database holds, and how to apply one migration to it. */
interface MigrationStore {
  readonly label: string;
  applied(): Promise<AppliedRow[]>;
  /** Runs the migration and records it in one transaction, after re-checking under a lock. */
  apply(migration: LocalMigration): Promise<void>;
  close(): Promise<void>;
}

function stateOf(local: LocalMigration[], rows: AppliedRow[]): MigrationState {
  const live = rows.filter((r) => r.rolled_back_at === null);
  const failed = live.filter((r) => r.finished_at === null).map((r) => r.migration_name);
  if (failed.length > 0) return { status: "failed", failed };
  const byName = new Map(local.map((m) => [m.name, m]));
  const unknown = live.filter((r) => !byName.has(r.migration_name)).map((r) => r.migration_name);
  if (unknown.length > 0) return { status: "ahead", unknown };
  const changed = live.filter((r) => !byName.get(r.migration_name)?.checksums.has(r.checksum)).map((r) => r.migration_name);
  if (changed.length > 0) return { status: "diverged", changed };
  const applied = new Set(live.map((r) => r.migration_name));
  const pending = local.filter((m) => !applied.has(m.name)).map((m) => m.name);
  return pending.length > 0 ? { status: "behind", pending } : { status: "current" };
}

// ---------------------------------------------------------------- SQLite

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

function sqliteStore(url: string, { create }: { create: boolean }): MigrationStore | null {
  const file = sqliteFileOf(url);
  if (!create && !fs.existsSync(file)) return null;
  if (create) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { readonly: !create, fileMustExist: !create });
  db.pragma("busy_timeout = 10000");
  const notSqlite = () => new AppError("invalid_input", { en: `${file} is not a SQLite database`, zh: `${file} 不是 SQLite 数据库文件` });
  const readRows = (): AppliedRow[] => {
    try {
      const table = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'").get();
      return table
        ? (db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations`).all() as AppliedRow[])
        : [];
    } catch (e) {
      if ((e as { code?: string }).code === "SQLITE_NOTADB") throw notSqlite();
      throw e;
    }
  };
  return {
    label: file,
    applied: async () => readRows(),
    apply: async (m) => {
      // BEGIN IMMEDIATE takes the write lock first, so two processes migrating the same new
      // file apply each migration once: the second sees the first's record and skips.
      db.prepare("BEGIN IMMEDIATE").run();
      try {
        if (readRows().some((r) => r.migration_name === m.name && r.rolled_back_at === null)) {
          db.prepare("ROLLBACK").run();
          return;
        }
        db.exec(SQLITE_TABLE);
        db.exec(m.sql);
        const now = new Date().toISOString().replace("Z", "+00:00");
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), m.checksum, now, m.name, now);
        db.prepare("COMMIT").run();
      } catch (e) {
        if (db.inTransaction) db.prepare("ROLLBACK").run();
        throw e;
      }
    },
    close: async () => {
      db.close();
    },
  };
}

// ---------------------------------------------------------------- PostgreSQL

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Any constant: all Juncture processes migrating one PostgreSQL database queue on it.
const MIGRATION_LOCK = 74_117_301;

async function postgresStore(url: string): Promise<MigrationStore> {
  const { default: driver } = await import("pg"); // loaded only for PostgreSQL databases
  const client: pg.Client = new driver.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    throw new AppError("invalid_input", {
      en: `cannot connect to the PostgreSQL database in DATABASE_URL: ${(e as Error).message}`,
      zh: `无法连接 DATABASE_URL 指定的 PostgreSQL 数据库：${(e as Error).message}`,
    });
  }
  const readRows = async (): Promise<AppliedRow[]> => {
    const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
    if (!exists.rows[0]?.present) return [];
    const res = await client.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    return res.rows;
  };
  return {
    label: url.replace(/\/\/[^@/]*@/, "//"),
    applied: readRows,
    apply: async (m) => {
      await client.query("BEGIN");
      try {
        await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
        if ((await readRows()).some((r) => r.migration_name === m.name && r.rolled_back_at === null)) {
          await client.query("ROLLBACK");
          return;
        }
        await client.query(POSTGRES_TABLE);
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      }
    },
    close: () => client.end(),
  };
}

// ---------------------------------------------------------------- both

function providerOf(url: string): Provider {
  return isPostgresUrl(url) ? "postgresql" : "sqlite";
}

/** Compares the database's applied migrations with the committed ones (names and checksums). */
export async function migrationState(url: string = resolveDatabaseUrl()): Promise<MigrationState> {
  const local = localMigrations(providerOf(url));
  const store = isPostgresUrl(url) ? await postgresStore(url) : sqliteStore(url, { create: false });
  if (!store) return { status: "behind", pending: local.map((m) => m.name) };
  try {
    return stateOf(local, await store.applied());
  } finally {
    await store.close();
  }
}

function refusal(state: Exclude<MigrationState, { status: "current" | "behind" }>, label: string): AppError {
  switch (state.status) {
    case "ahead":
      return new AppError(
        "conflict",
        {
          en: `the database ${label} was migrated by a newer version of Juncture (${state.unknown.join(", ")}); update Juncture or use another DATABASE_URL`,
          zh: "数据库由更新版本的 Juncture 创建，请升级 Juncture 或换用其他数据库",
        },
        { unknown: state.unknown },
      );
    case "diverged":
      return new AppError(
        "conflict",
        {
          en: `the database ${label} applied migrations that differ from this version's (${state.changed.join(", ")}); it was made from other code — use another DATABASE_URL`,
          zh: "数据库的迁移与本版本不一致，请换用其他数据库",
        },
        { changed: state.changed },
      );
    case "failed":
      return new AppError(
        "conflict",
        {
          en: `a migration of the database ${label} did not finish (${state.failed.join(", ")}); restore a backup or resolve it with prisma migrate resolve`,
          zh: "数据库迁移未完成，请恢复备份或用 prisma migrate resolve 处理",
        },
        { failed: state.failed },
      );
  }
}

/**
 * Brings the database up to the committed migrations. A current database costs one read
 * of the migrations table; a database ahead of or diverging from the code is refused with
 * the reason, never migrated.
 */
export async function migrateDatabase(url: string = resolveDatabaseUrl()): Promise<void> {
  const local = localMigrations(providerOf(url));
  if (!isPostgresUrl(url)) {
    const state = await migrationState(url);
    if (state.status === "current") return;
    if (state.status !== "behind") throw refusal(state, sqliteFileOf(url));
  }
  const store = isPostgresUrl(url) ? await postgresStore(url) : (sqliteStore(url, { create: true }) as MigrationStore);
  try {
    const state = stateOf(local, await store.applied());
    if (state.status === "current") return;
    if (state.status !== "behind") throw refusal(state, store.label);
    for (const m of local.filter((l) => state.pending.includes(l.name))) await store.apply(m);
  } finally {
    await store.close();
  }
}
