import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportBytes, exportProject, stableGuid, type PositionUnit } from "../../lib/exchange";
import { createTestDb, type TestDb } from "../helpers/db";
import { COMMENT, exchangeFixture, P0, P1, type ExchangeFixture } from "./fixture";

const SCHEMA = "/work/shared/refi-qda/schema";

/** Validates with xmllint (Debian's libxml2-utils), independent of our writer; throws its report. */
function xmllint(xml: string, xsd: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-refi-"));
  const file = path.join(dir, "file.xml");
  fs.writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--schema", path.join(SCHEMA, xsd), file], { stdio: "pipe" });
  } catch (e) {
    throw new Error(`xmllint refused the export: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ["User", "Code", "TextSource", "PlainTextSelection", "Note", "Variable", "VariableValue", "Set", "MemberCode", "NoteRef"].includes(name),
});

type Node = Record<string, unknown> & { [k: string]: never | unknown };

describe("REFI-QDA export", () => {
  let t: TestDb;
  let f: ExchangeFixture;
  beforeEach(async () => {
    t = await createTestDb();
    f = await exchangeFixture(t.db);
  });
  afterEach(async () => t.close());

  const qdpx = async (positions?: PositionUnit) => {
    const file = await exportProject(t.db, { projectId: f.project.id, format: "qdpx", positions });
    return { file, entries: unzipSync(exportBytes(file)) };
  };

  it("writes a .qdpx whose project.qde validates against the schema and whose selections cut the coded text out of the sources, also after 𠮷", async () => {
    const { file, entries } = await qdpx();
    expect([file.contentType, file.fileName]).toEqual(["application/zip", "京津冀 exchange.qdpx"]);
    const aGuid = stableGuid("source", f.a.doc.id);
    const bGuid = stableGuid("source", f.b.doc.id);
    expect(Object.keys(entries).sort()).toEqual(["project.qde", `sources/${aGuid}.txt`, `sources/${bGuid}.txt`].sort());
    const aText = strFromU8(entries[`sources/${aGuid}.txt`]!);
    expect(aText).toBe(`${P0}\n${P1}`); // UTF-8, no BOM, the canonical text exactly
    expect(entries[`sources/${aGuid}.txt`]![0]).not.toBe(0xef);
    const xml = strFromU8(entries["project.qde"]!);
    xmllint(xml, "Project-mrt2019.xsd");

    const p = parser.parse(xml).Project as Node;
    expect([p.xmlns, p.name, p.origin]).toEqual(["urn:QDA-XML:project:1.0", "京津冀 exchange", "Juncture"]);
    const users = (p.Users as Node).User as Node[];
    const userGuid = Object.fromEntries(users.map((u) => [u.name as string, u.guid as string]));
    expect(Object.keys(userGuid).sort()).toEqual(["Lee", "王"]);

    // Codes: hierarchy, colours, description with both labels.
    const codes = (p.CodeBook as Node).Codes as Node;
    const top = codes.Code as Node[];
    expect(top.map((c) => [c.name, c.color, c.isCodable, c.guid])).toEqual([
      ["econ", "#aa3300", "true", stableGuid("code", f.codes.econ.id)],
      ["gov", "#228844", "true", stableGuid("code", f.codes.gov.id)],
    ]);
    const infra = (top[0]!.Code as Node[])[0]!;
    expect([infra.name, infra.color, infra.guid]).toEqual(["infra", "#3366cc", stableGuid("code", f.codes.infra.id)]);
    expect(infra.Description).toBe("中文: 基础设施\nEnglish: Infrastructure\nDefinition: 交通、能源");
    const codeMemoGuid = ((infra.NoteRef as Node[])[0]!).targetGUID;

    // Sources, selections over the source text, coders, comments.
    const sources = (p.Sources as Node).TextSource as Node[];
    const a = sources.find((s) => s.guid === aGuid)!;
    expect([a.name, a.plainTextPath]).toEqual(["京津冀规划", `internal://${aGuid}.txt`]);
    const cps = Array.from(aText);
    const selections = a.PlainTextSelection as Node[];
    expect(selections).toHaveLength(4);
    const byGuid = (id: string) => selections.find((s) => s.guid === stableGuid("selection", id))!;
    const cut = (s: Node) => cps.slice(Number(s.startPosition), Number(s.endPosition)).join("");
    const sInfra = byGuid(f.codings.cInfra.id);
    expect([cut(sInfra), sInfra.startPosition, sInfra.endPosition, sInfra.creatingUser, sInfra.Description]).toEqual(["交通一体化", "16", "21", userGuid["王"], COMMENT]);
    const coding = sInfra.Coding as Node;
    expect([coding.guid, (coding.CodeRef as Node).targetGUID, coding.creatingUser]).toEqual([stableGuid("coding", f.codings.cInfra.id), stableGuid("code", f.codes.infra.id), userGuid["王"]]);
    const codingMemoGuid = ((coding.NoteRef as Node[])[0]!).targetGUID;
    expect(cut(byGuid(f.codings.cCross.id))).toBe("国家战略。𠮷祥");
    expect(byGuid(f.codings.cGov.id).creatingUser).toBe(userGuid["Lee"]);
    expect(cut(byGuid(f.codings.cEcon.id))).toBe("产业升级转移");

    // Variables: document metadata; year as an integer; empty values left out.
    const variables = Object.fromEntries(((p.Variables as Node).Variable as Node[]).map((v) => [v.guid as string, [v.name, v.typeOfVariable]]));
    const values = Object.fromEntries(
      (a.VariableValue as Node[]).map((vv) => {
        const [name, type] = variables[(vv.VariableRef as Node).targetGUID as string] as [string, string];
        return [name, type === "Integer" ? `int:${vv.IntegerValue as string}` : (vv.TextValue as string)];
      }),
    );
    expect(values).toMatchObject({ region: "BTH", province: "北京", year: "int:2015", level: "national", docType: "plan" });
    expect(values.city).toBeUndefined();
    const b = sources.find((s) => s.guid === bGuid)!;
    expect((b.VariableValue as Node[]).some((vv) => variables[(vv.VariableRef as Node).targetGUID as string]![0] === "year")).toBe(false);

    // Notes: every memo, referenced from its target.
    const notes = (p.Notes as Node).Note as Node[];
    expect(notes).toHaveLength(4);
    const note = (guid: unknown) => notes.find((n) => n.guid === guid)!;
    expect(note(codingMemoGuid).PlainTextContent).toBe("𠮷 之后的编码");
    expect(note(codeMemoGuid).PlainTextContent).toBe("基础设施定义");
    expect(note(((a.NoteRef as Node[])[0]!).targetGUID).PlainTextContent).toBe("关于京津冀");
    expect(note(((p.NoteRef as Node[])[0]!).targetGUID)).toMatchObject({ name: "总体", PlainTextContent: "项目备忘\n第二行", creatingUser: userGuid["王"] });

    // Sets: code groups.
    const sets = (p.Sets as Node).Set as Node[];
    expect(sets.map((s) => [s.name, s.Description, (s.MemberCode as Node[]).map((m) => m.targetGUID).sort()])).toEqual([
      ["core", "核心", [stableGuid("code", f.codes.econ.id), stableGuid("code", f.codes.gov.id)].sort()],
    ]);
  });

  it("writes the same archive on a repeated export (stable GUIDs and dates)", async () => {
    const one = exportBytes((await qdpx()).file);
    const two = exportBytes((await qdpx()).file);
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
  });

  it("writes NVivo-style UTF-16 positions on request", async () => {
    const { entries } = await qdpx("utf16");
    const xml = strFromU8(entries["project.qde"]!);
    xmllint(xml, "Project-mrt2019.xsd");
    const p = parser.parse(xml).Project as Node;
    const a = ((p.Sources as Node).TextSource as Node[]).find((s) => s.guid === stableGuid("source", f.a.doc.id))!;
    const text = `${P0}\n${P1}`;
    const sel = (a.PlainTextSelection as Node[]).find((s) => s.guid === stableGuid("selection", f.codings.cInfra.id))!;
    expect([sel.startPosition, sel.endPosition]).toEqual(["17", "22"]); // 𠮷 counts two UTF-16 units
    expect(text.slice(17, 22)).toBe("交通一体化");
  });

  it("writes the codebook as a .qdc that validates against the codebook schema", async () => {
    const file = await exportProject(t.db, { projectId: f.project.id, format: "qdc" });
    expect([file.contentType, file.fileName]).toEqual(["application/xml; charset=utf-8", "京津冀 exchange.qdc"]);
    const xml = new TextDecoder().decode(exportBytes(file));
    xmllint(xml, "Codebook.xsd");
    const cb = parser.parse(xml).CodeBook as Node;
    expect([cb.xmlns, cb.origin]).toEqual(["urn:QDA-XML:codebook:1.0", "Juncture"]);
    const top = (cb.Codes as Node).Code as Node[];
    expect(top.map((c) => c.name)).toEqual(["econ", "gov"]);
    expect(((top[0]!.Code as Node[])[0]!).guid).toBe(stableGuid("code", f.codes.infra.id));
    const set = ((cb.Sets as Node).Set as Node[])[0]!;
    expect((set.MemberCode as Node[]).map((m) => m.guid).sort()).toEqual([stableGuid("code", f.codes.econ.id), stableGuid("code", f.codes.gov.id)].sort());
  });

  it("keeps GUIDs in the UUID form the schema asks for, distinct per kind of record", () => {
    const g = stableGuid("coding", "abc");
    expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableGuid("coding", "abc")).toBe(g);
    expect(stableGuid("selection", "abc")).not.toBe(g);
  });
});
