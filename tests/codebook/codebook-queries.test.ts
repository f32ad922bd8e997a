import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyTemplates, createCode, findCodeByShortName, flattenCodebook, getCodebook, searchCodes } from "../../lib/codebook";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { nth } from "../helpers/nth";
import { addCoding, seedProject } from "./fixtures";

describe("getCodebook / flattenCodebook / findCodeByShortName / searchCodes", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it("counts codings per code and including descendants", async () => {
    const { project, coder, document } = await seedProject(t.db);
    await applyTemplates(t.db, project.id, ["3co"]);
    const codes = await t.db.code.findMany();
    const id = (shortName: string) => nth(codes.filter((c) => c.shortName === shortName), 0).id;
    const base = { projectId: project.id, documentId: document.id, coderId: coder.id };
    await addCoding(t.db, { ...base, codeId: id("CON"), start: 0, end: 9 });
    await addCoding(t.db, { ...base, codeId: id("CON-1"), start: 10, end: 19 });
    await addCoding(t.db, { ...base, codeId: id("CON-1"), start: 20, end: 27 });
    await addCoding(t.db, { ...base, codeId: id("CON-3"), start: 28, end: 35 });
    const sub = await createCode(t.db, { projectId: project.id, shortName: "CON-1a", parentId: id("CON-1") });
    await addCoding(t.db, { ...base, codeId: sub.id, start: 36, end: 40 });

    const tree = await getCodebook(t.db, project.id);
    const con = tree.find((n) => n.shortName === "CON")!;
    expect([con.codingCount, con.totalCodingCount]).toEqual([1, 5]);
    expect(con.children.map((c) => [c.shortName, c.codingCount, c.totalCodingCount])).toEqual([
      ["CON-1", 2, 3],
      ["CON-2", 0, 0],
      ["CON-3", 1, 1],
    ]);
    expect(tree.find((n) => n.shortName === "COE")!.totalCodingCount).toBe(0);

    const flat = flattenCodebook(tree);
    expect(flat.map((n) => n.shortName).slice(5, 10)).toEqual(["CON", "CON-1", "CON-1a", "CON-2", "CON-3"]);
    expect(flat.find((n) => n.shortName === "CON-1a")).toMatchObject({ depth: 2, path: ["CON", "CON-1", "CON-1a"] });
  });

  it("finds a code by short name exactly, then ignoring case and width", async () => {
    const { project } = await seedProject(t.db);
    await applyTemplates(t.db, project.id, ["3co"]);
    expect((await findCodeByShortName(t.db, project.id, "COO-3"))?.labelZh).toBe("产业集群协作");
    expect((await findCodeByShortName(t.db, project.id, "coo-3"))?.shortName).toBe("COO-3");
    expect((await findCodeByShortName(t.db, project.id, "ＣＯＯ－３"))?.shortName).toBe("COO-3");
    expect(await findCodeByShortName(t.db, project.id, "COO-9")).toBeNull();
  });

  it("searches by Chinese label, English label (any case), short name and keyword, with paths", async () => {
    const { project } = await seedProject(t.db);
    await applyTemplates(t.db, project.id, ["3co", "mismatches"]);

    const zh = await searchCodes(t.db, project.id, "公共服务");
    expect(zh[0]).toMatchObject({ shortName: "COO-4", pathLabel: "COO › COO-4", path: ["COO", "COO-4"], matchedFields: expect.arrayContaining(["labelZh"]) });

    const en = await searchCodes(t.db, project.id, "TRANSPORTATION system");
    expect(en.map((h) => [h.shortName, h.matchedFields])).toEqual([["CON-1", ["labelEn", "definition"]]]);

    const short = await searchCodes(t.db, project.id, "coe-3");
    expect(short[0]).toMatchObject({ shortName: "COE-3", pathLabel: "COE › COE-3" });

    const exactFirst = await searchCodes(t.db, project.id, "con");
    expect(exactFirst[0]).toMatchObject({ shortName: "CON" });

    const keyword = await searchCodes(t.db, project.id, "联防联控");
    expect(keyword.map((h) => h.shortName)).toContain("COE-3");
    expect(keyword.find((h) => h.shortName === "COE-3")!.matchedFields).toContain("keywords");

    const mismatch = await searchCodes(t.db, project.id, "priority");
    expect(mismatch[0]).toMatchObject({ shortName: "PRIORITY", path: ["PRIORITY"] });

    expect(await searchCodes(t.db, project.id, "   ")).toEqual([]);
    expect(await searchCodes(t.db, project.id, "没有这样的编码")).toEqual([]);
  });

  it("answers not_found for a project that does not exist", async () => {
    expect(await appError(getCodebook(t.db, "missing"))).toEqual({ code: "not_found", message: "Project not found / 未找到该项目" });
  });
});
