import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase, migrationState } from "../../lib/db/migrate";
import { AppError } from "../../lib/errors";
import { createTestDb, type TestDb } from "../helpers/db";
import { runCli } from "./cli";

const MIGRATIONS = fs
  .readdirSync(path.resolve(__dirname, "..", "..", "prisma", "migrations"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Runs SQL on the test file directly (what another tool or version might have left). */
function sql(t: TestDb, statement: string) {
  const db = new Database(t.file);
  try {
    db.exec(statement);
  } finally {
    db.close();
  }
}

function refusal(fn: () => void): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected a refusal");
}

describe("migrations: checked before anything is spawned", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb(); // a copy of the run's migrated template
  });
  afterEach(async () => t.close());

  it("reports a new file as behind by every migration, a migrated one as current", () => {
    const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "juncture-mig-")), "new.db");
    expect(migrationState(`file:${fresh}`)).toEqual({ status: "behind", pending: MIGRATIONS });
    expect(migrationState(t.url)).toEqual({ status: "current" });
    migrateDatabase(t.url); // current: a no-op
  });

  it("refuses a database migrated by a newer version", () => {
    sql(t, `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count)
            VALUES ('x', 'abc', '2030-01-01T00:00:00.000+00:00', '20300101000000_future', 1)`);
    expect(migrationState(t.url)).toEqual({ status: "ahead", unknown: ["20300101000000_future"] });
    const e = refusal(() => migrateDatabase(t.url));
    expect([e.code, e.message]).toEqual([
      "conflict",
      `the database ${t.file} was migrated by a newer version of Juncture (20300101000000_future); ` +
        "update Juncture or use another DATABASE_URL / 数据库由更新版本的 Juncture 创建，请升级 Juncture 或换用其他数据库",
    ]);
  });

  it("refuses a database whose applied migration differs from the committed file", () => {
    sql(t, `UPDATE _prisma_migrations SET checksum = 'not-the-same' WHERE migration_name = '${MIGRATIONS[0]}'`);
    expect(migrationState(t.url)).toEqual({ status: "diverged", changed: [MIGRATIONS[0]] });
    expect(refusal(() => migrateDatabase(t.url)).message).toMatch(/^the database .* applied migrations that differ from this version's/);
  });

  it("refuses a database with a migration that never finished", () => {
    sql(t, `UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${MIGRATIONS[0]}'`);
    expect(migrationState(t.url)).toEqual({ status: "failed", failed: [MIGRATIONS[0]] });
  });

  it("makes the CLI refuse with the reason and exit code 2", async () => {
    sql(t, `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count)
            VALUES ('x', 'abc', '2030-01-01T00:00:00.000+00:00', '20300101000000_future', 1)`);
    const r = await runCli(["projects", "--json"], t.url);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^juncture: the database .* was migrated by a newer version of Juncture \(20300101000000_future\)/);
  });
});
