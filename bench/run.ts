/**
 * `npm run bench`: the figures the issues name, each as a ratio against a floor
 * measured in the same run on the same machine. Uses the shared real corpus
 * (../shared/corpus/raw); sections that need it are skipped when it is absent.
 * Pass section names to run a subset: cli, load, import, import-pg, html, coding, analysis, qdpx, periods, search, reader.
 */
import { benchAnalysis } from "./analysis";
import { benchCli } from "./cli";
import { benchCodingCreate } from "./coding";
import { benchHtmlImport, benchImport, filesReaching } from "./import";
import { benchLoad } from "./load";
import { benchPeriods } from "./periods";
import { benchQdpx } from "./qdpx";
import { benchReader } from "./reader";
import { benchSearch } from "./search";
import { corpusFiles, printFigures, scratchDb } from "./util";
import { createDb } from "../lib/db/client";
import { closeBulkConnections } from "../lib/db/bulk";
import { migrateDatabase } from "../lib/db/migrate";

const wanted = new Set(process.argv.slice(2));
const run = (name: string) => wanted.size === 0 || wanted.has(name);

console.log(`# Juncture benchmarks — ${new Date().toISOString()} — node ${process.version}`);
if (run("cli")) {
  // Needs no corpus: a fresh database migrated by the CLI's first call.
  const cli = await scratchDb("cli");
  try {
    printFigures("CLI start-up", await benchCli(cli.url));
  } finally {
    await cli.dispose();
  }
  if (wanted.size === 1) process.exit(0);
}
if (run("load")) {
  // Needs no corpus: a team server on a fresh SQLite file, then on a throwaway PostgreSQL cluster.
  const sqlite = await scratchDb("load");
  try {
    printFigures("Team server under load (SQLite)", await benchLoad("SQLite", sqlite.url));
  } finally {
    await sqlite.dispose();
  }
  const { startThrowawayPostgres } = await import("../scripts/postgres.mjs");
  const { onPostgres, postgresUrlFor } = await import("../tests/helpers/db");
  const cluster = await startThrowawayPostgres();
  try {
    await onPostgres(cluster.url, (c) => c.query('CREATE DATABASE "juncture_load"'));
    printFigures("Team server under load (PostgreSQL)", await benchLoad("PostgreSQL", postgresUrlFor(cluster.url, "juncture_load")));
  } finally {
    cluster.stop();
  }
  if (wanted.size === 1) process.exit(0);
}
const txt = corpusFiles([".txt"]);
if (txt.length === 0) {
  console.log("shared corpus absent (../shared/corpus/raw): corpus benchmarks skipped");
  process.exit(0);
}
if (run("import-pg")) {
  // The team server's import path (multi-row INSERTs through pg, lib/db/bulk.ts) on a throwaway
  // PostgreSQL cluster, against the same jieba floor as the SQLite import.
  const { startThrowawayPostgres } = await import("../scripts/postgres.mjs");
  const { onPostgres, postgresUrlFor } = await import("../tests/helpers/db");
  const cluster = await startThrowawayPostgres();
  try {
    await onPostgres(cluster.url, (c) => c.query('CREATE DATABASE "juncture_import"'));
    const url = postgresUrlFor(cluster.url, "juncture_import");
    await migrateDatabase(url);
    const pgDb = createDb(url);
    try {
      const files = await filesReaching(txt, 1_000_000);
      printFigures("Import ≥ 1,000,000 characters in one batch (PostgreSQL)", (await benchImport(pgDb, "bench-1M-pg", files)).figures);
    } finally {
      await pgDb.$disconnect();
      await closeBulkConnections(url);
    }
  } finally {
    cluster.stop();
  }
  if (wanted.size === 1) process.exit(0);
}

const { db, url, dir, dispose } = await scratchDb("all");
try {
  const onProject = run("import") || run("coding") || run("analysis") || run("qdpx") || run("periods");
  const files = onProject || run("html") ? await filesReaching(txt, 1_000_000) : [];
  if (onProject) {
    const imported = await benchImport(db, "bench-1M", files);
    if (run("import")) printFigures("Import ≥ 1,000,000 characters in one batch", imported.figures);
    if (run("coding") || run("analysis") || run("qdpx") || run("periods")) {
      // The coding section seeds the 100,000 codings the analysis and periods sections read.
      const coding = await benchCodingCreate(db, url, imported.projectId);
      if (run("coding")) printFigures(`Create one coding (project of ${imported.chars.toLocaleString("en")} characters, 100,000 codings)`, coding);
    }
    if (run("analysis")) {
      printFigures(
        `Analysis views (project of ${imported.chars.toLocaleString("en")} characters, 100,000 codings)`,
        await benchAnalysis(db, imported.projectId),
      );
    }
    if (run("qdpx")) {
      printFigures(
        `REFI-QDA export and re-import (project of ${imported.chars.toLocaleString("en")} characters, 100,000 codings)`,
        await benchQdpx(db, dir, imported.projectId),
      );
    }
    // Last on this project: it puts every document in one region.
    if (run("periods")) {
      printFigures(`Periods on the same project (${imported.chars.toLocaleString("en")} characters, 100,000 codings)`, await benchPeriods(db, imported.projectId));
    }
  }
  if (run("html")) {
    printFigures(
      "Import the same texts as government web pages (HTML) in one batch",
      (await benchHtmlImport(db, "bench-html", files)).figures,
    );
  }
  if (run("search")) {
    const all = corpusFiles([".txt", ".docx"]);
    const whole = await benchImport(db, "bench-whole-corpus", all, 1);
    printFigures("Search the whole shared corpus", await benchSearch(db, whole.projectId, whole.chars));
  }
  if (run("reader")) {
    printFigures("Open a 100,000-character document with 2,000 codings", await benchReader(db, url, dir, txt));
  }
} finally {
  await dispose();
}
