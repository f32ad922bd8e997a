import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wordFrequencies } from "../../lib/analysis";
import { closeBulkConnections } from "../../lib/db/bulk";
import { createDb, type Db } from "../../lib/db/client";
import { Prisma } from "../../lib/db/generated/client";
import { migrateDatabase } from "../../lib/db/migrate";
import { BACKUP_LEFT_OUT, BACKUP_TABLES, backupDatabase, restoreDatabase } from "../../lib/exchange/backup";
import { runCli } from "../cli/cli";
import { createTestDb, type TestDb } from "../helpers/db";
import { exchangeFixture } from "./fixture";

/** Everything a backup holds, per table: rows as objects (column order may differ between providers), sorted. */
function content(file: string): Record<string, string[]> {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
  const out: Record<string, string[]> = {};
  let columns: string[] = [];
  let table = "";
  for (const line of lines.slice(1)) {
    if (Array.isArray(line)) {
      const row = Object.fromEntries(columns.map((c, i) => [c, line[i]]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
      out[table]!.push(JSON.stringify(row));
    } else if (line.table) {
      table = line.table;
      columns = line.columns;
      out[table] = [];
    }
  }
  for (const rows of Object.values(out)) rows.sort();
  return out;
}

/** One of everything: the exchange fixture plus periods, variables, decisions, an account and a session. */
async function fullProject(db: Db) {
  const f = await exchangeFixture(db, "京津冀 备份");
  const owner = await db.user.create({ data: { name: "admin", passwordHash: "scrypt$abc", isAdmin: true } });
  await db.membership.create({ data: { projectId: f.project.id, userId: owner.id, role: "owner" } });
  await db.session.create({ data: { tokenHash: "h1", userId: owner.id, expiresAt: new Date("2030-01-01T00:00:00.123Z") } });
  const stage = await db.stage.create({
    data: { projectId: f.project.id, scopeField: "region", scopeValue: "BTH", nameZh: "起步", startYear: 2014, startMonth: 2, strategies: '["协同"]', createdBy: "王" },
  });
  const j = await db.juncture.create({ data: { projectId: f.project.id, scopeField: "region", scopeValue: "BTH", year: 2015, month: 4, titleZh: "纲要批准", type: "plan-approved" } });
  await db.junctureEvidence.create({ data: { junctureId: j.id, kind: "passage", targetId: f.a.doc.id, start: 3, end: 9, note: "𠮷 证据" } });
  await db.periodChange.create({ data: { projectId: f.project.id, scopeField: "region", scopeValue: "BTH", entity: "stage", entityId: stage.id, action: "create", actor: "王", at: new Date("2026-01-02T03:04:05.678Z") } });
  const unit = await db.unit.findFirstOrThrow({ where: { documentId: f.a.doc.id, kind: "sentence" }, orderBy: { ordinal: "asc" } });
  await db.suggestionDecision.create({ data: { projectId: f.project.id, codeId: f.codes.gov.id, unitId: unit.id, decision: "rejected", coder: "王" } });
  await db.consensusDecision.create({ data: { projectId: f.project.id, unitId: unit.id, codeId: f.codes.gov.id, acceptedCoderIds: "[]", decidedBy: "admin" } });
  const v = await db.documentVariable.create({ data: { projectId: f.project.id, name: "tier", labelZh: "层级", kind: "category", categories: '["一","二"]' } });
  await db.documentVariableValue.create({ data: { variableId: v.id, documentId: f.a.doc.id, value: "一" } });
  // A grandchild code created before nothing else: parents must still come first on restore.
  await db.code.create({ data: { projectId: f.project.id, parentId: f.codes.infra.id, shortName: "rail", labelZh: "铁路" } });
  return f;
}

const totalRows = async (db: Db) => {
  const counts = await Promise.all([...BACKUP_TABLES, ...BACKUP_LEFT_OUT].map((t) => (db as unknown as Record<string, { count: () => Promise<number> }>)[t[0]!.toLowerCase() + t.slice(1)]!.count()));
  return counts.reduce((a, b) => a + b, 0);
};

/** A fresh, migrated SQLite database outside the test template (for the cross-provider round trip). */
async function freshSqlite(dir: string, name: string): Promise<{ url: string; db: Db; close: () => Promise<void> }> {
  const url = `file:${path.join(dir, name)}`;
  await migrateDatabase(url);
  const db = createDb(url);
  return { url, db, close: async () => (await db.$disconnect(), await closeBulkConnections(url)) };
}

describe("backup and restore", () => {
  let t: TestDb;
  let dir: string;
  const opened: { close: () => Promise<void> }[] = [];
  beforeEach(async () => {
    t = await createTestDb();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-backup-"));
  });
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.close();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const fresh = async () => {
    const d = await createTestDb();
    opened.push(d);
    return d;
  };

  it("backs up every model of the schema except sign-in sessions and cached word counts, parents before children", () => {
    expect([...BACKUP_TABLES, ...BACKUP_LEFT_OUT].sort()).toEqual(Object.values(Prisma.ModelName).sort());
    for (const t of BACKUP_TABLES) expect(Object.keys((Prisma as unknown as Record<string, object>)[`${t}ScalarFieldEnum`]!).length).toBeGreaterThan(0);
    // Foreign keys point backwards in the list (Code → Code is ordered row by row).
    const at = (m: string) => BACKUP_TABLES.indexOf(m as (typeof BACKUP_TABLES)[number]);
    expect(at("User")).toBeLessThan(at("Coding"));
    expect(at("Unit")).toBeLessThan(at("ConsensusDecision"));
    expect(at("Document")).toBeLessThan(at("DocumentVariableValue"));
  });

  it(`dump → restore into a fresh database → dump gives the same content (${process.env.JUNCTURE_TEST_POSTGRES_URL ? "PostgreSQL" : "SQLite"})`, async () => {
    const f = await fullProject(t.db);
    // Word counts cached by a query are derived data: not in the backup, recomputed after a restore.
    const words = await wordFrequencies(t.db, { projectId: f.project.id, top: 10_000 });
    expect([words.tokens, words.documents]).toEqual([21, 2]);
    const documents = await t.db.document.count();
    expect(await t.db.documentWordCounts.count()).toBe(documents);
    const first = path.join(dir, "a.jbk");
    const b = await backupDatabase(t.url, first);
    expect(b.rows.DocumentWordCounts).toBeUndefined();
    expect(b.rows.Coding).toBe(5);
    expect(b.rows.Code).toBe(4);
    expect(b.rows.Memo).toBe(4);
    expect(b.rows.Membership).toBe(1);

    const target = await fresh();
    const r = await restoreDatabase(target.url, first);
    expect(r.rows).toEqual(b.rows);
    const second = path.join(dir, "b.jbk");
    await backupDatabase(target.url, second);
    expect(content(second)).toEqual(content(first));

    // Through Prisma, the restored state reads as the original.
    const coding = await target.db.coding.findUniqueOrThrow({ where: { id: f.codings.cInfra.id }, include: { coder: true, memos: true } });
    expect([coding.start, coding.end, coding.quote, coding.coder.name, coding.comment]).toEqual([
      f.codings.cInfra.start, f.codings.cInfra.end, "交通一体化", "王", f.codings.cInfra.comment,
    ]);
    expect(coding.memos.map((m) => m.body)).toEqual(["𠮷 之后的编码"]);
    const doc = await target.db.document.findUniqueOrThrow({ where: { id: f.a.doc.id } });
    expect(doc.plainText).toBe(f.a.text);
    expect(doc.createdAt.toISOString()).toBe(f.a.doc.createdAt.toISOString());
    expect((await target.db.user.findUniqueOrThrow({ where: { name: "admin" } })).isAdmin).toBe(true);
    expect((await target.db.periodChange.findFirstOrThrow()).at.toISOString()).toBe("2026-01-02T03:04:05.678Z");
    expect(await target.db.session.count()).toBe(0);
    expect(await target.db.documentWordCounts.count()).toBe(0);
    expect(await wordFrequencies(target.db, { projectId: f.project.id, top: 10_000 })).toEqual(words);
    expect(await target.db.documentWordCounts.count()).toBe(documents);
  });

  // Runs in the suite's PostgreSQL pass (npm test runs both); the SQLite ends are files made here.
  it.skipIf(!process.env.JUNCTURE_TEST_POSTGRES_URL)("SQLite → PostgreSQL → SQLite gives back the same content", async () => {
    const source = await freshSqlite(dir, "source.db");
    opened.push(source);
    await fullProject(source.db);
    const one = path.join(dir, "1.jbk");
    await backupDatabase(source.url, one);
    expect(t.provider).toBe("postgresql");
    await restoreDatabase(t.url, one);
    const two = path.join(dir, "2.jbk");
    await backupDatabase(t.url, two);
    const back = await freshSqlite(dir, "back.db");
    opened.push(back);
    await restoreDatabase(back.url, two);
    const three = path.join(dir, "3.jbk");
    await backupDatabase(back.url, three);
    expect(content(two)).toEqual(content(one));
    expect(content(three)).toEqual(content(one));
  });

  it("refuses a non-empty database, a truncated or corrupt file and a newer format, writing nothing", async () => {
    await fullProject(t.db);
    const file = path.join(dir, "a.jbk");
    await backupDatabase(t.url, file);

    const busy = await fresh();
    await busy.db.project.create({ data: { name: "已有" } });
    await expect(restoreDatabase(busy.url, file)).rejects.toThrow(
      "the database is not empty (Project: 1); restore only into a new, empty database",
    );
    expect(await totalRows(busy.db)).toBe(1);

    const target = await fresh();
    const bytes = fs.readFileSync(file);
    // Cut inside the gzip stream after the first tables: those rows must be rolled back.
    const raw = zlib.gunzipSync(bytes).toString("utf8");
    const cut = path.join(dir, "cut.jbk");
    fs.writeFileSync(cut, zlib.gzipSync(raw.slice(0, raw.indexOf('{"table":"Coding"'))));
    await expect(restoreDatabase(target.url, cut)).rejects.toThrow("not a readable Juncture backup (the file ends early); nothing was restored");
    const truncated = path.join(dir, "truncated.jbk");
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await expect(restoreDatabase(target.url, truncated)).rejects.toThrow("not a readable Juncture backup (unexpected end of file); nothing was restored");
    const garbage = path.join(dir, "garbage.jbk");
    fs.writeFileSync(garbage, "not gzip at all");
    await expect(restoreDatabase(target.url, garbage)).rejects.toThrow("not a readable Juncture backup (incorrect header check); nothing was restored");
    const newer = path.join(dir, "newer.jbk");
    fs.writeFileSync(newer, zlib.gzipSync(raw.replace('"version":1,', '"version":2,')));
    await expect(restoreDatabase(target.url, newer)).rejects.toThrow(
      "this backup was written in format version 2 by a newer Juncture (this one reads up to 1); update Juncture to restore it",
    );
    const future = path.join(dir, "future.jbk");
    fs.writeFileSync(future, zlib.gzipSync(raw.replace('"migrations":[', '"migrations":["29990101000000_future",')));
    await expect(restoreDatabase(target.url, future)).rejects.toThrow("database migrations unknown here: 29990101000000_future");
    const badRow = path.join(dir, "bad-row.jbk");
    fs.writeFileSync(badRow, zlib.gzipSync(raw.replace(/\n\{"end":"Unit","rows":(\d+)\}/, (_, n) => `\n{"end":"Unit","rows":${Number(n) + 1}}`)));
    await expect(restoreDatabase(target.url, badRow)).rejects.toThrow("not a readable Juncture backup (table Unit is incomplete); nothing was restored");
    expect(await totalRows(target.db)).toBe(0);

    // After all the refusals, the good file still restores.
    await restoreDatabase(target.url, file);
    expect(await target.db.coding.count()).toBe(5);
  });

  it("juncture backup / restore from the command line", async () => {
    await fullProject(t.db);
    const file = path.join(dir, "cli.jbk");
    const b = await runCli(["backup", "--out", file], t.url);
    expect(b.stderr).toBe("");
    expect(b.stdout).toMatch(/^wrote .*cli\.jbk \([\d,]+ bytes, [\d,]+ rows\)\n$/);
    const target = await fresh();
    const r = await runCli(["restore", file, "--lang", "zh"], target.url);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^已恢复 [\d,]+ 行（1 个项目）\n$/);
    const again = await runCli(["restore", file], target.url);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^juncture: the database is not empty \(User: 3, Project: 1, .*\); restore only into a new, empty database\n$/);
  });
});
