import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-pg/client";
import { isPostgresUrl, resolveDatabaseUrl, sqliteFileOf } from "./url";

export type Db = PrismaClient;

// Which URL each client was opened on, so that bulk writers can reach the same file.
// Kept on globalThis like the client itself: Next.js may load this module more than
// once (pages and route handlers), and all copies must see the same table.
const globalUrls = globalThis as unknown as { junctureDbUrls?: WeakMap<PrismaClient, string> };
const urls = (globalUrls.junctureDbUrls ??= new WeakMap<PrismaClient, string>());

export function databaseUrlOf(db: PrismaClient): string {
  const url = urls.get(db);
  if (!url) throw new Error("database client was not opened through createDb()");
  return url;
}

/** Whether a client opened through createDb() talks to PostgreSQL (for the few dialect-specific SQL functions). */
export function isPostgresDb(db: PrismaClient): boolean {
  return isPostgresUrl(databaseUrlOf(db));
}

const globalForDb = globalThis as unknown as { junctureDb?: PrismaClient; junctureDbUrl?: string };

/**
 * PostgreSQL's driver adapter, loaded when the client first connects: `pg` takes ~80 ms to
 * load, which every CLI call on the default SQLite database would otherwise pay at start-up.
 */
function lazyPostgresAdapter(url: string): Pick<PrismaPg, "provider" | "adapterName" | "connect"> {
  let factory: Promise<PrismaPg> | undefined;
  const load = () => (factory ??= import("@prisma/adapter-pg").then(({ PrismaPg }) => new PrismaPg({ connectionString: url })));
  return { provider: "postgres", adapterName: "@prisma/adapter-pg", connect: async () => (await load()).connect() };
}

/** Opens a client for a database URL: a SQLite `file:` URL or a `postgresql://` URL. */
export function createDb(url: string = resolveDatabaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) {
    // The PostgreSQL client is generated from the same data model (prisma/postgres), so its
    // API is the SQLite client's; the cast only bridges two generated declarations of it.
    const client = new PostgresPrismaClient({ adapter: lazyPostgresAdapter(url) }) as unknown as PrismaClient;
    urls.set(client, url);
    return client;
  }
  const file = sqliteFileOf(url);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 10_000 });
  const client = new PrismaClient({ adapter });
  urls.set(client, url);
  return client;
}

/** Process-wide client (one per DATABASE_URL), reused across Next.js hot reloads. */
export function getDb(): PrismaClient {
  const url = resolveDatabaseUrl();
  if (!globalForDb.junctureDb || globalForDb.junctureDbUrl !== url) {
    globalForDb.junctureDb = createDb(url);
    globalForDb.junctureDbUrl = url;
  }
  return globalForDb.junctureDb;
}
