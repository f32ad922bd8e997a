import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase, migrationsDirOf, migrationState } from "../../lib/db/migrate";
import { AppError } from "../../lib/errors";
import { createTestDb, onPostgres, postgresUrlFor, testProvider, type TestDb } from "../helpers/db";
import { runCli } from "./cli";

const MIGRATIONS = fs
  .readdirSync(migrationsDirOf(testProvider()), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

async function refusal(run: () => Promise<void>): Promise<AppError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected a refusal");
}

const FUTURE = `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
  VALUES ('x', 'abc', CURRENT_TIMESTAMP, '20300101000000_future', 1)`;

describe("migrations: checked, applied whole, refused when the database is not ours", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb(); // a copy of the run's migrated template
  });
  afterEach(async () => t.close());

  it("reports a new database as behind by every migration, migrates it, and reports a migrated one as current", async () => {
    let fresh: string;
    let drop = async () => {};
    const admin = process.env.JUNCTURE_TEST_POSTGRES_URL;
    if (admin) {
      const name = `juncture_mig_${process.pid}_${Date.now()}`;
      await onPostgres(admin, (c) => c.query(`CREATE DATABASE "${name}"`));
      fresh = postgresUrlFor(admin, name);
      drop = async () => void (await onPostgres(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
    } else {
      fresh = `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "juncture-mig-")), "new.db")}`;
    }
    try {
      expect(await migrationState(fresh)).toEqual({ status: "behind", pending: MIGRATIONS });
      await migrateDatabase(fresh);
      expect(await migrationState(fresh)).toEqual({ status: "current" });
      await migrateDatabase(fresh); // current: a no-op
    } finally {
      await drop();
    }
    expect(await migrationState(t.url)).toEqual({ status: "current" });
  });

  it("records each migration as Prisma does, with the checksum of its SQL", async () => {
    const rows = await t.sql(`SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => [r.migration_name, String(r.checksum).length, Number(r.applied_steps_count)])).toEqual(
      MIGRATIONS.map((m) => [m, 64, 1]),
    );
  });

  it("refuses a database migrated by a newer version", async () => {
    await t.sql(FUTURE);
    expect(await migrationState(t.url)).toEqual({ status: "ahead", unknown: ["20300101000000_future"] });
    const e = await refusal(() => migrateDatabase(t.url));
    expect([e.code, e.text.en, e.text.zh]).toEqual([
      "conflict",
      `the database ${t.label} was migrated by a newer version of Juncture (20300101000000_future); update Juncture or use another DATABASE_URL`,
      "数据库由更新版本的 Juncture 创建，请升级 Juncture 或换用其他数据库",
    ]);
  });

  it("refuses a database whose applied migration differs from the committed file", async () => {
    await t.sql(`UPDATE "_prisma_migrations" SET checksum = 'not-the-same' WHERE migration_name = ?`, [MIGRATIONS[0]]);
    expect(await migrationState(t.url)).toEqual({ status: "diverged", changed: [MIGRATIONS[0]] });
    expect((await refusal(() => migrateDatabase(t.url))).text.en).toBe(
      `the database ${t.label} applied migrations that differ from this version's (${MIGRATIONS[0]}); it was made from other code — use another DATABASE_URL`,
    );
  });

  it("refuses a database with a migration that never finished", async () => {
    await t.sql(`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = ?`, [MIGRATIONS[0]]);
    expect(await migrationState(t.url)).toEqual({ status: "failed", failed: [MIGRATIONS[0]] });
  });

  it("makes the CLI refuse with the reason and exit code 2", async () => {
    await t.sql(FUTURE);
    const r = await runCli(["projects", "--json"], t.url);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^juncture: the database .* was migrated by a newer version of Juncture \(20300101000000_future\)/);
  });
});
