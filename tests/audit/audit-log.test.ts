import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditCsv, listAuditLog, listWholeAuditLog } from "../../lib/audit";
import {
  addCodesToGroup,
  applyTemplates,
  createCode,
  createCodeGroup,
  deleteCode,
  deleteCodeGroup,
  mergeCodes,
  moveCode,
  removeCodeFromGroup,
  updateCode,
} from "../../lib/codebook";
import { codeUnits, createCoding, createMemo, deleteCoding, deleteMemo, updateCoding, updateMemo } from "../../lib/coding";
import { createProject } from "../../lib/corpus";
import { createStage, deleteStage } from "../../lib/periods";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject, appError, cpIndexOf } from "../coding/fixtures";

/**
 * The audit log: every change of a coding, code, code group, memo or period leaves one event
 * with who, what and the fields that changed, written with the change itself; a refused
 * change leaves none. Filters and paging, newest first; the CSV reads back.
 */
describe("audit log", () => {
  let t: TestDb;
  let projectId: string;
  let codeId: string;
  let doc: Awaited<ReturnType<typeof addDocument>>;

  beforeEach(async () => {
    t = await createTestDb();
    projectId = (await addProject(t.db)).id;
    codeId = (await addCode(t.db, projectId, "CON-1")).id;
    doc = await addDocument(t.db, projectId, ["𠮷𠮷 推进城际铁路建设。加快京津冀协同发展！"]);
  });
  afterEach(async () => t.close());

  const all = async () => (await listWholeAuditLog(t.db, projectId)).reverse(); // oldest first
  const span = (needle: string) => {
    const start = cpIndexOf(doc.text, needle);
    return { start, end: start + Array.from(needle).length };
  };

  it("records a coding's creation, change and deletion with who, what, document, code and the changed fields", async () => {
    const c = await createCoding(t.db, { documentId: doc.doc.id, codeId, ...span("城际铁路"), coder: "小王" });
    const other = await addCode(t.db, projectId, "CON-2");
    const changed = await updateCoding(t.db, { id: c.id, version: 1, patch: { codeId: other.id, comment: "再看" }, by: { name: "老李", mayEditOthers: true } });
    await deleteCoding(t.db, { id: c.id, version: changed.version, by: { name: "小王", mayEditOthers: false } });

    const events = await all();
    expect(events.map((e) => [e.user, e.kind, e.entity, e.entityId, e.action, e.documentId, e.codeId])).toEqual([
      ["小王", "coding", "coding", c.id, "created", doc.doc.id, codeId],
      ["老李", "coding", "coding", c.id, "changed", doc.doc.id, other.id],
      ["小王", "coding", "coding", c.id, "deleted", doc.doc.id, other.id],
    ]);
    // Offsets are code points: the two 𠮷 before the quote count once each.
    expect(events[0]!.detail).toEqual({ after: { code: "CON-1", coder: "小王", start: 5, end: 9, quote: "城际铁路", comment: "" } });
    expect(events[1]!.detail).toEqual({ before: { code: "CON-1", comment: "" }, after: { code: "CON-2", comment: "再看" } });
    // A deletion keeps enough to see what was lost.
    expect(events[2]!.detail).toEqual({ before: { code: "CON-2", coder: "小王", start: 5, end: 9, quote: "城际铁路", comment: "再看" } });
  });

  it("writes no event for a refused change: stale version, invalid span, duplicate, someone else's coding", async () => {
    const c = await createCoding(t.db, { documentId: doc.doc.id, codeId, ...span("城际铁路"), coder: "小王" });
    expect((await appError(updateCoding(t.db, { id: c.id, version: 7, patch: { comment: "x" } }))).code).toBe("conflict");
    expect((await appError(deleteCoding(t.db, { id: c.id, version: 7 }))).code).toBe("conflict");
    expect((await appError(updateCoding(t.db, { id: c.id, version: 1, patch: { start: 5, end: 999 } }))).code).toBe("invalid_input");
    expect((await appError(createCoding(t.db, { documentId: doc.doc.id, codeId, start: 3, end: 2, coder: "小王" }))).code).toBe("invalid_input");
    expect((await appError(createCoding(t.db, { documentId: doc.doc.id, codeId, ...span("城际铁路"), coder: "小王" }))).code).toBe("conflict");
    expect((await appError(deleteCoding(t.db, { id: c.id, version: 1, by: { name: "老李", mayEditOthers: false } }))).code).toBe("forbidden");
    expect((await appError(updateCode(t.db, codeId, 9, { labelZh: "新" }, { actor: "老李" }))).code).toBe("conflict");
    expect((await all()).map((e) => e.action)).toEqual(["created"]);
    expect(await t.db.auditEvent.count()).toBe(1);
  });

  it("records codings made in bulk from sentences, one event each", async () => {
    const r = await codeUnits(t.db, { unitIds: doc.sentences.map((s) => s.id), codeId, coder: "小王" });
    const events = await all();
    expect(events).toHaveLength(r.created.length);
    expect(new Set(events.map((e) => e.entityId))).toEqual(new Set(r.created.map((c) => c.id)));
    expect(events.every((e) => e.user === "小王" && e.action === "created" && e.documentId === doc.doc.id)).toBe(true);
  });

  it("records memos: created, changed (only what changed), deleted", async () => {
    const m = await createMemo(t.db, { projectId, kind: "document", documentId: doc.doc.id, author: "小王", title: "想法", body: "城际铁路" });
    const m2 = await updateMemo(t.db, { id: m.id, version: 1, patch: { body: "城际铁路与协同" }, actor: "老李" });
    await appError(updateMemo(t.db, { id: m.id, version: 1, patch: { body: "stale" }, actor: "老李" }));
    await deleteMemo(t.db, { id: m.id, version: m2.version, actor: "小王" });
    const events = await all();
    expect(events.map((e) => [e.user, e.kind, e.action, e.documentId])).toEqual([
      ["小王", "memo", "created", doc.doc.id],
      ["老李", "memo", "changed", doc.doc.id],
      ["小王", "memo", "deleted", doc.doc.id],
    ]);
    expect(events[1]!.detail).toEqual({ before: { body: "城际铁路" }, after: { body: "城际铁路与协同" } });
  });

  it("records the codebook: codes created, changed, moved, merged and deleted; groups and their members", async () => {
    const by = { actor: "老李" };
    const a = await createCode(t.db, { projectId, shortName: "A-1", labelZh: "甲" }, by);
    const b = await createCode(t.db, { projectId, shortName: "B-1" }, by);
    await updateCode(t.db, a.id, a.version, { labelZh: "甲乙", color: "#112233" }, by);
    await moveCode(t.db, { codeId: b.id, newParentId: a.id }, by);
    const g = await createCodeGroup(t.db, { projectId, name: "组" }, by);
    await addCodesToGroup(t.db, g.id, [a.id], by);
    await removeCodeFromGroup(t.db, g.id, a.id, by);
    await deleteCodeGroup(t.db, g.id, by);
    await createCoding(t.db, { documentId: doc.doc.id, codeId, ...span("协同发展"), coder: "小王" });
    await mergeCodes(t.db, { sourceId: codeId, targetId: b.id }, by);
    await deleteCode(t.db, a.id, { confirm: true }, by);

    const events = (await all()).filter((e) => e.kind === "codebook");
    expect(events.slice(0, 10).map((e) => [e.user, e.entity, e.action, e.codeId])).toEqual([
      ["老李", "code", "created", a.id],
      ["老李", "code", "created", b.id],
      ["老李", "code", "changed", a.id],
      ["老李", "code", "moved", b.id],
      ["老李", "code-group", "created", null],
      ["老李", "code-group", "changed", a.id],
      ["老李", "code-group", "changed", a.id],
      ["老李", "code-group", "deleted", null],
      ["老李", "code", "merged", codeId],
      ["老李", "code", "changed", b.id],
    ]);
    // Deleting A-1 takes its sub-code B-1 (with the merged coding) along: one event each.
    expect(events.slice(10).map((e) => e.action)).toEqual(["deleted", "deleted"]);
    expect(events.slice(10).map((e) => e.codeId).sort()).toEqual([a.id, b.id].sort());
    expect(events[2]!.detail).toEqual({ before: { labelZh: "甲", color: "#4f7cac" }, after: { labelZh: "甲乙", color: "#112233" } });
    expect(events[3]!.detail).toEqual({ before: { parentId: null, sortOrder: 2 }, after: { parentId: a.id, sortOrder: 0 } });
    expect(events[8]!.detail).toMatchObject({ into: { id: b.id, shortName: "B-1" }, from: { id: codeId, shortName: "CON-1" }, movedCodings: 1, after: null });
    const deletedB = events.find((e) => e.action === "deleted" && e.codeId === b.id)!;
    expect(deletedB.detail).toMatchObject({ before: { shortName: "B-1", parentId: a.id }, codings: 1, withParent: a.id });
  });

  it("records codes a template adds to a project, but not a new project's starting codebook", async () => {
    const fresh = await createProject(t.db, { name: "新项目", templates: ["3co"] });
    expect(await t.db.auditEvent.count({ where: { projectId: fresh.id } })).toBe(0);
    const r = await applyTemplates(t.db, projectId, ["3co"], { actor: "老李" });
    const events = await listWholeAuditLog(t.db, projectId);
    expect(r.created).toBeGreaterThan(0);
    expect(events).toHaveLength(r.created);
    expect(events.every((e) => e.user === "老李" && e.entity === "code" && e.action === "created")).toBe(true);
  });

  it("records period changes under kind period", async () => {
    const s = await createStage(t.db, { projectId, scope: { field: "region", value: "BTH" }, stage: { nameZh: "起步", start: { year: 2014 } }, actor: "老李" });
    await deleteStage(t.db, { id: s.id, version: s.version, actor: "小王" });
    const page = await listAuditLog(t.db, projectId, { kind: "period" });
    expect(page.events.map((e) => [e.user, e.entity, e.entityId, e.action])).toEqual([
      ["小王", "stage", s.id, "deleted"],
      ["老李", "stage", s.id, "created"],
    ]);
    expect(page.events[1]!.detail).toMatchObject({ scope: { field: "region", value: "BTH" }, after: { nameZh: "起步" } });
  });

  it("filters by user, document, code (short name or id), kind and time, newest first, a page at a time", async () => {
    const other = await addDocument(t.db, projectId, ["建设城际铁路网络。"], { title: "other" });
    const c1 = await createCoding(t.db, { documentId: doc.doc.id, codeId, ...span("城际铁路"), coder: "甲" });
    const c2 = await createCoding(t.db, { documentId: other.doc.id, codeId, start: 2, end: 6, coder: "乙" });
    const x = await createCode(t.db, { projectId, shortName: "X-1" }, { actor: "甲" });
    const c3 = await createCoding(t.db, { documentId: doc.doc.id, codeId: x.id, ...span("协同发展"), coder: "乙" });
    // Spread the events over days so the time filter and the order are exact.
    const order = [c1.id, c2.id, x.id, c3.id];
    for (const [i, id] of order.entries()) await t.db.auditEvent.updateMany({ where: { entityId: id }, data: { at: new Date(Date.UTC(2026, 11, 1 + i)) } });

    const ids = async (f: Parameters<typeof listAuditLog>[2]) => (await listAuditLog(t.db, projectId, f)).events.map((e) => e.entityId);
    expect(await ids({})).toEqual([c3.id, x.id, c2.id, c1.id]);
    expect(await ids({ user: "乙" })).toEqual([c3.id, c2.id]);
    expect(await ids({ document: doc.doc.id })).toEqual([c3.id, c1.id]);
    expect(await ids({ code: "CON-1" })).toEqual([c2.id, c1.id]);
    expect(await ids({ code: "x-1" })).toEqual([c3.id, x.id]);
    expect(await ids({ code: x.id, kind: "codebook" })).toEqual([x.id]);
    expect(await ids({ from: "2026-12-02", to: "2026-12-03T00:00:00Z" })).toEqual([x.id, c2.id]);
    // A date alone as the end takes in the whole day.
    expect(await ids({ to: "2026-12-02" })).toEqual([c2.id, c1.id]);
    const page2 = await listAuditLog(t.db, projectId, { page: 2, pageSize: 3 });
    expect([page2.total, page2.events.map((e) => e.entityId)]).toEqual([4, [c1.id]]);
    expect(await appError(listAuditLog(t.db, projectId, { code: "NOPE" }))).toEqual({ code: "not_found", message: "no code NOPE in this project / 本项目没有编码 NOPE" });
    expect((await appError(listAuditLog(t.db, projectId, { from: "yesterday" }))).message).toBe("from: not a date or time (ISO 8601, e.g. 2026-12-01 or 2026-12-01T08:00:00Z) / from: 不是有效的日期或时间（ISO 8601，例如 2026-12-01）");
    expect((await appError(listAuditLog(t.db, projectId, { kind: "coding-ish" }))).message).toContain("kind must be one of coding, codebook, memo, period");
  });

  it("writes CSV with a BOM that csv-parse reads back to the same events", async () => {
    await createCoding(t.db, { documentId: doc.doc.id, codeId, ...span("城际铁路"), coder: "小王", comment: 'a "quoted", comma' });
    await createMemo(t.db, { projectId, kind: "project", author: "老李", body: "多行\n备忘" });
    const events = await listWholeAuditLog(t.db, projectId);
    const csv = auditCsv(events);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.at, r.user, r.kind, r.entity, r.entity_id, r.action, r.document_id, r.code_id])).toEqual(
      events.map((e) => [e.at, e.user, e.kind, e.entity, e.entityId, e.action, e.documentId ?? "", e.codeId ?? ""]),
    );
    expect(rows.map((r) => JSON.parse(r.detail!))).toEqual(events.map((e) => e.detail));
  });
});
