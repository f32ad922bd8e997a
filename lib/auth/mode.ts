import { isPostgresUrl, resolveDatabaseUrl } from "../db/url";

/**
 * Embedded workbench or team server. A team server (`JUNCTURE_MODE=server`, or a PostgreSQL
 * DATABASE_URL) requires a login on every page and API route; the embedded default (SQLite)
 * signs the local browser in as its admin with no password. `JUNCTURE_MODE=embedded` keeps
 * the embedded behaviour on PostgreSQL (the test suite's PostgreSQL run; never on a shared host).
 */
export type Mode = "embedded" | "server";

export function junctureMode(env: NodeJS.ProcessEnv = process.env): Mode {
  const explicit = env.JUNCTURE_MODE?.trim().toLowerCase();
  if (explicit === "server") return "server";
  if (explicit === "embedded") return "embedded";
  return isPostgresUrl(env.DATABASE_URL?.trim() || resolveDatabaseUrl()) ? "server" : "embedded";
}

export function isServerMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return junctureMode(env) === "server";
}

/** The session cookie (httpOnly, SameSite=Lax, Secure over https). */
export const SESSION_COOKIE = "juncture-session";
