import { getDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { resolveDatabaseUrl } from "../db/url";

/** Opens the database chosen by DATABASE_URL (default: the embedded SQLite file), migrated. */
export async function openDb() {
  await migrateDatabase(resolveDatabaseUrl());
  return getDb();
}
