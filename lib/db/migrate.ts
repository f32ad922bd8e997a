import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { AppError } from "../errors";
import { isPostgresUrl, resolveDatabaseUrl } from "./url";

// Two folders below the root both here (lib/db) and in the CLI bundle (dist/cli).
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

type LocalMigration = { name: string; checksums: Set<string> };

const sha256 = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");

/**
 * The committed migrations, in order, with the checksums Prisma may have recorded for
 * each: SHA-256 of migration.sql as it is, and with its line endings as the other
 * platform writes them (a checkout may have converted them since it was applied).
 */
function localMigrations(): LocalMigration[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"));
      const lf = sql.toString("utf8").replace(/\r\n/g, "\n");
      return { name, checksums: new Set([sha256(sql), sha256(lf), sha256(lf.replace(/\n/g, "\r\n"))]) };
    });
}

export type MigrationState =
  | { status: "current" }
  /** Committed migrations not yet applied (all of them for a new or empty file). */
  | { status: "behind"; pending: string[] }
  /** Applied migrations this code does not have: the file was used by a newer version. */
  | { status: "ahead"; unknown: string[] }
  /** Applied migrations whose SQL differs from the committed file of the same name. */
  | { status: "diverged"; changed: string[] }
  /** Migrations that started and never finished (Prisma refuses to go on from there). */
  | { status: "failed"; failed: string[] };

type AppliedRow = { migration_name: string; checksum: string; finished_at: string | null; rolled_back_at: string | null };

/**
 * Compares the `_prisma_migrations` table of a SQLite file with the committed
 * migrations (names and checksums), reading the file only: no Prisma, no child process.
 */
export function migrationState(url: string = resolveDatabaseUrl()): MigrationState {
  const local = localMigrations();
  const file = url.replace(/^file:/, "");
  if (!fs.existsSync(file)) return { status: "behind", pending: local.map((m) => m.name) };
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  let rows: AppliedRow[];
  try {
    const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'").get();
    rows = table
      ? (sqlite
          .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations WHERE rolled_back_at IS NULL`)
          .all() as AppliedRow[])
      : [];
  } catch (e) {
    if ((e as { code?: string }).code !== "SQLITE_NOTADB") throw e;
    throw new AppError("invalid_input", { en: `${file} is not a SQLite database`, zh: `${file} 不是 SQLite 数据库文件` });
  } finally {
    sqlite.close();
  }
  const failed = rows.filter((r) => r.finished_at === null).map((r) => r.migration_name);
  if (failed.length > 0) return { status: "failed", failed };
  const byName = new Map(local.map((m) => [m.name, m]));
  const unknown = rows.filter((r) => !byName.has(r.migration_name)).map((r) => r.migration_name);
  if (unknown.length > 0) return { status: "ahead", unknown };
  const changed = rows.filter((r) => !byName.get(r.migration_name)?.checksums.has(r.checksum)).map((r) => r.migration_name);
  if (changed.length > 0) return { status: "diverged", changed };
  const applied = new Set(rows.map((r) => r.migration_name));
  const pending = local.filter((m) => !applied.has(m.name)).map((m) => m.name);
  return pending.length > 0 ? { status: "behind", pending } : { status: "current" };
}

/** True when every committed migration is applied and nothing else is. */
export function isUpToDate(url: string = resolveDatabaseUrl()): boolean {
  return migrationState(url).status === "current";
}

function refusal(state: Exclude<MigrationState, { status: "current" | "behind" }>, file: string): AppError {
  switch (state.status) {
    case "ahead":
      return new AppError(
        "conflict",
        `the database ${file} was migrated by a newer version of Juncture (${state.unknown.join(", ")}); ` +
          "update Juncture or use another DATABASE_URL / 数据库由更新版本的 Juncture 创建，请升级 Juncture 或换用其他数据库",
        { unknown: state.unknown },
      );
    case "diverged":
      return new AppError(
        "conflict",
        `the database ${file} applied migrations that differ from this version's (${state.changed.join(", ")}); ` +
          "it was made from other code — use another DATABASE_URL / 数据库的迁移与本版本不一致，请换用其他数据库",
        { changed: state.changed },
      );
    case "failed":
      return new AppError(
        "conflict",
        `a migration of the database ${file} did not finish (${state.failed.join(", ")}); ` +
          "restore a backup or resolve it with prisma migrate resolve / 数据库迁移未完成，请恢复备份或用 prisma migrate resolve 处理",
        { failed: state.failed },
      );
  }
}

/**
 * Brings the database up to the committed migrations. Reads the migrations table first
 * and runs `prisma migrate deploy` (JS engine, offline; a child process costing about a
 * second) only when the database is behind; a database ahead of or diverging from the
 * code is refused with the reason, never migrated.
 */
export function migrateDatabase(url: string = resolveDatabaseUrl()): void {
  if (!isPostgresUrl(url)) {
    const file = url.replace(/^file:/, "");
    const state = migrationState(url);
    if (state.status === "current") return;
    if (state.status !== "behind") throw refusal(state, file);
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
