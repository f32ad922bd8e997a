import fs from "node:fs";
import iconv from "iconv-lite";
import { ZodError } from "zod";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createProject,
  getDocument,
  getDocumentUnits,
  importDocument,
  importFiles,
  importReport,
  listDocuments,
  updateDocumentMetadata,
} from "../../lib/corpus";
import { insertDocumentWithUnits } from "../../lib/db/documents";
import { OffsetMap } from "../../lib/text/offsets";
import { appError } from "../helpers/app-error";
import { createTestDb, type TestDb } from "../helpers/db";
import { DOC_FIXTURE, DOC_PARAGRAPHS, makeEpub, makeOdt, makeRtf, rtfGbk, rtfUnicode, xhtmlPage } from "../text/fixtures";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

const REPORT = [
  "河北省政府工作报告",
  "　　一、过去一年的工作。𠮷县推进京津冀协同发展！交通一体化率先突破；生态环境明显改善。",
  "（一）加快建设雄安新区。有序承接北京非首都功能疏解。",
].join("\r\n");

async function counts(t: TestDb) {
  return { documents: await t.db.document.count(), units: await t.db.unit.count() };
}

describe("importing a document", () => {
  let t: TestDb;
  let projectId: string;
  beforeEach(async () => {
    t = await createTestDb();
    projectId = (await createProject(t.db, { name: "P", templates: "none" })).id;
  });
  afterEach(async () => t.close());

  it("stores canonical text, paragraphs and sentence units whose SQL substr equals their text", async () => {
    const doc = await importDocument(t.db, { projectId, fileName: "河北省_2018_政府工作报告.txt", bytes: utf8(REPORT) });
    expect(doc.paragraphs).toBe(3);
    expect(doc.encoding).toBe("UTF-8");
    const stored = await getDocument(t.db, doc.id);
    expect(stored.plainText.split("\n")[1]).toBe("一、过去一年的工作。𠮷县推进京津冀协同发展！交通一体化率先突破；生态环境明显改善。");
    expect(stored.charCount).toBe([...stored.plainText].length);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);

    const { sentences } = await getDocumentUnits(t.db, doc.id);
    const map = new OffsetMap(stored.plainText);
    expect(sentences.map((s) => map.slice(s.start, s.end))).toEqual([
      "河北省政府工作报告",
      "一、过去一年的工作。",
      "𠮷县推进京津冀协同发展！",
      "交通一体化率先突破；",
      "生态环境明显改善。",
      "（一）加快建设雄安新区。",
      "有序承接北京非首都功能疏解。",
    ]);
    // The database agrees with the code-point offsets, character for character.
    const rows = await t.db.$queryRawUnsafe<{ s: string; start: number }[]>(
      `SELECT substr(d."plainText", u."start" + 1, u."end" - u."start") AS s, u."start" AS start
         FROM "Unit" u JOIN "Document" d ON d.id = u."documentId"
        WHERE u."kind" = 'sentence' ORDER BY u."ordinal"`,
    );
    expect(rows.map((r) => r.s)).toEqual(sentences.map((s) => map.slice(s.start, s.end)));
    const tokens = await t.db.unit.findFirst({ where: { kind: "sentence", ordinal: 2 } });
    expect(tokens?.tokens.startsWith("\u001f")).toBe(true);
    expect(tokens?.tokens.split("\u001f").filter(Boolean).join("")).toBe("𠮷县推进京津冀协同发展！");
  });

  it("infers metadata from the file name and lets given metadata win", async () => {
    const a = await importDocument(t.db, { projectId, fileName: "保定市_2018_report.txt", bytes: utf8("保定市政府工作报告。") });
    const stored = await getDocument(t.db, a.id);
    expect(stored).toMatchObject({ year: 2018, city: "保定市", province: "河北省", region: "BTH", level: "city" });
    const b = await importDocument(t.db, {
      projectId,
      fileName: "保定市_2018_report_copy.txt",
      bytes: utf8("另一份报告。"),
      metadata: { year: 2019, region: "CC", docType: "interview" },
    });
    expect(await getDocument(t.db, b.id)).toMatchObject({ year: 2019, region: "CC", docType: "interview", city: "保定市" });
  });

  it("decodes GB18030 without a BOM, records the encoding and says so in both languages", async () => {
    const bytes = new Uint8Array(iconv.encode("推进京津冀协同发展。建设雄安新区。", "gb18030"));
    const doc = await importDocument(t.db, { projectId, fileName: "report.txt", bytes });
    expect(doc.encoding).toBe("GB18030");
    expect((await getDocument(t.db, doc.id)).plainText).toBe("推进京津冀协同发展。建设雄安新区。");
    expect(doc.sentences).toBe(2);
    expect(doc.warnings).toEqual([{ en: "encoding detected as GB18030 (confidence 1.00)", zh: "检测到编码 GB18030（置信度 1.00）" }]);
    // The edge that answers picks one language; everything else stays as it is.
    expect(importReport(doc, "zh")).toEqual({ ...doc, warnings: ["检测到编码 GB18030（置信度 1.00）"] });
    expect(importReport(doc, "en").warnings).toEqual(["encoding detected as GB18030 (confidence 1.00)"]);
  });

  it("refuses a file already in the project, naming the existing document, and changes nothing", async () => {
    const first = await importDocument(t.db, { projectId, fileName: "a.txt", bytes: utf8(REPORT), metadata: { title: "原始文档" } });
    const before = await counts(t);
    expect(await appError(importDocument(t.db, { projectId, fileName: "b.txt", bytes: utf8(REPORT) }))).toEqual({
      code: "conflict",
      message: `this file is already in the project as “原始文档” (a.txt, id ${first.id}) / 该文件已导入`,
    });
    expect(await counts(t)).toEqual(before);
  });

  it.each([
    ["empty file", "empty.txt", new Uint8Array(0), { code: "unprocessable", message: "file is empty / 文件为空" }],
    ["binary file", "binary.txt", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 9, 0]), { code: "unprocessable", message: "binary file, not text / 这是二进制文件，不是文本文件" }],
    ["unsupported extension", "table.xls", utf8("a,b"), {
        code: "unsupported",
        message: "unsupported file type .xls — use TXT, DOCX, DOC, WPS, RTF, ODT, EPUB, PDF or HTML / 不支持的文件类型 .xls，请使用 TXT、DOCX、DOC、WPS、RTF、ODT、EPUB、PDF 或 HTML",
      }],
    ["corrupt DOCX", "broken.docx", new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5]), {
        code: "unprocessable",
        message: "corrupt DOCX file: not a readable ZIP archive (invalid zip data) / DOCX 文件已损坏：不是可读取的 ZIP 压缩包",
      }],
    ["PDF with a header but no PDF structure", "garbage.pdf", utf8("%PDF-1.4 not really a pdf"), { code: "unprocessable", message: "corrupt or invalid PDF file: Invalid PDF structure. / PDF 文件已损坏或无效" }],
  ])("refuses %s with a specific reason and leaves the database unchanged", async (_label, fileName, bytes, reason) => {
    const before = await counts(t);
    expect(await appError(importDocument(t.db, { projectId, fileName, bytes }))).toEqual(reason);
    expect(await counts(t)).toEqual(before);
  });

  it("refuses an import into a project that does not exist", async () => {
    expect(await appError(importDocument(t.db, { projectId: "no-such-project", fileName: "a.txt", bytes: utf8("内容。") }))).toEqual({
      code: "not_found",
      message: "no project with id no-such-project / 项目不存在",
    });
    expect(await counts(t)).toEqual({ documents: 0, units: 0 });
  });

  it("refuses a file over the size limit", async () => {
    // 2000 × 3 bytes = 6000 bytes against a 1000-byte limit, both shown in MB.
    expect(await appError(importDocument(t.db, { projectId, fileName: "big.txt", bytes: utf8("字".repeat(2000)), maxBytes: 1000 }))).toEqual({
      code: "too_large",
      message: "file is 0.0 MB, over the 0.0 MB limit / 文件超过大小限制",
    });
    expect(await counts(t)).toEqual({ documents: 0, units: 0 });
  });

  it("runs in one transaction: a fault after the document row and some units leaves nothing behind", async () => {
    const text = "第一句。第二句。";
    const err = await insertDocumentWithUnits(
      t.db,
      {
        projectId,
        title: "half",
        region: "other",
        province: "",
        city: "",
        issuer: "",
        level: "other",
        docType: "other",
        year: null,
        date: null,
        language: "zh-Hans",
        sourceRef: "",
        originalFilename: "half.txt",
        format: "txt",
        encoding: "UTF-8",
        sha256: "f".repeat(64),
        plainText: text,
        charCount: 8,
      },
      [
        ...Array.from({ length: 700 }, (_, i) => ({ kind: "paragraph" as const, ordinal: i, paragraph: i, start: 0, end: 4, tokens: "" })),
        // Injected fault in the second insert batch: an empty span violates the CHECK constraint.
        { kind: "sentence", ordinal: 0, paragraph: 0, start: 4, end: 4, tokens: "" },
      ],
    ).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(await counts(t)).toEqual({ documents: 0, units: 0 });
  });

  it("writes the fixed document columns only: extra keys on the row never become SQL", async () => {
    const row = {
      projectId,
      title: "固定列",
      region: "other",
      province: "",
      city: "",
      issuer: "",
      level: "other",
      docType: "other",
      year: 2020,
      date: null,
      language: "zh-Hans",
      sourceRef: "",
      originalFilename: "cols.txt",
      format: "txt",
      encoding: "UTF-8",
      sha256: "e".repeat(64),
      plainText: "一句。",
      charCount: 3,
    };
    // A wider object, as a spread of some other row would give.
    const wider = { ...row, 'title") VALUES (1); DROP TABLE "Unit"; --': "x", paragraphCount: 9 };
    const { id } = await insertDocumentWithUnits(t.db, wider, [
      { kind: "sentence", ordinal: 0, paragraph: 0, start: 0, end: 3, tokens: "" },
    ]);
    expect(await getDocument(t.db, id)).toMatchObject({ title: "固定列", year: 2020, charCount: 3, version: 1 });
    expect(await counts(t)).toEqual({ documents: 1, units: 1 });
  });

  it("imports a batch file by file, reporting each failure and going on", async () => {
    const result = await importFiles(t.db, {
      projectId,
      files: [
        { fileName: "one.txt", read: async () => utf8("第一份文件。") },
        { fileName: "empty.txt", read: async () => new Uint8Array(0) },
        { fileName: "two.txt", read: async () => utf8("第二份文件。") },
      ],
    });
    expect(result.imported.map((d) => d.file)).toEqual(["one.txt", "two.txt"]);
    expect(result.failed).toEqual([
      { file: "empty.txt", error: "file is empty / 文件为空", text: { en: "file is empty", zh: "文件为空" } },
    ]);
  });

  it("filters and sorts the document list by metadata", async () => {
    for (const [name, year] of [
      ["河北省_2016_report.txt", 2016],
      ["四川省_2012_report.txt", 2012],
      ["河北省_2014_report.txt", 2014],
    ] as const) {
      await importDocument(t.db, { projectId, fileName: name, bytes: utf8(`${name}的内容。`), metadata: { year } });
    }
    const hebei = await listDocuments(t.db, projectId, { region: "BTH", sort: "year", dir: "desc" });
    expect(hebei.map((d) => d.year)).toEqual([2016, 2014]);
    expect((await listDocuments(t.db, projectId, { province: "四川省" })).map((d) => d.region)).toEqual(["CC"]);
    expect(hebei[0]?.sentenceCount).toBe(1);
  });

  it("refuses a metadata edit made on a stale version instead of overwriting", async () => {
    const doc = await importDocument(t.db, { projectId, fileName: "x.txt", bytes: utf8("内容。") });
    const updated = await updateDocumentMetadata(t.db, doc.id, 1, { year: 2020, region: "BTH" });
    expect(updated).toMatchObject({ year: 2020, region: "BTH", version: 2 });
    expect(await appError(updateDocumentMetadata(t.db, doc.id, 1, { year: 1999 }))).toEqual({
      code: "conflict",
      message:
        "this document's metadata was changed by someone else since you opened it — reload and edit again / 元数据已被他人修改，请刷新后重试",
    });
    expect((await getDocument(t.db, doc.id)).year).toBe(2020);
    // updateDocumentMetadata validates with zod directly (the web layer maps a ZodError to invalid_input).
    const bad = await updateDocumentMetadata(t.db, doc.id, 2, { region: "NOPE" }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ZodError);
    expect((bad as ZodError).issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
      {
        path: ["region"],
        message:
          "region must be one of BTH, YRD, GBA, CC, MYR, SD, WTS, CP, GZP, BBG, HC, SCLN, CSX, CGZ, CYN, HBOY, LZXN, NXYR, TSNS, other / " +
          "大区须为 BTH、YRD、GBA、CC、MYR、SD、WTS、CP、GZP、BBG、HC、SCLN、CSX、CGZ、CYN、HBOY、LZXN、NXYR、TSNS、other 之一",
      },
    ]);
  });
});

