import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// Plain ESM script shared with `npm run db:postgres-schema`.
import { postgresSchemaOf } from "../../scripts/postgres-schema.mjs";
import { migrationsDirOf } from "../../lib/db/migrate";

const ROOT = path.resolve(__dirname, "..", "..");
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), "utf8");
const names = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

describe("one data model for SQLite and PostgreSQL", () => {
  it("keeps prisma/postgres/schema.prisma generated from prisma/schema.prisma (run npm run db:postgres-schema)", () => {
    expect(read("prisma", "postgres", "schema.prisma")).toBe(postgresSchemaOf(read("prisma", "schema.prisma")));
  });

  it("has the same migrations, by name, for both databases", () => {
    expect(names(migrationsDirOf("postgresql"))).toEqual(names(migrationsDirOf("sqlite")));
  });

  it("adds the hand-written span CHECK constraints on both", () => {
    for (const provider of ["sqlite", "postgresql"] as const) {
      const all = names(migrationsDirOf(provider))
        .map((n) => fs.readFileSync(path.join(migrationsDirOf(provider), n, "migration.sql"), "utf8"))
        .join("\n");
      expect(all.match(/"(Unit|Coding)_span_check" CHECK \("start" >= 0 AND "start" < "end"\)/g), provider).toHaveLength(2);
    }
  });
});
