import fs from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../lib/db/migrate";

export const TEMPLATE_DB = path.resolve(__dirname, "..", "..", ".test-tmp", "template.db");

/** Migrates one template database per test run; each test copies it (fast, isolated). */
export default function setup() {
  fs.rmSync(TEMPLATE_DB, { force: true });
  migrateDatabase(`file:${TEMPLATE_DB}`);
}
