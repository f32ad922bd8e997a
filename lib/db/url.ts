import path from "node:path";

/**
 * The one place that knows how a database URL names a SQLite file (`file:` URLs), so the
 * Prisma client, the bulk writer, migrations and the test helpers all open the same file.
 */

/** The embedded default: a SQLite file under data/ at the project root. */
export const DEFAULT_SQLITE_FILE = path.resolve(process.cwd(), "data", "juncture.db");

/** DATABASE_URL if set, else the embedded SQLite file. */
export function resolveDatabaseUrl(): string {
  const url = process.env.DATABASE_URL?.trim();
  return url && url.length > 0 ? url : sqliteUrlOf(DEFAULT_SQLITE_FILE);
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** `file:` URL of a SQLite file path. */
export function sqliteUrlOf(file: string): string {
  return `file:${file}`;
}

/**
 * The file path of a SQLite `file:` URL: `file:./dev.db`, `file:/abs/x.db` and
 * `file:///abs/x.db` alike; Prisma-style `?options` are dropped. A bare path passes through.
 */
export function sqliteFileOf(url: string): string {
  let rest = url.replace(/^file:/, "");
  if (rest.startsWith("//")) rest = rest.slice(2); // file:///abs → /abs (empty host)
  const q = rest.indexOf("?");
  return q >= 0 ? rest.slice(0, q) : rest;
}
