import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { extractDocument } from "../../lib/text/extract";
import { OffsetMap } from "../../lib/text/offsets";
import { SAMPLE_CRLF, SAMPLE_LINES, SAMPLE_WITH_SUPPLEMENTARY, encode, makeDocx, utf8 } from "./fixtures";

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an AppError");
}

describe("extractDocument: plain text", () => {
  it("turns a GBK .txt with CRLF into canonical text with code-point paragraph spans", async () => {
    const doc = await extractDocument(encode(SAMPLE_CRLF, "gbk"), "报告.TXT");
    expect(doc.format).toBe("txt");
    expect(doc.encoding).toBe("GB18030");
    expect(doc.text).toBe(SAMPLE_LINES.join("\n"));
    expect(doc.warnings.join()).toMatch(/detected as GB18030/);
    const map = new OffsetMap(doc.text);
    expect(doc.paragraphs.map((p) => map.slice(p.start, p.end))).toEqual(SAMPLE_LINES);
  });

  it("counts 𠮷 as one code point in paragraph spans", async () => {
    const doc = await extractDocument(utf8(SAMPLE_WITH_SUPPLEMENTARY), "a.md");
    const last = doc.paragraphs[doc.paragraphs.length - 1];
    expect(new OffsetMap(doc.text).slice(last.start, last.end)).toBe("𠮷野家的“𠮷”字不在基本多文种平面。");
    expect(last.end).toBe(Array.from(doc.text).length);
  });

  it("passes the encoding override through", async () => {
    const doc = await extractDocument(encode("發展", "big5"), "a.text", { encoding: "big5" });
    expect(doc.text).toBe("發展");
    expect(doc.encoding).toBe("Big5");
  });
});

describe("extractDocument: dispatch and refusals", () => {
  it("refuses an unsupported extension, naming it and the supported formats", async () => {
    const e = await errorOf(extractDocument(utf8("a,b"), "table.xyz"));
    expect(e.code).toBe("unsupported");
    expect(e.message).toBe("unsupported file type .xyz — use TXT, DOCX, PDF or HTML / 不支持的文件类型 .xyz，请使用 TXT、DOCX、PDF 或 HTML");
  });

  it("refuses a file without extension and names legacy .doc", async () => {
    expect((await errorOf(extractDocument(utf8("abc"), "README"))).code).toBe("unsupported");
    expect((await errorOf(extractDocument(utf8("abc"), "old.doc"))).message).toMatch(/legacy Word \.doc/);
  });

  it("says so when a .txt is really a ZIP (e.g. a DOCX) or a PDF", async () => {
    const zip = await errorOf(extractDocument(await makeDocx(["甲"]), "report.txt"));
    expect(zip.code).toBe("unprocessable");
    expect(zip.message).toMatch(/named \.txt but is a ZIP archive/);
    const pdf = await errorOf(extractDocument(utf8("%PDF-1.4\n%âãÏÓ\n"), "report.txt"));
    expect(pdf.message).toMatch(/named \.txt but is a PDF document/);
  });

  it("says so when a .docx is really a PDF", async () => {
    const e = await errorOf(extractDocument(utf8("%PDF-1.4\n"), "report.docx"));
    expect(e.message).toMatch(/named \.docx but is a PDF document/);
  });

  it("refuses an empty file", async () => {
    const e = await errorOf(extractDocument(new Uint8Array(), "a.txt"));
    expect(e.message).toBe("file is empty / 文件为空");
  });

  it("refuses a file with only whitespace as having no text", async () => {
    const e = await errorOf(extractDocument(utf8(" \r\n\u3000\r\n\t"), "blank.txt"));
    expect(e.code).toBe("unprocessable");
    expect(e.message).toMatch(/^no text found/);
  });

  it("refuses a binary .txt", async () => {
    const e = await errorOf(extractDocument(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0]), "a.out.txt"));
    expect(e.message).toMatch(/binary file, not text/);
  });
});
