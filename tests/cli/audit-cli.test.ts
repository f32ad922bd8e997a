import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCoding, deleteCoding } from "../../lib/coding";
import { addCode, addDocument, addProject, cpIndexOf } from "../coding/fixtures";
import { createTestDb, type TestDb } from "../helpers/db";
import { runCli } from "./cli";

/** `juncture audit` end to end: filters by user, document title, code short name and time; text, JSON and CSV. */
describe("juncture audit", () => {
  let t: TestDb;
  let ids: { kept: string; gone: string; documentId: string };
  beforeAll(async () => {
    t = await createTestDb();
    const projectId = (await addProject(t.db, "审计")).id;
    const codeId = (await addCode(t.db, projectId, "CON-1")).id;
    const doc = await addDocument(t.db, projectId, ["推进城际铁路建设。加快协同发展！"], { title: "报告 2020" });
    const at = (needle: string) => ({ start: cpIndexOf(doc.text, needle), end: cpIndexOf(doc.text, needle) + needle.length });
    const kept = await createCoding(t.db, { documentId: doc.doc.id, codeId, ...at("城际铁路"), coder: "甲" });
    const gone = await createCoding(t.db, { documentId: doc.doc.id, codeId, ...at("协同发展"), coder: "乙" });
    await deleteCoding(t.db, { id: gone.id, version: 1, actor: "甲" });
    // Fixed times, one per event, so order and --since are exact.
    const events = await t.db.auditEvent.findMany();
    const pick = (entityId: string, action: string) => events.find((x) => x.entityId === entityId && x.action === action)!;
    const ordered = [pick(kept.id, "created"), pick(gone.id, "created"), pick(gone.id, "deleted")];
    for (const [i, e] of ordered.entries()) await t.db.auditEvent.update({ where: { id: e.id }, data: { at: new Date(Date.UTC(2026, 11, 1 + i, 8)) } });
    ids = { kept: kept.id, gone: gone.id, documentId: doc.doc.id };
  });
  afterAll(async () => t.close());

  it("prints one line per event, newest first", async () => {
    const r = await runCli(["audit", "--project", "审计", "--document", "报告 2020", "--code", "con-1", "--lang", "en"], t.url);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual([
      `2026-12-03T08:00:00.000Z  甲  deleted coding ${ids.gone} CON-1 [11,15) «协同发展»`,
      `2026-12-02T08:00:00.000Z  乙  created coding ${ids.gone} CON-1 [11,15) «协同发展»`,
      `2026-12-01T08:00:00.000Z  甲  created coding ${ids.kept} CON-1 [2,6) «城际铁路»`,
    ]);
  });

  it("filters by user and time and prints JSON", async () => {
    const r = await runCli(["audit", "--project", "审计", "--user", "甲", "--since", "2026-12-02", "--json"], t.url);
    const body = JSON.parse(r.stdout) as { total: number; events: { entityId: string; action: string; detail: { before: { quote: string } } }[] };
    expect(body.total).toBe(1);
    expect(body.events.map((e) => [e.entityId, e.action, e.detail.before.quote])).toEqual([[ids.gone, "deleted", "协同发展"]]);
  });

  it("prints CSV that csv-parse reads back", async () => {
    const r = await runCli(["audit", "--project", "审计", "--csv"], t.url);
    const rows = parse(r.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x.user, x.action, x.entity_id, x.document_id])).toEqual([
      ["甲", "deleted", ids.gone, ids.documentId],
      ["乙", "created", ids.gone, ids.documentId],
      ["甲", "created", ids.kept, ids.documentId],
    ]);
  });

  it("refuses an unknown document and a bad time with the reason and exit code 2", async () => {
    const doc = await runCli(["audit", "--project", "审计", "--document", "没有这篇", "--lang", "en"], t.url);
    expect([doc.code, doc.stderr.trim()]).toEqual([2, "juncture: no document with this id or title: 没有这篇"]);
    const time = await runCli(["audit", "--project", "审计", "--since", "soon", "--lang", "en"], t.url);
    expect(time.code).toBe(2);
    expect(time.stderr).toContain("not a date or time");
  });
});
