import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCoding, deleteCoding } from "../../lib/coding";
import { periodChanges } from "../../lib/db/periods";
import {
  addEvidence,
  copyPeriods,
  createJuncture,
  createStage,
  deleteStage,
  exportPeriods,
  importPeriods,
  listPeriods,
  parsePeriodsText,
  periodsToCsv,
  periodsToMarkdown,
  removeEvidence,
  updateJuncture,
  updateStage,
  type PeriodsFile,
} from "../../lib/periods";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject, appError } from "../coding/fixtures";

const BTH = { field: "region" as const, value: "BTH" };
const y = (year: number) => ({ year });

describe("periods on the database", () => {
  let t: TestDb;
  let projectId: string;

  beforeEach(async () => {
    t = await createTestDb();
    projectId = (await addProject(t.db, "p")).id;
  });
  afterEach(async () => t.close());

  const addStage = (nameEn: string, start: number, end: number | null, actor = "王") =>
    createStage(t.db, { projectId, scope: BTH, stage: { nameEn, start: y(start), end: end === null ? null : y(end), strategies: [`${nameEn} strategy`] }, actor });

  it("keeps stages in date order with who made them, and refuses an overlap without saving it", async () => {
    await addStage("II", 2011, 2013);
    const first = await addStage("I", 2006, 2010, "李");
    expect(first).toMatchObject({ nameEn: "I", start: { year: 2006 }, end: { year: 2010 }, strategies: ["I strategy"], createdBy: "李", version: 1 });
    expect(await appError(addStage("overlapping", 2009, 2012))).toEqual({
      code: "conflict",
      message: expect.stringContaining("stages “I” (2006–2010) and “overlapping” (2009–2012) overlap"),
    });
    const [bth] = await listPeriods(t.db, projectId);
    expect(bth!.stages.map((s) => s.nameEn)).toEqual(["I", "II"]);
    expect((await periodChanges(t.db, projectId)).map((c) => [c.entity, c.action, c.actor])).toEqual([
      ["stage", "create", "李"],
      ["stage", "create", "王"],
    ]);
  });

  it("edits with the version the editor saw and refuses a stale edit", async () => {
    const s = await addStage("I", 2006, 2010);
    const edited = await updateStage(t.db, { id: s.id, version: 1, patch: { end: y(2011), nameZh: "沿海优先" }, actor: "李" });
    expect(edited).toMatchObject({ version: 2, end: { year: 2011 }, nameZh: "沿海优先", nameEn: "I", updatedBy: "李" });
    expect(await appError(updateStage(t.db, { id: s.id, version: 1, patch: { nameEn: "late" }, actor: "王" }))).toEqual({
      code: "conflict",
      message: expect.stringContaining("changed by someone else"),
    });
    const log = await periodChanges(t.db, projectId);
    const update = log.find((c) => c.action === "update")!;
    expect(JSON.parse(update.detail)).toMatchObject({ before: { end: { year: 2010 } }, after: { end: { year: 2011 } } });
  });

  it("places junctures between stages only, and refuses a stage deletion that would strand one", async () => {
    const first = await addStage("I", 2006, 2010);
    await addStage("II", 2012, null);
    const j = await createJuncture(t.db, { projectId, scope: BTH, juncture: { date: y(2011), titleZh: "首都经济圈", type: "reform" }, actor: "王" });
    expect(j).toMatchObject({ date: { year: 2011 }, titleZh: "首都经济圈", type: "reform", evidence: [] });
    expect((await appError(createJuncture(t.db, { projectId, scope: BTH, juncture: { date: y(2008), titleEn: "mid" }, actor: "王" }))).message).toContain(
      "falls inside stage “I” (2006–2010)",
    );
    expect((await appError(updateJuncture(t.db, { id: j.id, version: 1, patch: { date: y(2015) }, actor: "王" }))).message).toContain("falls inside stage “II”");
    const moved = await updateJuncture(t.db, { id: j.id, version: 1, patch: { date: y(2012), description: "纳入规划" }, actor: "李" });
    expect(moved).toMatchObject({ version: 2, date: { year: 2012 }, titleZh: "首都经济圈", type: "reform", description: "纳入规划", updatedBy: "李" });
    await updateJuncture(t.db, { id: j.id, version: 2, patch: { date: y(2011) }, actor: "李" });
    // Without stage I the juncture (2011, in the gap before II) would come before the first stage.
    expect((await appError(deleteStage(t.db, { id: first.id, version: 1, actor: "王" }))).message).toContain("falls before the first stage");
    const [bth] = await listPeriods(t.db, projectId);
    expect(bth!.stages.map((s) => s.nameEn)).toEqual(["I", "II"]);
    expect(bth!.junctures.map((x) => x.date.year)).toEqual([2011]);
  });

  it("attaches evidence of the same project and shows it as gone once its coding is deleted", async () => {
    await addStage("I", 2006, 2010);
    await addStage("II", 2011, 2013);
    const code = await addCode(t.db, projectId, "COO-1");
    const d = await addDocument(t.db, projectId, ["𠮷京津冀协同发展上升为国家战略。雄安新区设立。"], { region: "BTH", year: 2014, title: "报告" });
    const coding = await createCoding(t.db, { documentId: d.doc.id, codeId: code.id, start: 1, end: 8, coder: "王" });
    const j = await createJuncture(t.db, { projectId, scope: BTH, juncture: { date: y(2011), titleEn: "Outline" }, actor: "王" });
    let view = await addEvidence(t.db, { junctureId: j.id, evidence: { kind: "coding", targetId: coding.id, note: "key passage" }, actor: "李" });
    view = await addEvidence(t.db, { junctureId: j.id, evidence: { kind: "passage", targetId: d.doc.id, start: 9, end: 15 }, actor: "李" });
    expect(view.version).toBe(3);
    expect(view.evidence.map((e) => [e.kind, e.label, e.start, e.end, e.missing])).toEqual([
      ["coding", "COO-1 “京津冀协同发展”", 1, 8, false],
      ["passage", "报告", 9, 15, false],
    ]);
    expect((await appError(addEvidence(t.db, { junctureId: j.id, evidence: { kind: "coding", targetId: coding.id }, actor: "李" }))).code).toBe("conflict");
    expect((await appError(addEvidence(t.db, { junctureId: j.id, evidence: { kind: "passage", targetId: d.doc.id, start: 9, end: 99 }, actor: "李" }))).message).toContain(
      "after the document's end",
    );
    const other = await addProject(t.db, "q");
    const foreign = await addDocument(t.db, other.id, ["别的项目。"]);
    expect((await appError(addEvidence(t.db, { junctureId: j.id, evidence: { kind: "document", targetId: foreign.doc.id }, actor: "李" }))).code).toBe("not_found");

    await deleteCoding(t.db, { id: coding.id, version: coding.version });
    const [bth] = await listPeriods(t.db, projectId);
    expect(bth!.junctures[0]!.evidence.map((e) => [e.kind, e.missing])).toEqual([
      ["coding", true],
      ["passage", false],
    ]);
    await removeEvidence(t.db, { id: bth!.junctures[0]!.evidence[0]!.id, actor: "李" });
    expect((await listPeriods(t.db, projectId))[0]!.junctures[0]!.evidence).toHaveLength(1);
  });

  it("copies a grouping's periods to another, and refuses a copy that does not fit", async () => {
    await addStage("I", 2006, 2010);
    await createJuncture(t.db, { projectId, scope: BTH, juncture: { date: y(2011), titleEn: "J" }, actor: "王" });
    await addStage("II", 2011, null);
    const copy = await copyPeriods(t.db, { projectId, from: BTH, to: { field: "region", value: "YRD" }, actor: "李" });
    expect(copy.stages.map((s) => [s.nameEn, s.createdBy])).toEqual([
      ["I", "李"],
      ["II", "李"],
    ]);
    expect(copy.junctures.map((j) => j.titleEn)).toEqual(["J"]);
    await createStage(t.db, { projectId, scope: { field: "region", value: "CC" }, stage: { nameEn: "x", start: y(2008), end: y(2009) }, actor: "王" });
    expect((await appError(copyPeriods(t.db, { projectId, from: BTH, to: { field: "region", value: "CC" }, actor: "李" }))).message).toContain("overlap");
    expect((await listPeriods(t.db, projectId, { value: "CC" }))[0]!.stages).toHaveLength(1);
  });

  it("imports a file all or nothing, and exports it back as the same JSON and CSV", async () => {
    const file: PeriodsFile = {
      format: "juncture-periods",
      version: 1,
      groupings: [
        {
          field: "region",
          value: "BTH",
          stages: [
            { nameZh: "沿海", nameEn: "Coast", start: "2006", end: "2010", strategies: ["港口", "临港产业 | 腹地"] },
            { nameEn: "Inland", start: "2011-03", end: null, strategies: [] },
          ],
          junctures: [{ date: "2011-03", titleZh: "首都经济圈", titleEn: "", type: "reform", description: "纳入“十二五”规划" }],
        },
      ],
    };
    expect(await importPeriods(t.db, { projectId, file, actor: "王" })).toEqual({ groupings: 1, stages: 2, junctures: 1 });
    const exported = await exportPeriods(t.db, projectId);
    expect(exported.groupings[0]).toMatchObject({
      value: "BTH",
      stages: [
        { nameZh: "沿海", nameEn: "Coast", start: "2006", end: "2010", strategies: ["港口", "临港产业 | 腹地"] },
        { nameEn: "Inland", start: "2011-03", end: null },
      ],
      junctures: [{ date: "2011-03", titleZh: "首都经济圈", type: "reform", description: "纳入“十二五”规划" }],
    });
    // CSV round trip (strategies share a cell: a "|" inside one splits it, the documented limit).
    const csv = periodsToCsv(exported);
    expect(csv.startsWith("\uFEFFfield,value,kind,start,end")).toBe(true);
    const back = parsePeriodsText(csv);
    expect(back.groupings[0]!.stages![0]!.strategies).toEqual(["港口", "临港产业", "腹地"]);
    expect(back.groupings[0]!.junctures).toEqual(exported.groupings[0]!.junctures);

    // A second grouping with a bad juncture: nothing of the file is imported, BTH stays as it was.
    const bad: PeriodsFile = {
      format: "juncture-periods",
      version: 1,
      groupings: [
        { field: "region", value: "YRD", stages: [{ nameEn: "A", start: "2010", end: "2015" }] },
        { field: "region", value: "BTH", stages: [{ nameEn: "more", start: "2001", end: "2003" }], junctures: [{ date: "2002", titleEn: "inside" }] },
      ],
    };
    expect((await appError(importPeriods(t.db, { projectId, file: bad, actor: "王" }))).message).toContain("nothing was imported");
    expect((await listPeriods(t.db, projectId)).map((s) => [s.scope.value, s.stages.length])).toEqual([["BTH", 2]]);

    // Replace swaps a grouping's periods.
    await importPeriods(t.db, { projectId, file: { format: "juncture-periods", version: 1, groupings: [{ field: "region", value: "BTH", stages: [{ nameEn: "only", start: "2000", end: null }] }] }, replace: true, actor: "王" });
    expect((await listPeriods(t.db, projectId))[0]!.stages.map((s) => s.nameEn)).toEqual(["only"]);
  });

  it("refuses files that are not periods files, with the reason", () => {
    expect(() => parsePeriodsText('{"format":"other","version":1,"groupings":[]}')).toThrow(/not a periods file/);
    expect(() => parsePeriodsText("{oops")).toThrow(/not valid JSON/);
    expect(() => parsePeriodsText("field,value,kind,start\nregion,BTH,era,2001\n")).toThrow(/row 2: kind is “stage” or “juncture”/);
    expect(() => parsePeriodsText("field,value\nregion,BTH\n")).toThrow(/lacks the column\(s\) kind, start/);
    expect(() => parsePeriodsText('{"format":"juncture-periods","version":1,"groupings":[{"field":"region","value":"BTH","stages":[{"nameEn":"x","start":"20x1"}]}]}')).toThrow(
      /“20x1” is not a year/,
    );
  });

  it("writes Markdown in the layout of Table 4.1, in one language", async () => {
    await addStage("Coast", 2006, 2010);
    await createJuncture(t.db, { projectId, scope: BTH, juncture: { date: y(2011), titleZh: "首都经济圈", titleEn: "Capital circle", type: "reform" }, actor: "王" });
    await addStage("Inland", 2011, null);
    const scopes = await listPeriods(t.db, projectId);
    const en = periodsToMarkdown(scopes, "en");
    const lines = en.split("\n").filter(Boolean);
    expect(lines).toEqual([
      "# Stages and critical junctures",
      "## BTH",
      "**2006–2010 Coast**",
      "- Coast strategy",
      "→ *2011 Capital circle* (reform)",
      "**2011– Inland**",
      "- Inland strategy",
    ]);
    expect(periodsToMarkdown(scopes, "zh")).toContain("→ *2011 首都经济圈* (改革)");
  });
});
