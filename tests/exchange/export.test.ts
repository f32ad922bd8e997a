import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportBytes, exportProject, type ExportFilters, type ExportFormat } from "../../lib/exchange";
import { createTestDb, type TestDb } from "../helpers/db";
import { appError } from "../coding/fixtures";
import { COMMENT, exchangeFixture, P0, P1, Q0, type ExchangeFixture } from "./fixture";

const SENTENCE_1 = "𠮷祥的交通一体化率先突破！";

describe("coded corpus exports", () => {
  let t: TestDb;
  let f: ExchangeFixture;
  beforeEach(async () => {
    t = await createTestDb();
    f = await exchangeFixture(t.db);
  });
  afterEach(async () => t.close());

  const run = async (format: ExportFormat, filters: ExportFilters = {}) => exportProject(t.db, { projectId: f.project.id, format, filters });
  const text = async (format: ExportFormat, filters: ExportFilters = {}) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(exportBytes(await run(format, filters)));
  const csv = async (format: "csv" | "matrix", filters: ExportFilters = {}) => {
    const raw = await text(format, filters);
    expect(raw.startsWith("\uFEFF")).toBe(true); // Excel needs the BOM to read UTF-8 Chinese
    return parse(raw, { bom: true, columns: true }) as Record<string, string>[];
  };

  it("writes one CSV row per coding with metadata, code path, labels, coder, code-point offsets, text, sentences and a multi-line comment", async () => {
    const file = await run("csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.fileName).toBe("京津冀 exchange.codings.csv");
    const rows = await csv("csv");
    expect(rows).toHaveLength(5);
    const infra = rows.find((r) => r.coding_id === f.codings.cInfra.id)!;
    const start = Array.from(P0).indexOf("交");
    expect(infra).toEqual({
      project: "京津冀 exchange",
      document_id: f.a.doc.id,
      document_title: "京津冀规划",
      region: "BTH",
      province: "北京",
      city: "",
      issuer: "",
      level: "national",
      doc_type: "plan",
      year: "2015",
      date: "",
      language: "zh-Hans",
      source_ref: "",
      original_filename: "",
      format: "txt",
      encoding: "UTF-8",
      coding_id: f.codings.cInfra.id,
      code: "infra",
      code_path: "econ / infra",
      label_zh: "基础设施",
      label_en: "Infrastructure",
      coder: "王",
      start: String(start),
      end: String(start + 5),
      text: "交通一体化",
      sentences: SENTENCE_1,
      comment: COMMENT,
    });
    // 𠮷 is one code point: the offset counts it once (13 + 1 + 2 = 16), not as two UTF-16 units.
    expect(start).toBe(16);
    const cross = rows.find((r) => r.coding_id === f.codings.cCross.id)!;
    expect(cross.text).toBe("国家战略。𠮷祥");
    expect(cross.sentences).toBe(P0);
    const b = rows.find((r) => r.coding_id === f.codings.cB.id)!;
    expect([b.document_title, b.region, b.year, b.text, b.sentences, b.coder]).toEqual(["长三角报告", "YRD", "", "长三角", Q0, "Lee"]);
  });

  it("filters by code (with its subtree), document and coder, and refuses unknown names", async () => {
    expect((await csv("csv", { codes: ["econ"] })).map((r) => r.code).sort()).toEqual(["econ", "infra", "infra"]);
    expect((await csv("csv", { codes: ["infra"] })).map((r) => r.text).sort()).toEqual(["交通一体化", "长三角"]);
    expect((await csv("csv", { coders: ["王"] })).map((r) => r.coding_id).sort()).toEqual([f.codings.cInfra.id, f.codings.cEcon.id].sort());
    expect((await csv("csv", { documents: ["长三角报告"] })).map((r) => r.coding_id)).toEqual([f.codings.cB.id]);
    expect((await csv("csv", { documents: [f.b.doc.id], coders: ["王"] }))).toEqual([]);
    expect(await appError(run("csv", { codes: ["nope"] }))).toEqual({ code: "invalid_input", message: expect.stringContaining("unknown code: nope") });
    expect(await appError(run("csv", { coders: ["ghost"] }))).toEqual({ code: "invalid_input", message: expect.stringContaining("unknown coder: ghost") });
  });

  it("writes the code × sentence matrix: one row per sentence with metadata, one 0/1 column per code", async () => {
    const rows = await csv("matrix");
    expect(Object.keys(rows[0]!).slice(-3)).toEqual(["econ", "infra", "gov"]);
    expect(rows.map((r) => [r.document_title, r.sentence, r.text, r.econ, r.infra, r.gov])).toEqual([
      ["京津冀规划", "0", "京津冀协同发展是国家战略。", "0", "0", "1"],
      ["京津冀规划", "1", SENTENCE_1, "0", "1", "1"],
      ["京津冀规划", "2", "生态环境保护取得进展。", "0", "0", "0"],
      ["京津冀规划", "3", "产业升级转移稳步推进。", "1", "0", "0"],
      ["长三角报告", "0", Q0, "0", "1", "0"],
    ]);
    const s1 = rows[1]!;
    expect([s1.region, s1.year, s1.start, s1.end, s1.paragraph]).toEqual(["BTH", "2015", "13", "26", "0"]);
    // Filtered: the code columns are the selection, the codings those of the coder.
    const lee = await csv("matrix", { codes: ["econ"], coders: ["Lee"] });
    expect(Object.keys(lee[0]!).slice(-2)).toEqual(["econ", "infra"]);
    expect(lee.map((r) => `${r.econ}${r.infra}`)).toEqual(["00", "00", "00", "00", "01"]);
  });

  it("writes an XLSX workbook with codings, documents, codebook and memos sheets", async () => {
    const file = await run("xlsx");
    expect(file.fileName).toBe("京津冀 exchange.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exportBytes(file)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["codings", "documents", "codebook", "memos"]);
    const sheetRows = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
      const out: Record<string, unknown>[] = [];
      ws.eachRow((row, i) => {
        if (i === 1) return;
        const v = (row.values as unknown[]).slice(1);
        out.push(Object.fromEntries(header.map((h, j) => [h, v[j]])));
      });
      return out;
    };
    const codings = sheetRows("codings");
    expect(codings).toHaveLength(5);
    const infra = codings.find((r) => r.coding_id === f.codings.cInfra.id)!;
    expect([infra.text, infra.sentences, infra.comment, infra.start, infra.year, infra.code_path]).toEqual(["交通一体化", SENTENCE_1, COMMENT, 16, 2015, "econ / infra"]);
    const docs = sheetRows("documents");
    expect(docs.map((d) => [d.title, d.region, d.characters])).toEqual([
      ["京津冀规划", "BTH", Array.from(`${P0}\n${P1}`).length],
      ["长三角报告", "YRD", Array.from(Q0).length],
    ]);
    const codebook = sheetRows("codebook");
    expect(codebook.map((c) => [c.code, c.code_path, c.label_zh, c.color, c.groups ?? ""])).toEqual([
      ["econ", "econ", "经济", "#aa3300", "core"],
      ["infra", "econ / infra", "基础设施", "#3366cc", ""],
      ["gov", "gov", "治理", "#228844", "core"],
    ]);
    const memos = sheetRows("memos");
    expect(memos.map((m) => [m.kind, m.body, m.author]).sort()).toEqual([
      ["code", "基础设施定义", "王"],
      ["coding", "𠮷 之后的编码", "王"],
      ["document", "关于京津冀", "Lee"],
      ["project", "项目备忘\n第二行", "王"],
    ]);
  });

  it("writes the whole project as JSON: documents with text, metadata and units, codebook, codings, memos, periods, consensus", async () => {
    await t.db.stage.create({ data: { projectId: f.project.id, scopeField: "region", scopeValue: "BTH", nameZh: "起步", nameEn: "Start", startYear: 2014, endYear: 2016 } });
    const json = JSON.parse(await text("json"));
    expect(json).toMatchObject({ format: "juncture-project", version: 1, offsets: "unicode-code-points", project: { id: f.project.id, name: "京津冀 exchange" } });
    expect(json.users.map((u: { name: string }) => u.name).sort()).toEqual(["Lee", "王"]);
    const a = json.documents.find((d: { id: string }) => d.id === f.a.doc.id);
    expect(a).toMatchObject({ title: "京津冀规划", region: "BTH", province: "北京", year: 2015, plainText: `${P0}\n${P1}`, docType: "plan" });
    expect(a.units.filter((u: { kind: string }) => u.kind === "sentence")).toHaveLength(4);
    expect(a.units.filter((u: { kind: string }) => u.kind === "paragraph")).toHaveLength(2);
    expect(json.codebook.codes.find((c: { shortName: string }) => c.shortName === "infra")).toMatchObject({ parentId: f.codes.econ.id, path: "econ / infra", labelEn: "Infrastructure", definition: "交通、能源" });
    expect(json.codebook.groups).toEqual([{ id: f.group.id, name: "core", labelZh: "核心", codeIds: expect.arrayContaining([f.codes.econ.id, f.codes.gov.id]) }]);
    expect(json.codings).toHaveLength(5);
    expect(json.codings.find((c: { id: string }) => c.id === f.codings.cInfra.id)).toMatchObject({ text: "交通一体化", start: 16, end: 21, coder: "王", comment: COMMENT });
    expect(json.memos).toHaveLength(4);
    expect(json.memos.find((m: { kind: string }) => m.kind === "coding")).toMatchObject({ codingId: f.codings.cInfra.id, body: "𠮷 之后的编码" });
    expect(json.periods).toHaveLength(1);
    expect(json.periods[0]).toMatchObject({ scope: { field: "region", value: "BTH" }, stages: [{ nameZh: "起步" }] });
    expect(json.consensus).toEqual([]);
  });
});
