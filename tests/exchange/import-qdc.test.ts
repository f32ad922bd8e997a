import fs from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportBytes, exportProject } from "../../lib/exchange";
import { importQdc } from "../../lib/exchange/import-qdc";
import { readQdpx } from "../../lib/exchange/qdpx-read";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addProject, appError } from "../coding/fixtures";
import { exchangeFixture } from "./fixture";

const SAMPLES = "/work/shared/refi-qda/samples";
const list = (re: RegExp) =>
  fs.existsSync(SAMPLES)
    ? fs
        .readdirSync(SAMPLES, { recursive: true, encoding: "utf8" })
        .filter((f) => re.test(f))
        .map((f) => path.join(SAMPLES, f))
        .sort()
    : [];
const qdcSamples = list(/\.qdc$/);
const qdpxSamples = list(/\.(qdpx|zip)$/);
if (qdcSamples.length === 0) console.warn(`no .qdc samples under ${SAMPLES}: the sample tests are skipped`);

const qdc = (body: string, attrs = ' xmlns="urn:QDA-XML:codebook:1.0" origin="test"') => strToU8(`<?xml version="1.0" encoding="utf-8"?>\n<CodeBook${attrs}>${body}</CodeBook>`);
const g = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`;

/** The project's codebook as [path, labelZh, labelEn, definition, colour] rows and its groups, from our JSON export. */
async function codebookOf(t: TestDb, projectId: string) {
  const j = JSON.parse(new TextDecoder().decode(exportBytes(await exportProject(t.db, { projectId, format: "json" }))));
  return {
    codes: j.codebook.codes.map((c: Record<string, unknown>) => [c.path, c.labelZh, c.labelEn, c.definition, c.color]),
    groups: j.codebook.groups.map((gr: { name: string; labelZh: string; codeIds: string[] }) => [gr.name, gr.labelZh, gr.codeIds.length]).sort(),
  };
}

describe("REFI-QDA codebook (.qdc) import into an existing project", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it.runIf(qdcSamples.length > 0)("imports the sample codebooks (Taguette's empty <Sets/> is reported, not refused)", async () => {
    const p = await addProject(t.db, "samples");
    const taguette = qdcSamples.find((f) => f.endsWith(path.join("uto_tag", "codebook.qdc")));
    expect(taguette).toBeDefined();
    const r = await importQdc(t.db, { bytes: fs.readFileSync(taguette!), projectId: p.id });
    expect(r).toEqual({
      projectId: p.id,
      origin: "Taguette 1.4.1",
      imported: { codes: 3, reused: 0, groups: 0, memberships: 0 },
      notes: ["empty <Sets> (the schema wants at least one <Set>); ignored"],
    });
    const codes = await t.db.code.findMany({ where: { projectId: p.id }, orderBy: { sortOrder: "asc" } });
    expect(codes.map((c) => [c.shortName, c.parentId, c.sortOrder, c.color])).toEqual([
      ["xsd:element name", null, 0, "#4f7cac"],
      ["CodeBook", null, 1, "#4f7cac"],
      ["Variables", null, 2, "#4f7cac"],
    ]);
    for (const f of qdcSamples) {
      const other = await addProject(t.db, `sample ${f}`);
      const s = await importQdc(t.db, { bytes: fs.readFileSync(f), projectId: other.id });
      expect(s.imported.codes, f).toBeGreaterThan(0);
    }
  });

  it.runIf(qdpxSamples.length > 0)("imports the codebook of every sample project written as a .qdc (hierarchy and colours of NVivo, MAXQDA, ATLAS.ti)", { timeout: 120_000 }, async () => {
    for (const [i, file] of qdpxSamples.entries()) {
      const bytes = fs.readFileSync(file);
      const entries = unzipSync(bytes);
      const qde = strFromU8(Object.entries(entries).find(([k]) => k.toLowerCase() === "project.qde")![1]);
      const book = /<CodeBook\b[^>]*>([\s\S]*?)<\/CodeBook>/.exec(qde)?.[1];
      if (!book) continue; // an empty project
      const expected = readQdpx(bytes).codes;
      const p = await addProject(t.db, `qdpx sample ${i}`);
      const r = await importQdc(t.db, { bytes: qdc(book), projectId: p.id });
      expect(r.imported.codes + r.imported.reused, file).toBe(expected.length);
      const rows = await t.db.code.findMany({ where: { projectId: p.id } });
      expect(rows.length).toBe(r.imported.codes);
      // Every code with a parent in the file has one here, and colours came across.
      expect(rows.filter((c) => c.parentId !== null).length, file).toBe(expected.filter((c) => c.parentGuid !== null).length);
      const colours = expected.filter((c) => c.color).length;
      if (colours) expect(rows.filter((c) => c.color !== "#4f7cac").length, file).toBeGreaterThan(0);
    }
  });

  it("round trip: our .qdc imported into an empty project gives the same codes, paths, labels, colours and groups", async () => {
    const f = await exchangeFixture(t.db);
    const bytes = exportBytes(await exportProject(t.db, { projectId: f.project.id, format: "qdc" }));
    const empty = await addProject(t.db, "empty");
    const r = await importQdc(t.db, { bytes, projectId: empty.id });
    expect(r).toEqual({ projectId: empty.id, origin: "Juncture", imported: { codes: 3, reused: 0, groups: 1, memberships: 2 }, notes: [] });
    expect(await codebookOf(t, empty.id)).toEqual(await codebookOf(t, f.project.id));
    expect((await codebookOf(t, empty.id)).codes).toEqual([
      ["econ", "经济", "econ", "", "#aa3300"],
      ["econ / infra", "基础设施", "Infrastructure", "交通、能源", "#3366cc"],
      ["gov", "治理", "gov", "", "#228844"],
    ]);

    // Again into the same project: every code is reused, nothing is added.
    const again = await importQdc(t.db, { bytes, projectId: empty.id });
    expect(again.imported).toEqual({ codes: 0, reused: 3, groups: 0, memberships: 0 });
    expect(again.notes).toEqual([
      "code “econ” already exists in the project; reused as it is",
      "code “infra” already exists in the project; reused as it is",
      "code “gov” already exists in the project; reused as it is",
      "code group “core” already exists; its members are added to it",
    ]);
    expect(await t.db.code.count({ where: { projectId: empty.id } })).toBe(3);
  });

  it("reuses a code the project already has (ignoring case), puts new children under it and appends after its siblings", async () => {
    const p = await addProject(t.db, "existing");
    const econ = await addCode(t.db, p.id, "ECON", { labelZh: "原有", color: "#111111" });
    await addCode(t.db, p.id, "other");
    const bytes = qdc(
      `<Codes><Code guid="${g(1)}" name="econ" isCodable="true" color="#ff0000"><Description>中文: 新</Description><Code guid="${g(2)}" name="trade" isCodable="true" color="#0a0"/></Code><Code guid="${g(3)}" name="new" isCodable="true"/></Codes>` +
        `<Sets><Set guid="${g(9)}" name="核心"><Description>核心编码</Description><MemberCode guid="${g(1)}"/><MemberCode guid="${g(2)}"/></Set></Sets>`,
    );
    const r = await importQdc(t.db, { bytes, projectId: p.id });
    expect(r.imported).toEqual({ codes: 2, reused: 1, groups: 1, memberships: 2 });
    expect(r.notes).toEqual(["code “econ” already exists in the project; reused as it is"]);
    const rows = await t.db.code.findMany({ where: { projectId: p.id } });
    const by = (n: string) => rows.find((c) => c.shortName === n)!;
    expect([by("ECON").labelZh, by("ECON").color]).toEqual(["原有", "#111111"]); // not overwritten
    expect([by("trade").parentId, by("trade").color, by("trade").sortOrder]).toEqual([econ.id, "#00aa00", 0]);
    expect([by("new").parentId, by("new").sortOrder]).toEqual([null, by("other").sortOrder + 1]);
    const group = await t.db.codeGroup.findFirstOrThrow({ where: { projectId: p.id }, include: { members: true } });
    expect([group.name, group.labelZh, group.members.map((m) => m.codeId).sort()]).toEqual(["核心", "核心编码", [econ.id, by("trade").id].sort()]);
  });

  it("reads a codebook that does not follow the schema and reports each adjustment", async () => {
    const p = await addProject(t.db, "lenient");
    const long = "长".repeat(70);
    const bytes = qdc(
      `<Codes><Code guid="${g(1)}" name="a" isCodable="true" color="red"/><Code guid="not-a-guid" name="A" isCodable="true"/>` +
        `<Code guid="${g(3)}" name="" isCodable="true"/><Code guid="${g(4)}" name="${long}" isCodable="true"/><Code guid="${g(5)}" name="ＣＯＥ－１" isCodable="true"/></Codes>` +
        `<Sets><Set guid="${g(8)}" name="empty"/><Set guid="${g(9)}" name="some"><MemberCode guid="${g(1)}"/><MemberCode guid="${g(7)}"/></Set></Sets>`,
      "",
    );
    const r = await importQdc(t.db, { bytes, projectId: p.id });
    expect(r.notes).toEqual([
      `the codebook's namespace is missing, not urn:QDA-XML:codebook:1.0; read anyway`,
      "code “a”: colour “red” is not #rgb or #rrggbb; left out",
      "code “A” has no valid guid (“not-a-guid”); imported",
      "code “A” appears more than once in the file; the repeat is named “A (2)”",
      `code ${g(3)} has no name; named “code 3”`,
      `the name of code “${long}” is longer than 64 characters; cut`,
      "code “ＣＯＥ－１” is named “COE-1” (no line breaks or tabs; full-width letters folded)",
      "set “empty” has no codes; left out",
      `set “some”: member ${g(7)} is not a code of the file; left out`,
    ]);
    expect(r.imported).toEqual({ codes: 5, reused: 0, groups: 1, memberships: 1 });
    const names = (await t.db.code.findMany({ where: { projectId: p.id }, orderBy: { sortOrder: "asc" } })).map((c) => c.shortName);
    expect(names).toEqual(["a", "A (2)", "code 3", "长".repeat(64), "COE-1"]);
  });

  it("refuses what is not a codebook, and an unknown project, leaving nothing behind", async () => {
    const p = await addProject(t.db, "target");
    const cases: [Uint8Array, string][] = [
      [strToU8("code,name\n1,a\n"), "not a .qdc codebook: the file is not XML"],
      [strToU8("<CodeBook><Codes><Code></CodeBook>"), "the .qdc file is not well-formed XML (line 1:"],
      [strToU8(`<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>`), "not a .qdc codebook: the root element is <Project>, expected <CodeBook>"],
      [zipSync({ "project.qde": strToU8("<Project/>") }), "this is a ZIP archive (a .qdpx project?), not a .qdc codebook"],
    ];
    for (const [bytes, reason] of cases) {
      expect(await appError(importQdc(t.db, { bytes, projectId: p.id }))).toEqual({ code: "invalid_input", message: expect.stringContaining(reason) });
    }
    const good = qdc(`<Codes><Code guid="${g(1)}" name="a" isCodable="true"/></Codes>`);
    expect(await appError(importQdc(t.db, { bytes: good, projectId: "no-such-project" }))).toEqual({ code: "not_found", message: "Project not found / 未找到该项目" });
    expect(await t.db.code.count()).toBe(0);
    expect(await t.db.codeGroup.count()).toBe(0);
  });

  it("writes nothing when the transaction fails part-way", async () => {
    const p = await addProject(t.db, "atomic");
    // The second code insert fails inside the transaction (a database error); the first must be rolled back.
    const bytes = qdc(`<Codes><Code guid="${g(1)}" name="a" isCodable="true"/><Code guid="${g(2)}" name="b" isCodable="true"/></Codes>`);
    const failing = new Proxy(t.db, {
      get(target, prop, receiver) {
        if (prop === "$transaction") {
          return (fn: (tx: unknown) => Promise<unknown>, ...rest: unknown[]) =>
            (target.$transaction as (f: (tx: unknown) => Promise<unknown>, ...r: unknown[]) => Promise<unknown>)(async (tx) => {
              let inserts = 0;
              const code = (tx as { code: { create: (a: unknown) => Promise<unknown> } }).code;
              const wrapped = new Proxy(tx as object, {
                get(o, k) {
                  if (k === "code")
                    return new Proxy(code, {
                      get(c, m) {
                        if (m === "create")
                          return async (a: unknown) => {
                            if (++inserts === 2) throw new Error("disk full");
                            return code.create(a);
                          };
                        return Reflect.get(c, m);
                      },
                    });
                  return Reflect.get(o, k);
                },
              });
              return fn(wrapped);
            }, ...rest);
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    await expect(importQdc(failing, { bytes, projectId: p.id })).rejects.toThrow("disk full");
    expect(await t.db.code.count({ where: { projectId: p.id } })).toBe(0);
  });
});
