import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stableGuid } from "../../lib/exchange";
import { runCli } from "../cli/cli";
import { createTestDb, type TestDb } from "../helpers/db";
import { COMMENT, exchangeFixture, type ExchangeFixture } from "./fixture";

/** `juncture export` as a researcher runs it: each format to a file, with filters, and refusals that leave no file. */
describe("juncture export", () => {
  let t: TestDb;
  let f: ExchangeFixture;
  let dir: string;
  beforeEach(async () => {
    t = await createTestDb();
    f = await exchangeFixture(t.db, "甲");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-export-"));
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes CSV with filters, QDPX and a JSON report, and refuses an unknown code without writing a file", async () => {
    const out = path.join(dir, "codings.csv");
    const r = await runCli(["export", "--project", "甲", "--format", "csv", "--out", out, "--coders", "王", "--codes", "econ", "--json"], t.url);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toEqual({ file: out, format: "csv", contentType: "text/csv; charset=utf-8", bytes: fs.statSync(out).size });
    const raw = fs.readFileSync(out);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(raw, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.code, row.text, row.coder, row.comment]).sort()).toEqual([
      ["econ", "产业升级转移", "王", ""],
      ["infra", "交通一体化", "王", COMMENT],
    ]);

    const qdpx = path.join(dir, "p.qdpx");
    const q = await runCli(["export", "--project", "甲", "--format", "qdpx", "--out", qdpx, "--lang", "zh"], t.url);
    expect(q.code).toBe(0);
    expect(q.stdout).toMatch(/^已写入 .*p\.qdpx（[\d,]+ 字节）\n$/);
    const entries = unzipSync(fs.readFileSync(qdpx));
    expect(strFromU8(entries[`sources/${stableGuid("source", f.b.doc.id)}.txt`]!)).toBe("长三角一体化发展。");
    expect(strFromU8(entries["project.qde"]!)).toContain(`guid="${stableGuid("selection", f.codings.cInfra.id)}" name="交通一体化" startPosition="16" endPosition="21"`);

    const bad = path.join(dir, "bad.csv");
    const refused = await runCli(["export", "--project", "甲", "--format", "matrix", "--out", bad, "--codes", "nope"], t.url);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("juncture: unknown code: nope\n");
    expect(fs.readdirSync(dir).sort()).toEqual(["codings.csv", "p.qdpx"]);
  });

  it("imports an exported .qdpx into a new project (round trip) and refuses a broken file leaving nothing behind", async () => {
    const qdpx = path.join(dir, "p.qdpx");
    expect((await runCli(["export", "--project", "甲", "--format", "qdpx", "--out", qdpx], t.url)).code).toBe(0);
    const r = await runCli(["import-qdpx", qdpx, "--project", "乙", "--json"], t.url);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ name: "乙", origin: "Juncture", offsets: { convention: "codepoints", chosen: "auto" }, imported: { documents: 2, codes: 3, codings: 5, memos: 4, groups: 1 }, notes: [] });
    const csv = async (project: string) => {
      const out = path.join(dir, `${project}.csv`);
      expect((await runCli(["export", "--project", project, "--format", "csv", "--out", out], t.url)).code).toBe(0);
      return (parse(fs.readFileSync(out), { bom: true, columns: true }) as Record<string, string>[]).map((row) => JSON.stringify({ ...row, project: "", document_id: "", coding_id: "" })).sort();
    };
    expect(await csv("乙")).toEqual(await csv("甲"));

    const broken = path.join(dir, "broken.qdpx");
    fs.writeFileSync(broken, "PK but not really a zip");
    const refused = await runCli(["import-qdpx", broken, "--project", "丙", "--lang", "zh"], t.url);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^juncture: ZIP 压缩包已损坏/);
    expect(await t.db.project.count({ where: { name: "丙" } })).toBe(0);
  });

  it("imports an exported .qdc into an existing project (juncture import-qdc), reusing codes on a second run, and refuses a file that is not a codebook", async () => {
    const qdc = path.join(dir, "p.qdc");
    expect((await runCli(["export", "--project", "甲", "--format", "qdc", "--out", qdc], t.url)).code).toBe(0);
    await t.db.project.create({ data: { name: "乙" } });
    const r = await runCli(["import-qdc", qdc, "--project", "乙", "--json"], t.url);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ origin: "Juncture", imported: { codes: 3, reused: 0, groups: 1, memberships: 2 }, notes: [] });
    const again = await runCli(["import-qdc", qdc, "--project", "乙"], t.url);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      [
        "imported 0 codes and 0 code groups (0 memberships); 3 codes were already in the project",
        "  note: code “econ” already exists in the project; reused as it is",
        "  note: code “infra” already exists in the project; reused as it is",
        "  note: code “gov” already exists in the project; reused as it is",
        "  note: code group “core” already exists; its members are added to it",
        "",
      ].join("\n"),
    );
    const notXml = path.join(dir, "codes.qdc");
    fs.writeFileSync(notXml, "code,name\n");
    const refused = await runCli(["import-qdc", notXml, "--project", "乙"], t.url);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("juncture: not a .qdc codebook: the file is not XML\n");
  });
});
