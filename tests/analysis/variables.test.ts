import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyVariableTemplate,
  codeFrequencies,
  defineVariable,
  findPassages,
  importVariableCsv,
  listVariables,
  normalizeValue,
  parseFilterSpec,
  setVariableValues,
  variableTable,
  type FrequencyTable,
} from "../../lib/analysis";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { analysisFixture } from "./fixture";

describe("document variables", () => {
  let t: TestDb;
  let f: Awaited<ReturnType<typeof analysisFixture>>;
  beforeAll(async () => {
    t = await createTestDb();
    f = await analysisFixture(t.db);
  });
  afterAll(async () => t.close());

  /** A table's numbers without its group keys' spelling: what must match between two groupings. */
  const numbers = (table: FrequencyTable) => ({
    groups: table.groups.map(({ documents, chars, codings, codedUnits }) => ({ documents, chars, codings, codedUnits })),
    codes: table.codes.map((c) => ({ code: c.shortName, total: c.total, cells: table.groups.map((g) => c.cells[g.key]) })),
    total: table.total,
  });

  it("groups and filters by a user-defined variable exactly as by the equivalent built-in field", async () => {
    await defineVariable(t.db, { projectId: f.projectId, name: "area", kind: "category", categories: ["BTH", "YRD"] });
    await setVariableValues(t.db, { projectId: f.projectId, name: "area", values: [{ documentId: f.d1.doc.id, value: "BTH" }, { documentId: f.d2.doc.id, value: "YRD" }] });
    const byVariable = await codeFrequencies(t.db, { projectId: f.projectId, by: "area" });
    const byRegion = await codeFrequencies(t.db, { projectId: f.projectId, by: "region" });
    expect(byVariable.groups.map((g) => g.key)).toEqual(["BTH", "YRD"]);
    expect(numbers(byVariable)).toEqual(numbers(byRegion));
    expect(byVariable.codes.find((c) => c.shortName === "CON")!.cells.BTH).toMatchObject({ codings: 6, units: 2 });

    const filtered = await codeFrequencies(t.db, { projectId: f.projectId, by: "code", filters: parseFilterSpec("area=YRD") });
    expect(numbers(filtered)).toEqual(numbers(await codeFrequencies(t.db, { projectId: f.projectId, by: "code", filters: parseFilterSpec("region=YRD") })));

    const viaVariable = await findPassages(t.db, { projectId: f.projectId, code: "CON", group: { by: "area", key: "BTH" } });
    const viaRegion = await findPassages(t.db, { projectId: f.projectId, code: "CON", group: { by: "region", key: "BTH" } });
    expect(viaVariable).toEqual(viaRegion);
    expect(viaVariable.total).toBe(6);
  });

  it("treats a document without a value as the group with no value", async () => {
    await defineVariable(t.db, { projectId: f.projectId, name: "budget", kind: "number" });
    await setVariableValues(t.db, { projectId: f.projectId, name: "budget", values: [{ documentId: f.d1.doc.id, value: "1,200" }] });
    const table = await codeFrequencies(t.db, { projectId: f.projectId, by: "budget" });
    expect(table.groups.map((g) => [g.key, g.codings])).toEqual([["", 3], ["1200", 8]]);
    const unset = await codeFrequencies(t.db, { projectId: f.projectId, by: "code", filters: { budget: [""] } });
    expect(unset.total).toMatchObject({ documents: 1, codings: 3 });
    const p = await findPassages(t.db, { projectId: f.projectId, code: "COO-3", group: { by: "budget", key: "" } });
    expect(p.passages.map((x) => x.codingId)).toEqual([f.k.k8]);
    // Clearing a value.
    await setVariableValues(t.db, { projectId: f.projectId, name: "budget", values: [{ documentId: f.d1.doc.id, value: null }] });
    expect((await codeFrequencies(t.db, { projectId: f.projectId, by: "budget" })).groups.map((g) => g.key)).toEqual([""]);
  });

  it("normalises values per kind and refuses the wrong ones with the reason", async () => {
    const v = (kind: "text" | "number" | "date" | "boolean" | "category", raw: string) => normalizeValue({ name: "x", kind, categories: ["core", "secondary"] }, raw);
    expect(v("number", " 3.50 ")).toBe("3.5");
    expect(v("boolean", "是")).toBe("yes");
    expect(v("boolean", "No")).toBe("no");
    expect(v("date", "2019-03-05")).toBe("2019-03-05");
    expect(v("text", "  ")).toBeNull();
    expect(() => v("date", "2019/03/05")).toThrow('x: "2019/03/05" is not a date (yyyy-mm-dd)');
    expect(() => v("category", "capital")).toThrow('x: "capital" is not one of core, secondary');
    expect(() => v("number", "many")).toThrow("is not a number");
    expect(await appError(defineVariable(t.db, { projectId: f.projectId, name: "region", kind: "text" }))).toMatchObject({ code: "invalid_input" });
    expect(await appError(defineVariable(t.db, { projectId: f.projectId, name: "area", kind: "text" }))).toMatchObject({ code: "conflict" });
    expect(await appError(defineVariable(t.db, { projectId: f.projectId, name: "kinds", kind: "category" }))).toMatchObject({ code: "invalid_input" });
  });

  it("applies the study's template and sets values from a CSV, all or nothing", async () => {
    await applyVariableTemplate(t.db, f.projectId);
    const vars = await applyVariableTemplate(t.db, f.projectId); // idempotent
    expect(vars.filter((v) => v.name === "role" || v.name === "cityType").map((v) => [v.name, v.categories])).toEqual([
      ["role", ["core", "secondary"]],
      ["cityType", ["TYPE-A", "TYPE-B", "TYPE-C", "TYPE-D", "TYPE-E"]],
    ]);
    const bad = `document,role,cityType\n京津冀报告,core,\n${f.d2.doc.id},secondary,TYPE-Z\n`;
    expect(await appError(importVariableCsv(t.db, { projectId: f.projectId, csv: bad }))).toMatchObject({ code: "invalid_input" });
    expect((await codeFrequencies(t.db, { projectId: f.projectId, by: "role" })).groups.map((g) => g.key)).toEqual([""]);

    const csv = `\uFEFFdocument,role,cityType\n京津冀报告,core,\n${f.d2.doc.id},secondary,TYPE-B\n不存在的文档,core,\n`;
    expect(await importVariableCsv(t.db, { projectId: f.projectId, csv })).toEqual({ documents: 2, values: 3, unmatched: ["不存在的文档"] });
    const byRole = await codeFrequencies(t.db, { projectId: f.projectId, by: "role" });
    expect(byRole.groups.map((g) => [g.key, g.codings, g.codedUnits])).toEqual([["core", 8, 4], ["secondary", 3, 2]]);
    const types = await codeFrequencies(t.db, { projectId: f.projectId, by: "cityType", filters: parseFilterSpec("role=secondary") });
    expect(types.groups.map((g) => [g.key, g.codings])).toEqual([["TYPE-B", 3]]);
    expect((await listVariables(t.db, f.projectId)).map((v) => v.name)).toEqual(["area", "budget", "role", "cityType"]);
    const grid = await variableTable(t.db, f.projectId);
    expect(grid.documents.map((d) => d.title)).toEqual(["京津冀报告", "长三角规划"]);
    expect(grid.values[f.d2.doc.id]).toEqual({ area: "YRD", role: "secondary", cityType: "TYPE-B" });
  });
});