describe("importing Word 97–2003, WPS, RTF, ODT and EPUB documents", () => {
  let t: TestDb;
  let projectId: string;
  beforeEach(async () => {
    t = await createTestDb();
    projectId = (await createProject(t.db, { name: "P", templates: "none" })).id;
  });
  afterEach(async () => t.close());

  const docBytes = new Uint8Array(fs.readFileSync(DOC_FIXTURE));
  const PARAS = ["保定市政府工作报告", "过去一年，𠮷县推进京津冀协同发展！交通一体化率先突破。", "（一）加快建设雄安新区。"];
  const rtf = makeRtf(
    `${rtfGbk(PARAS[0] ?? "")}\\par ${rtfGbk("过去一年，")}${rtfUnicode("𠮷")}${rtfGbk("县推进京津冀协同发展！交通一体化率先突破。")}\\par ${rtfUnicode(PARAS[2] ?? "")}\\par`,
  );
  const odt = makeOdt(PARAS.map((p) => `<text:p>${p}</text:p>`).join(""));
  const epub = makeEpub([
    { id: "c1", href: "text/c1.xhtml", xhtml: xhtmlPage("一", `<h1>${PARAS[0]}</h1><p>${PARAS[1]}</p>`) },
    { id: "c2", href: "text/c2.xhtml", xhtml: xhtmlPage("二", `<p>${PARAS[2]}</p>`) },
  ]);
  const SENTENCES = ["保定市政府工作报告", "过去一年，𠮷县推进京津冀协同发展！", "交通一体化率先突破。", "（一）加快建设雄安新区。"];

  it.each([
    ["RTF", "保定市_2018_政府工作报告.rtf", rtf, "rtf", "cp936"],
    ["ODT", "保定市_2018_政府工作报告.odt", odt, "odt", "UTF-8"],
    ["EPUB", "保定市_2018_政府工作报告.epub", epub, "epub", "UTF-8"],
  ])("imports %s with canonical text, sentence units and metadata from the file name", async (_label, fileName, bytes, format, encoding) => {
    const doc = await importDocument(t.db, { projectId, fileName, bytes });
    const stored = await getDocument(t.db, doc.id);
    expect(stored).toMatchObject({ plainText: PARAS.join("\n"), format, encoding, year: 2018, city: "保定市", province: "河北省", region: "BTH", title: "保定市 2018 政府工作报告" });
    expect(stored.charCount).toBe([...stored.plainText].length);
    const { sentences } = await getDocumentUnits(t.db, doc.id);
    const map = new OffsetMap(stored.plainText);
    expect(sentences.map((u) => map.slice(u.start, u.end))).toEqual(SENTENCES);
    // The database's substr agrees with the code-point offsets after 𠮷.
    const rows = await t.db.$queryRawUnsafe<{ s: string }[]>(
      `SELECT substr(d."plainText", u."start" + 1, u."end" - u."start") AS s
         FROM "Unit" u JOIN "Document" d ON d.id = u."documentId"
        WHERE u."kind" = 'sentence' ORDER BY u."ordinal"`,
    );
    expect(rows.map((r) => r.s)).toEqual(SENTENCES);
  });

  it("imports a real .doc and the same file as .wps, with the title from the file name", async () => {
    const doc = await importDocument(t.db, { projectId, fileName: "石家庄市_2024_政府工作报告.doc", bytes: docBytes });
    const stored = await getDocument(t.db, doc.id);
    expect(stored).toMatchObject({ plainText: DOC_PARAGRAPHS.join("\n"), format: "doc", encoding: "UTF-16LE", title: "石家庄市 2024 政府工作报告", year: 2024, city: "石家庄市", originalFilename: "石家庄市_2024_政府工作报告.doc" });
    const { sentences } = await getDocumentUnits(t.db, doc.id);
    const map = new OffsetMap(stored.plainText);
    expect(sentences.map((u) => map.slice(u.start, u.end))).toEqual([
      "2024年某市政府工作报告",
      "各位代表：",
      "过去一年，全市生产总值增长5.2%！",
      "“𠮷”字在基本多文种平面之外。",
      "（一）推动京津冀协同发展；",
      "建设“五个中心”。",
    ]);
    // The same bytes under .wps are the same file: refused as a duplicate, nothing added.
    expect((await appError(importDocument(t.db, { projectId, fileName: "副本.wps", bytes: docBytes }))).code).toBe("conflict");
    expect(await counts(t)).toEqual({ documents: 1, units: 4 + 6 });
  });

  it.each([
    ["truncated .doc", "cut.doc", docBytes.slice(0, 4000), {
        code: "unprocessable",
        message:
          "corrupt Word .doc file: no WordDocument stream found: another Office file, or cut short / " +
          "Word .doc 文件已损坏或不是 Word 97–2003 文档，请在 Word 或 WPS 中打开并另存为 .docx",
      }],
    ["unreadable .wps", "旧版.wps", new Uint8Array([0xff, 0x57, 0x50, 0x43, ...new Array(600).fill(0x20)]), {
        code: "unprocessable",
        message:
          "this .wps file is not a Word-compatible document that can be read (not a Word 97–2003 file (no OLE header)) — open it in WPS Office and save it as .docx / " +
          "无法读取此 .wps 文件（不是 Word 兼容格式），请在 WPS Office 中打开并另存为 .docx",
      }],
    ["truncated RTF", "cut.rtf", rtf.slice(0, rtf.length - 10), {
        code: "unprocessable",
        message: "corrupt RTF file: the file ends inside an unclosed group (truncated?) / RTF 文件已损坏：文件在未闭合的编组中结束（可能不完整）",
      }],
    ["truncated ODT", "cut.odt", odt.slice(0, odt.length - 30), {
        code: "unprocessable",
        message: "corrupt ODT file: not a readable ZIP archive (invalid zip data) / ODT 文件已损坏：不是可读取的 ZIP 压缩包",
      }],
    ["truncated EPUB", "cut.epub", epub.slice(0, epub.length - 30), {
        code: "unprocessable",
        message: "corrupt EPUB file: not a readable ZIP archive (invalid zip data) / EPUB 文件已损坏：不是可读取的 ZIP 压缩包",
      }],
  ])("refuses a %s with its reason and leaves no document or unit behind", async (_label, fileName, bytes, reason) => {
    expect(await appError(importDocument(t.db, { projectId, fileName, bytes }))).toEqual(reason);
    expect(await counts(t)).toEqual({ documents: 0, units: 0 });
  });

  it("imports a batch of the new formats, reporting the broken one and going on", async () => {
    const result = await importFiles(t.db, {
      projectId,
      files: [
        { fileName: "a.doc", read: async () => docBytes },
        { fileName: "b.rtf", read: async () => rtf },
        { fileName: "broken.epub", read: async () => utf8("不是压缩包") },
        { fileName: "c.odt", read: async () => odt },
        { fileName: "d.epub", read: async () => epub },
      ],
    });
    expect(result.imported.map((d) => [d.file, d.sentences])).toEqual([["a.doc", 6], ["b.rtf", 4], ["c.odt", 4], ["d.epub", 4]]);
    expect(result.failed.map((f) => f.error)).toEqual([
      "corrupt EPUB file: not a readable ZIP archive (invalid zip data) / EPUB 文件已损坏：不是可读取的 ZIP 压缩包",
    ]);
  });
});
