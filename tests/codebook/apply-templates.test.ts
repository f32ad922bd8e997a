import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CODEBOOK_TEMPLATES,
  DEFAULT_TEMPLATE_KEYS,
  TEMPLATE_KEYS,
  applyTemplates,
  createCode,
  deleteCode,
  flattenCodebook,
  getCodebook,
  listCodeGroups,
  walkTemplateCodes,
} from "../../lib/codebook";
import { applyTemplates as applyFromTemplatesModule } from "../../lib/codebook/templates";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { seedProject } from "./fixtures";

describe("built-in templates", () => {
  it("give every code a unique stable short name, bilingual labels, criteria, example and colour", () => {
    const all = TEMPLATE_KEYS.flatMap((k) => [...walkTemplateCodes(CODEBOOK_TEMPLATES[k].codes)].map((w) => w.code));
    const names = all.map((c) => c.shortName);
    expect(new Set(names).size).toBe(names.length);
    for (const required of ["COE", "CON", "COO", "COE-1", "COE-4", "CON-3", "COO-4", "EXT", "INT", "MET", "PLACE", "PRIORITY", "ACTOR", "VERTICAL", "HORIZONTAL"]) {
      expect(names).toContain(required);
    }
    for (const c of all) {
      expect(c.labelZh, c.shortName).toMatch(/\p{Script=Han}/u);
      expect(c.labelEn, c.shortName).toMatch(/[A-Za-z]/);
      expect(c.definition, c.shortName).toMatch(/\p{Script=Han}/u);
      for (const field of ["inclusion", "exclusion", "example"] as const) {
        expect(c[field], `${c.shortName}.${field}`).toMatch(/\p{Script=Han}/u);
      }
      expect(c.color, c.shortName).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it("give every leaf code 4–10 distinct keywords", () => {
    for (const key of TEMPLATE_KEYS) {
      for (const { code } of walkTemplateCodes(CODEBOOK_TEMPLATES[key].codes)) {
        if (code.children) continue;
        expect(code.keywords.length, code.shortName).toBeGreaterThanOrEqual(4);
        expect(code.keywords.length, code.shortName).toBeLessThanOrEqual(10);
        expect(new Set(code.keywords).size, code.shortName).toBe(code.keywords.length);
      }
    }
    const con1 = [...walkTemplateCodes(CODEBOOK_TEMPLATES["3co"].codes)].find((w) => w.code.shortName === "CON-1");
    expect(con1?.code.keywords).toEqual(expect.arrayContaining(["高速铁路", "城际铁路", "机场", "轨道交通"]));
  });

  it("default to 3-CO and the mismatches", () => {
    expect(DEFAULT_TEMPLATE_KEYS).toEqual(["3co", "mismatches"]);
  });
});

describe("applyTemplates", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it("creates the 3 themes and 11 sub-themes of 3-CO with labels, keywords and a group", async () => {
    const { project } = await seedProject(t.db);
    const r = await applyTemplates(t.db, project.id, ["3co"]);
    expect(r).toEqual({ created: 14, skipped: 0 });

    const tree = await getCodebook(t.db, project.id);
    expect(tree.map((n) => n.shortName)).toEqual(["COE", "CON", "COO"]);
    expect(tree.map((n) => n.children.map((c) => c.shortName))).toEqual([
      ["COE-1", "COE-2", "COE-3", "COE-4"],
      ["CON-1", "CON-2", "CON-3"],
      ["COO-1", "COO-2", "COO-3", "COO-4"],
    ]);
    const flat = flattenCodebook(tree);
    const coe3 = flat.find((c) => c.shortName === "COE-3");
    expect(coe3).toMatchObject({ labelZh: "治理环境污染与灾害", labelEn: "Managing environmental pollution and hazards", path: ["COE", "COE-3"] });
    // The stored keywords are the template's own, in its order.
    const keywordsOf = (shortName: string) =>
      [...walkTemplateCodes(CODEBOOK_TEMPLATES["3co"].codes)].find((w) => w.code.shortName === shortName)?.code.keywords;
    expect(coe3?.keywords).toEqual(keywordsOf("COE-3"));
    expect(coe3?.keywords).toEqual(expect.arrayContaining(["大气污染", "联防联控", "生态环境"]));
    const coo3 = flat.find((c) => c.shortName === "COO-3");
    expect(coo3?.keywords).toEqual(keywordsOf("COO-3"));
    expect(coo3?.keywords).toEqual(expect.arrayContaining(["产业集群", "产业转移", "产业链", "园区共建"]));

    const groups = await listCodeGroups(t.db, project.id);
    expect(groups.map((g) => [g.name, [...g.codeIds].sort()])).toEqual([["3-CO", flat.map((c) => c.id).sort()]]);
    expect(flat.map((c) => c.groups.map((g) => g.name))).toEqual(flat.map(() => ["3-CO"]));
  });

  it("is idempotent: a second run creates nothing and duplicates nothing", async () => {
    const { project } = await seedProject(t.db);
    await applyTemplates(t.db, project.id, ["3co", "mismatches"]);
    const again = await applyTemplates(t.db, project.id, ["3co", "mismatches"]);
    expect(again).toEqual({ created: 0, skipped: 17 });
    expect(await t.db.code.count({ where: { projectId: project.id } })).toBe(17);
    expect(await t.db.codeGroupMember.count()).toBe(17);
    expect((await listCodeGroups(t.db, project.id)).map((g) => g.name).sort()).toEqual(["3-CO", "Mismatches"]);
  });

  it("keeps the researcher's own code of the same name and recreates a deleted sub-theme under its theme", async () => {
    const { project } = await seedProject(t.db);
    await createCode(t.db, { projectId: project.id, shortName: "place", labelZh: "我的地方编码" });
    await applyTemplates(t.db, project.id, ["3co", "mismatches"]);
    const place = await t.db.code.findMany({ where: { projectId: project.id, shortName: { in: ["PLACE", "place"] } } });
    expect(place.map((c) => [c.shortName, c.labelZh])).toEqual([["place", "我的地方编码"]]);

    const coo2 = await t.db.code.findFirstOrThrow({ where: { projectId: project.id, shortName: "COO-2" } });
    await deleteCode(t.db, coo2.id, { confirm: true });
    expect(await applyTemplates(t.db, project.id, ["3co"])).toEqual({ created: 1, skipped: 13 });
    const again = await t.db.code.findFirstOrThrow({ where: { projectId: project.id, shortName: "COO-2" }, include: { parent: true } });
    expect(again.parent?.shortName).toBe("COO");
  });

  it("applies every template together, and is reachable from lib/codebook/templates", async () => {
    const { project } = await seedProject(t.db);
    const total = TEMPLATE_KEYS.reduce((n, k) => n + [...walkTemplateCodes(CODEBOOK_TEMPLATES[k].codes)].length, 0);
    expect(await applyFromTemplatesModule(t.db, project.id, [...TEMPLATE_KEYS])).toEqual({ created: total, skipped: 0 });
    expect((await listCodeGroups(t.db, project.id)).map((g) => g.name).sort()).toEqual(
      TEMPLATE_KEYS.map((k) => CODEBOOK_TEMPLATES[k].group.name).sort(),
    );
  });

  it("refuses an unknown template key and a missing project without writing anything", async () => {
    const { project } = await seedProject(t.db);
    expect(await appError(applyTemplates(t.db, project.id, ["3co", "nope" as never]))).toEqual({ code: "invalid_input", message: "keys.1: template must be one of 3co, visions, mechanisms, hi-lenses, strategies, passiveness, mismatches, trajectories / keys.1: 模板须为 3co、visions、mechanisms、hi-lenses、strategies、passiveness、mismatches、trajectories 之一" });
    expect(await appError(applyTemplates(t.db, "missing", ["3co"]))).toEqual({ code: "not_found", message: "Project not found / 未找到该项目" });
    expect(await t.db.code.count()).toBe(0);
  });
});
