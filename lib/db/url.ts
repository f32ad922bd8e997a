import path from "node:path";

/** The embedded default: a SQLite file under data/ at the project root. */
export const DEFAULT_SQLITE_FILE = path.resolve(process.cwd(), "data", "juncture.db");

/** DATABASE_URL if set, else the embedded SQLite file. */
export function resolveDatabaseUrl(): string {
  const url = process.env.DATABASE_URL?.trim();
  return url && url.length > 0 ? url : `file:${DEFAULT_SQLITE_FILE}`;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
