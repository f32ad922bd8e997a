import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The PostgreSQL twin of ../../prisma.config.ts: generates the PostgreSQL client
// (lib/db/generated-pg) and diffs PostgreSQL migrations, offline on the JS engine.
// Juncture applies migrations itself (lib/db/migrate.ts), so `migrate deploy` is not needed.
if (!/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "")) {
  // generate never connects; the schema's env("DATABASE_URL") only has to look like PostgreSQL.
  process.env.DATABASE_URL = "postgresql://localhost/juncture";
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL! });
  },
});
