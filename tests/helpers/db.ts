import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { closeBulkConnections } from "../../lib/db/bulk";
import { createDb, type Db } from "../../lib/db/client";
import { absence, requireFixtures, sharedCorpus } from "./external";

/**
 * Test databases. The suite runs on SQLite by default and on PostgreSQL when
 * JUNCTURE_TEST_POSTGRES_URL names a server (an admin URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres):
 * `npm test` runs it both ways. Each test gets its own database, copied from the run's migrated
 * template (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export type TestProvider = "sqlite" | "postgresql";

export function testProvider(): TestProvider {
  return process.env.JUNCTURE_TEST_POSTGRES_URL ? "postgresql" : "sqlite";
}

export type TestDb = {
  db: Db;
  url: string;
  provider: TestProvider;
  /** The file (SQLite) or the URL without credentials (PostgreSQL): how refusals name the database. */
  label: string;
  /** Raw SQL on the database itself, past lib/ and Prisma; `?` placeholders on both providers. */
  sql: (statement: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  close: () => Promise<void>;
};

/** `postgresql://user@host:port/name` for another database name on the same server. */
export function postgresUrlFor(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs SQL statements on a PostgreSQL server with a short-lived connection. */
export async function onPostgres<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const toDollar = (statement: string) => {
  let i = 0;
  return statement.replace(/\?/g, () => `$${++i}`);
};

/** A fresh, migrated database copied from the run's template. */
export async function createTestDb(): Promise<TestDb> {
  const template = process.env.JUNCTURE_TEST_TEMPLATE;
  if (!template) throw new Error("tests/helpers/global-setup.ts did not run (JUNCTURE_TEST_TEMPLATE unset)");
  const admin = process.env.JUNCTURE_TEST_POSTGRES_URL;
  if (admin) {
    const name = `juncture_t_${randomBytes(6).toString("hex")}`;
    await onPostgres(admin, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
    const url = postgresUrlFor(admin, name);
    const db = createDb(url);
    return {
      db,
      url,
      provider: "postgresql",
      label: url.replace(/\/\/[^@/]*@/, "//"),
      sql: (statement, params = []) => onPostgres(url, async (c) => (await c.query(toDollar(statement), params)).rows),
      close: async () => {
        await db.$disconnect();
        await closeBulkConnections(url);
        await onPostgres(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(template, file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    provider: "sqlite",
    label: file,
    sql: async (statement, params = []) => {
      const raw = new Database(file);
      try {
        const stmt = raw.prepare(statement);
        return stmt.reader ? (stmt.all(...params) as Record<string, unknown>[]) : (stmt.run(...params), []);
      } finally {
        raw.close();
      }
    },
    close: async () => {
      await db.$disconnect();
      await closeBulkConnections(url);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Path to the shared real corpus, or null when it is absent and tests may skip. Under `npm test`
 * (JUNCTURE_REQUIRE_FIXTURES=1) an absent corpus throws with the reason instead.
 */
export function sharedCorpusDir(): string | null {
  const corpus = sharedCorpus();
  if (corpus.available) return corpus.location;
  if (requireFixtures()) throw new Error(`${absence(corpus)}; npm test requires it (JUNCTURE_REQUIRE_FIXTURES=1)`);
  console.warn(`SKIPPED: ${absence(corpus)} — shared-corpus tests`);
  return null;
}
