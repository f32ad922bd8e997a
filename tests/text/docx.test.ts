import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../lib/text/extract";
import { appError } from "../helpers/app-error";
import { makeDocx } from "./fixtures";

const PARAGRAPHS = [
  "2024年政府工作报告",
  "各位代表：",
  "过去一年，我们坚持稳中求进工作总基调，全市生产总值增长5.2%！",
  "“𠮷”字在基本多文种平面之外；偏移量按码点计算。",
  "（一）推动京津冀协同发展，建设“五个中心”？",
];

/** The DOCX with its docProps/core.xml replaced (a file some other tool wrote badly). */
async function withCoreXml(paragraphs: string[], coreXml: string): Promise<Uint8Array> {
  const files = unzipSync(await makeDocx(paragraphs, "原标题"));
  expect(strFromU8(files["docProps/core.xml"] ?? new Uint8Array())).toContain("原标题");
  return zipSync({ ...files, "docProps/core.xml": strToU8(coreXml) });
}

const core = (title: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${title}</dc:title></cp:coreProperties>`;

describe("DOCX extraction", () => {
  it("decodes character references and entities in the core title", async () => {
    const doc = await extractDocument(await withCoreXml(["正文。"], core("报告 &amp; &#x20BB7; &#20320;")), "a.docx");
    expect(doc.title).toBe("报告 & 𠮷 你");
    expect(doc.warnings).toEqual([]);
  });

  it("imports the text of a DOCX whose core properties are malformed, ignoring them with a warning", async () => {
    const warning = (why: string) => ({
      en: `the document properties (docProps/core.xml) are malformed (${why}) and were ignored; the text is imported`,
      zh: "文档属性（docProps/core.xml）格式有误，已忽略；正文已导入",
    });
    const beyond = await extractDocument(await withCoreXml(["甲。", "乙。"], core("坏 &#x110000; 标题")), "b.docx");
    expect([beyond.text, beyond.title, beyond.warnings]).toEqual(["甲。\n乙。", undefined, [warning("&#x110000; is not a character")]]);
    const unclosed = await extractDocument(
      await withCoreXml(["甲。"], core("未闭合").replace("</dc:title>", "")),
      "c.docx",
    );
    expect([unclosed.text, unclosed.title, unclosed.warnings]).toEqual(["甲。", undefined, [warning("Expected closing tag 'dc:title' (opened in line 2, col 147) instead of closing tag 'cp:coreProperties'.")]]);
  });

  it("keeps every paragraph, 𠮷 and full-width punctuation intact, and reads the core title", async () => {
    const bytes = await makeDocx(PARAGRAPHS, "某市政府工作报告");
    const doc = await extractDocument(bytes, "报告.docx");
    expect(doc.format).toBe("docx");
    expect(doc.text).toBe(PARAGRAPHS.join("\n"));
    expect(doc.paragraphs).toHaveLength(PARAGRAPHS.length);
    expect(doc.title).toBe("某市政府工作报告");
    expect(doc.encoding).toBe("UTF-8");
  });

  it("drops empty paragraphs", async () => {
    const doc = await extractDocument(await makeDocx(["甲。", "", "  ", "乙。"]), "a.docx");
    expect(doc.text).toBe("甲。\n乙。");
  });

  it("refuses a truncated DOCX as corrupt", async () => {
    const bytes = await makeDocx(PARAGRAPHS);
    expect(await appError(extractDocument(bytes.slice(0, Math.floor(bytes.length / 2)), "cut.docx"))).toEqual({
      code: "unprocessable",
      message: "corrupt DOCX file: not a readable ZIP archive (invalid zip data) / DOCX 文件已损坏：不是可读取的 ZIP 压缩包",
    });
  });

  it("refuses random bytes named .docx as corrupt", async () => {
    const junk = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 251));
    expect(await appError(extractDocument(junk, "junk.docx"))).toEqual({
      code: "unprocessable",
      message: "corrupt DOCX file: not a readable ZIP archive (invalid zip data) / DOCX 文件已损坏：不是可读取的 ZIP 压缩包",
    });
  });

  it("refuses a ZIP that is not a Word document", async () => {
    const { zipSync } = await import("fflate");
    const zip = zipSync({ "readme.txt": new TextEncoder().encode("hello") });
    expect(await appError(extractDocument(zip, "fake.docx"))).toEqual({
      code: "unprocessable",
      message: "corrupt DOCX file: word/document.xml is missing — not a Word document / DOCX 文件已损坏：缺少 word/document.xml，不是 Word 文档",
    });
  });

  it("names a legacy .doc (OLE) file renamed to .docx", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect(await appError(extractDocument(ole, "old.docx"))).toEqual({
      code: "unprocessable",
      message:
        "this is a legacy Word .doc or a password-protected DOCX — save it as an unprotected .docx / " +
        "这是旧版 Word .doc 或加密的 DOCX 文件，请另存为未加密的 .docx",
    });
  });
});
