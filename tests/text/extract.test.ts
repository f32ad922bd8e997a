import { describe, expect, it } from "vitest";
import { appError } from "../helpers/app-error";
import { ACCEPTED_FILE_TYPES } from "../../components/documents/labels";
import { IMPORTABLE_EXTENSIONS } from "../../lib/corpus/import-files";
import { extractDocument } from "../../lib/text/extract";
import { OffsetMap } from "../../lib/text/offsets";
import { SAMPLE_CRLF, SAMPLE_LINES, SAMPLE_WITH_SUPPLEMENTARY, encode, makeDocx, utf8 } from "./fixtures";


describe("extractDocument: plain text", () => {
  it("turns a GBK .txt with CRLF into canonical text with code-point paragraph spans", async () => {
    const doc = await extractDocument(encode(SAMPLE_CRLF, "gbk"), "报告.TXT");
    expect(doc.format).toBe("txt");
    expect(doc.encoding).toBe("GB18030");
    expect(doc.text).toBe(SAMPLE_LINES.join("\n"));
    expect(doc.warnings).toEqual([{ en: "encoding detected as GB18030 (confidence 1.00)", zh: "检测到编码 GB18030（置信度 1.00）" }]);
    const map = new OffsetMap(doc.text);
    expect(doc.paragraphs.map((p) => map.slice(p.start, p.end))).toEqual(SAMPLE_LINES);
  });

  it("counts 𠮷 as one code point in paragraph spans", async () => {
    const doc = await extractDocument(utf8(SAMPLE_WITH_SUPPLEMENTARY), "a.md");
    const map = new OffsetMap(doc.text);
    expect(doc.paragraphs.map((p) => map.slice(p.start, p.end))).toEqual([...SAMPLE_LINES, "𠮷野家的“𠮷”字不在基本多文种平面。"]);
    expect(doc.paragraphs.at(-1)?.end).toBe(Array.from(doc.text).length);
  });

  it("passes the encoding override through", async () => {
    const doc = await extractDocument(encode("發展", "big5"), "a.text", { encoding: "big5" });
    expect(doc.text).toBe("發展");
    expect(doc.encoding).toBe("Big5");
  });
});

describe("extractDocument: dispatch and refusals", () => {
  it("offers every format it reads in the CLI walk and the upload accept list", () => {
    expect(IMPORTABLE_EXTENSIONS).toEqual([".txt", ".text", ".md", ".docx", ".pdf", ".html", ".htm", ".xhtml", ".doc", ".wps", ".rtf", ".odt", ".epub"]);
    expect(ACCEPTED_FILE_TYPES).toBe(IMPORTABLE_EXTENSIONS.join(","));
  });

  it("refuses an unsupported extension, naming it and the supported formats", async () => {
    expect(await appError(extractDocument(utf8("a,b"), "table.xyz"))).toEqual({
      code: "unsupported",
      message: "unsupported file type .xyz — use TXT, DOCX, DOC, WPS, RTF, ODT, EPUB, PDF or HTML / 不支持的文件类型 .xyz，请使用 TXT、DOCX、DOC、WPS、RTF、ODT、EPUB、PDF 或 HTML",
    });
  });

  it("refuses a file without extension and names OFD", async () => {
    expect(await appError(extractDocument(utf8("abc"), "README"))).toEqual({
      code: "unsupported",
      message: "unsupported file type (no extension) — use TXT, DOCX, DOC, WPS, RTF, ODT, EPUB, PDF or HTML / 不支持的文件类型 （无扩展名），请使用 TXT、DOCX、DOC、WPS、RTF、ODT、EPUB、PDF 或 HTML",
    });
    expect(await appError(extractDocument(utf8("abc"), "公告.ofd"))).toEqual({
      code: "unsupported",
      message:
        "unsupported file type .ofd (OFD — export it as PDF with a text layer) — use TXT, DOCX, DOC, WPS, RTF, ODT, EPUB, PDF or HTML / 不支持的文件类型 .ofd（OFD 版式文件，请导出为含文字层的 PDF），请使用 TXT、DOCX、DOC、WPS、RTF、ODT、EPUB、PDF 或 HTML",
    });
  });

  it("says so when a .txt is really a ZIP (e.g. a DOCX) or a PDF", async () => {
    expect(await appError(extractDocument(await makeDocx(["甲"]), "report.txt"))).toEqual({
      code: "unprocessable",
      message:
        "the file is named .txt but is a ZIP archive (DOCX, XLSX or other) — rename or convert it / 文件扩展名为 .txt，但内容是ZIP 压缩包（DOCX、XLSX 等），请改名或转换",
    });
    expect(await appError(extractDocument(utf8("%PDF-1.4\n%âãÏÓ\n"), "report.txt"))).toEqual({
      code: "unprocessable",
      message: "the file is named .txt but is a PDF document — rename or convert it / 文件扩展名为 .txt，但内容是PDF 文档，请改名或转换",
    });
  });

  it("says so when a .docx is really a PDF", async () => {
    expect(await appError(extractDocument(utf8("%PDF-1.4\n"), "report.docx"))).toEqual({
      code: "unprocessable",
      message: "the file is named .docx but is a PDF document — rename or convert it / 文件扩展名为 .docx，但内容是PDF 文档，请改名或转换",
    });
  });

  it("refuses an empty file", async () => {
    expect(await appError(extractDocument(new Uint8Array(), "a.txt"))).toEqual({ code: "unprocessable", message: "file is empty / 文件为空" });
  });

  it("refuses a file with only whitespace as having no text", async () => {
    expect(await appError(extractDocument(utf8(" \r\n\u3000\r\n\t"), "blank.txt"))).toEqual({
      code: "unprocessable",
      message: "no text found in blank.txt / 文件 blank.txt 中未找到文本",
    });
  });

  it("refuses a binary .txt", async () => {
    expect(await appError(extractDocument(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0]), "a.out.txt"))).toEqual({
      code: "unprocessable",
      message: "binary file, not text / 这是二进制文件，不是文本文件",
    });
  });
});
