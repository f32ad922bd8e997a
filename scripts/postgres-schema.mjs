// Writes prisma/postgres/schema.prisma from prisma/schema.prisma. The data model is written
// once (for SQLite, the embedded default); PostgreSQL differs only in the datasource provider
// and the generated client's folder. tests/db/postgres-schema.test.ts fails when the committed
// copy is out of date, so run `npm run db:postgres-schema` after changing the schema.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function postgresSchemaOf(sqliteSchema) {
  const provider = /provider\s*=\s*"sqlite"/;
  const output = /output\s*=\s*"\.\.\/lib\/db\/generated"/;
  if (!provider.test(sqliteSchema) || !output.test(sqliteSchema)) {
    throw new Error("prisma/schema.prisma: expected provider \"sqlite\" and output \"../lib/db/generated\"");
  }
  return (
    "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs — edit that file, not this one.\n" +
    sqliteSchema.replace(provider, 'provider = "postgresql"').replace(output, 'output     = "../../lib/db/generated-pg"')
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const source = fs.readFileSync(path.join(ROOT, "prisma", "schema.prisma"), "utf8");
  fs.writeFileSync(path.join(ROOT, "prisma", "postgres", "schema.prisma"), postgresSchemaOf(source));
  console.log("wrote prisma/postgres/schema.prisma");
}
