import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { resolveDatabaseUrl } from "./url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

function migrationNames(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** True when every committed migration is recorded as applied in the SQLite file. */
export function isUpToDate(url: string = resolveDatabaseUrl()): boolean {
  const file = url.replace(/^file:/, "");
  if (!fs.existsSync(file)) return false;
  const sqlite = new Database(file, { readonly: true });
  try {
    const table = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'")
      .get();
    if (!table) return false;
    const rows = sqlite
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as { migration_name: string }[];
    const applied = new Set(rows.map((r) => r.migration_name));
    return migrationNames().every((m) => applied.has(m));
  } finally {
    sqlite.close();
  }
}

/**
 * Applies the committed SQL migrations with `prisma migrate deploy` (JS engine,
 * offline). A no-op when the database is already current, so start-up stays fast.
 */
export function migrateDatabase(url: string = resolveDatabaseUrl()): void {
  if (isUpToDate(url)) return;
  const file = url.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
