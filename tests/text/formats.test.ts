/**
 * The formats agencies publish besides TXT/DOCX/PDF/HTML: Word 97–2003 .doc (and .wps),
 * RTF, ODT and EPUB. ODT, EPUB and RTF are built here; the .doc is a real file made once
 * with LibreOffice (see DOC_FIXTURE).
 */
import fs from "node:fs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../lib/text/extract";
import { OffsetMap } from "../../lib/text/offsets";
import { appError } from "../helpers/app-error";
import {
  ARTICLE_PARAGRAPHS,
  DOC_FIXTURE,
  DOC_PARAGRAPHS,
  encode,
  govPageHtml,
  makeDocx,
  makeEpub,
  makeOdt,
  makeRtf,
  rtfGbk,
  rtfUnicode,
  utf8,
  xhtmlPage,
} from "./fixtures";

const docBytes = () => new Uint8Array(fs.readFileSync(DOC_FIXTURE));

/** The ZIP with `entry` claiming to unpack to 2 GB (what a ZIP bomb declares), in both its headers. */
function claimHuge(zip: Uint8Array, entry: string): Uint8Array {
  const b = Buffer.from(zip);
  const name = Buffer.from(entry);
  for (let i = 0; i + 4 <= b.length; i++) {
    const sig = b.readUInt32LE(i);
    if (sig === 0x02014b50 && b.subarray(i + 46, i + 46 + name.length).equals(name)) b.writeUInt32LE(0x7fffffff, i + 24);
    if (sig === 0x04034b50 && b.subarray(i + 30, i + 30 + name.length).equals(name)) b.writeUInt32LE(0x7fffffff, i + 22);
  }
  return new Uint8Array(b);
}

/** Each paragraph's text as sliced by its code-point span. */
function spans(doc: { text: string; paragraphs: { start: number; end: number }[] }): string[] {
  const map = new OffsetMap(doc.text);
  return doc.paragraphs.map((p) => map.slice(p.start, p.end));
}

describe("Word 97–2003 .doc and .wps", () => {
  it("reads the body of a real .doc to the character, keeping Chinese quotes and 𠮷", async () => {
    const doc = await extractDocument(docBytes(), "政府工作报告.doc");
    expect(doc.format).toBe("doc");
    expect(doc.encoding).toBe("UTF-16LE");
    expect(doc.text).toBe(DOC_PARAGRAPHS.join("\n"));
    expect(spans(doc)).toEqual(DOC_PARAGRAPHS);
    expect(doc.paragraphs[2]).toEqual({ start: 20, end: 53 });
    expect(doc.title).toBeUndefined();
    expect(doc.warnings).toEqual([]);
  });

  it("reads a .wps that is a Word file inside as a .doc", async () => {
    const doc = await extractDocument(docBytes(), "报告.WPS");
    expect([doc.format, doc.text]).toEqual(["doc", DOC_PARAGRAPHS.join("\n")]);
  });

  it("reads a DOCX or an RTF saved under .doc as what it is", async () => {
    const docx = await extractDocument(await makeDocx(["甲。", "乙。"], "标题"), "其实是docx.doc");
    expect([docx.format, docx.text, docx.title]).toEqual(["docx", "甲。\n乙。", "标题"]);
    const rtf = await extractDocument(makeRtf(`${rtfGbk("丙。")}\\par`), "其实是rtf.doc");
    expect([rtf.format, rtf.text]).toEqual(["rtf", "丙。"]);
  });

  it("reads a web page saved under .doc (GB2312, as Word's \"save as web page\" writes it) as HTML", async () => {
    const bytes = encode(govPageHtml("gb2312"), "gbk");
    const doc = await extractDocument(bytes, "通知.doc");
    expect([doc.format, doc.encoding, doc.title]).toEqual(["html", "GB18030", "政府工作报告"]);
    expect(doc.text).toBe(["政府工作报告", "发布时间：2024-01-20　来源：市政府办公室", ...ARTICLE_PARAGRAPHS].join("\n"));
    // Exactly what the same page gives as .htm.
    expect(doc).toEqual({ ...(await extractDocument(bytes, "通知.htm")) });
  });

  it("refuses a truncated .doc as corrupt", async () => {
    expect(await appError(extractDocument(docBytes().slice(0, 4000), "cut.doc"))).toEqual({
      code: "unprocessable",
      message:
        "corrupt Word .doc file: no WordDocument stream found: another Office file, or cut short / " +
        "Word .doc 文件已损坏或不是 Word 97–2003 文档，请在 Word 或 WPS 中打开并另存为 .docx",
    });
  });

  it("refuses text named .doc as not a Word file", async () => {
    expect(await appError(extractDocument(utf8("这只是一段文字。".repeat(50)), "notes.doc"))).toEqual({
      code: "unprocessable",
      message:
        "corrupt Word .doc file: not a Word 97–2003 file (no OLE header) / " +
        "Word .doc 文件已损坏或不是 Word 97–2003 文档，请在 Word 或 WPS 中打开并另存为 .docx",
    });
  });

  it("refuses a .wps that is not a readable Word file, saying to save it as DOCX", async () => {
    const wpsMessage = (reason: string) =>
      `this .wps file is not a Word-compatible document that can be read (${reason}) — open it in WPS Office and save it as .docx / ` +
      "无法读取此 .wps 文件（不是 Word 兼容格式），请在 WPS Office 中打开并另存为 .docx";
    // An old Kingsoft WPS / Works file: its own format, not OLE.
    const kingsoft = new Uint8Array([0xff, 0x57, 0x50, 0x43, 0x10, 0, 0, 0, 1, 0x0a, 1, 0, ...new Array(600).fill(0x20)]);
    expect(await appError(extractDocument(kingsoft, "旧版.wps"))).toEqual({ code: "unprocessable", message: wpsMessage("not a Word 97–2003 file (no OLE header)") });
    // An OLE container without a Word stream.
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect(await appError(extractDocument(ole, "损坏.wps"))).toEqual({ code: "unprocessable", message: wpsMessage("no WordDocument stream found: another Office file, or cut short") });
    // One whose Word stream word-extractor cannot read (here: a broken sector table).
    const named = new Uint8Array([...ole, ...Buffer.from("WordDocument", "utf16le")]);
    expect(await appError(extractDocument(named, "坏表.wps"))).toEqual({ code: "unprocessable", message: wpsMessage("Invalid Short Sector Allocation Table") });
  });

  it("names a password-protected Word file (an OLE file holding an EncryptedPackage)", async () => {
    const encrypted = new Uint8Array([
      0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0),
      ...Buffer.from("EncryptionInfo\0EncryptedPackage", "utf16le"),
    ]);
    expect(await appError(extractDocument(encrypted, "加密.doc"))).toEqual({
      code: "unprocessable",
      message: "this .doc file is a password-protected Word document — remove the password and save it as .docx / 此 .doc 文件设置了密码，请取消密码后另存为 .docx",
    });
  });

  it("says so when a .doc is really a PDF", async () => {
    expect(await appError(extractDocument(utf8("%PDF-1.4\n"), "report.doc"))).toEqual({
      code: "unprocessable",
      message: "the file is named .doc but is a PDF document — rename or convert it / 文件扩展名为 .doc，但内容是PDF 文档，请改名或转换",
    });
  });
});

describe("RTF", () => {
  const body =
    `${rtfGbk("各位代表：")}\\par\r\n` +
    `${rtfGbk("过去一年，全市生产总值增长")}5.2%${rtfGbk("！")}${rtfUnicode("“𠮷”字在基本多文种平面之外。")}\\par\r\n` +
    `{\\pict\\pngblip\\picw10\\pich10 89504e470d0a1a0a}` +
    `{\\*\\bkmkstart a}{\\field{\\*\\fldinst HYPERLINK "http://example.invalid"}{\\fldrslt ${rtfGbk("链接文字")}}}${rtfGbk("之后")}\\line ` +
    `${rtfGbk("换行后")}\\tab ${rtfGbk("制表")}\\par\r\n` +
    `{\\footnote ${rtfGbk("脚注不是正文")}}` +
    `\\trowd\\cellx2000\\cellx4000 ${rtfGbk("单元格一")}\\cell ${rtfGbk("单元格二")}\\cell\\row\r\n` +
    `{\\uc2 \\u26576\\'c4\\'b3${rtfGbk("市")}}\\par`;

  it("decodes GBK \\'xx escapes and signed \\uN escapes (𠮷 as a surrogate pair) to the character", async () => {
    expect(rtfUnicode("𠮷")).toBe("\\u-10174?\\u-8265?");
    const doc = await extractDocument(makeRtf(body, "某市政府工作报告"), "report.rtf");
    expect(doc.format).toBe("rtf");
    expect(doc.encoding).toBe("cp936");
    expect(spans(doc)).toEqual([
      "各位代表：",
      "过去一年，全市生产总值增长5.2%！“𠮷”字在基本多文种平面之外。",
      "链接文字之后",
      "换行后\t制表",
      "单元格一",
      "单元格二",
      "某市",
    ]);
    expect(doc.paragraphs[1]).toEqual({ start: 6, end: 39 });
    expect(doc.title).toBe("某市政府工作报告");
    expect(doc.warnings).toEqual([]);
  });

  it("reads GBK bytes under a Western font of a \\ansicpg936 document as GBK, and a lone Western byte as the font's", async () => {
    const rtf =
      "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Calibri;}{\\f1\\fnil\\fcharset134 SimSun;}}" +
      `\\pard\\hich\\af0\\dbch\\af1\\loch\\f0 ${rtfGbk("中国")}\\par\\f0 caf\\'e9\\par}`;
    const doc = await extractDocument(utf8(rtf), "mixed.rtf");
    expect([doc.text, doc.encoding]).toEqual(["中国\ncafé", "cp936, cp1252"]);
  });

  it("has no title when the file has no \\info title", async () => {
    const doc = await extractDocument(makeRtf(`${rtfGbk("正文。")}\\par`), "a.rtf");
    expect([doc.text, doc.title]).toEqual(["正文。", undefined]);
  });

  it("reports UTF-16 for an RTF written with \\uN escapes only, as LibreOffice writes Chinese", async () => {
    const rtf = `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Liberation Serif;}}\\pard\\uc1 ${rtfUnicode("各位代表：")}\\par ${rtfUnicode("𠮷字。")}\\par}`;
    const doc = await extractDocument(utf8(rtf), "lo.rtf");
    expect([doc.text, doc.encoding]).toEqual(["各位代表：\n𠮷字。", "UTF-16"]);
  });

  it("refuses a truncated RTF as corrupt", async () => {
    const whole = makeRtf(body);
    expect(await appError(extractDocument(whole.slice(0, whole.length - 20), "cut.rtf"))).toEqual({
      code: "unprocessable",
      message: "corrupt RTF file: the file ends inside an unclosed group (truncated?) / RTF 文件已损坏：文件在未闭合的编组中结束（可能不完整）",
    });
  });

  it("refuses a file that is not RTF and names a DOCX saved as .rtf", async () => {
    expect(await appError(extractDocument(utf8("{\\rtf2 不是版本一}"), "v2.rtf"))).toEqual({
      code: "unprocessable",
      message: 'corrupt RTF file: File should start with "{\\rtf[0,1]" / RTF 文件已损坏：无法解析',
    });
    expect(await appError(extractDocument(utf8("纯文本。"), "plain.rtf"))).toEqual({
      code: "unprocessable",
      message: "not an RTF file (it does not start with {\\rtf) — corrupt or misnamed / 不是有效的 RTF 文件（不以 {\\rtf 开头），可能已损坏或扩展名有误",
    });
    expect(await appError(extractDocument(await makeDocx(["甲"]), "x.rtf"))).toEqual({
      code: "unprocessable",
      message: "the file is named .rtf but is a ZIP archive (DOCX, XLSX or other) — rename or convert it / 文件扩展名为 .rtf，但内容是ZIP 压缩包（DOCX、XLSX 等），请改名或转换",
    });
  });
});

describe("ODT", () => {
  const bodyXml =
    "<text:h text:outline-level=\"1\">2024年政府工作报告</text:h>\n" +
    "<text:p>各位代表：</text:p>\n" +
    "<text:p>过去一年，<text:span>全市生产总值</text:span>增长5.2%！“𠮷”字&amp;<text:s text:c=\"3\"/>空格<text:tab/>制表" +
    "<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation><text:note-body><text:p>脚注不是正文</text:p></text:note-body></text:note>" +
    "<text:line-break/>换行后</text:p>\n" +
    "<text:list><text:list-item><text:p>（一）推动京津冀\n   协同发展；</text:p></text:list-item></text:list>\n" +
    "<draw:frame xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"><draw:image/><svg:title>图片标题不是正文</svg:title><svg:desc>图片说明不是正文</svg:desc></draw:frame>" +
    "<table:table><table:table-row><table:table-cell><text:p>单元格一</text:p></table:table-cell><table:table-cell><text:p>单元格二</text:p></table:table-cell></table:table-row></table:table>\n" +
    "<text:p><office:annotation><text:p>批注不是正文</text:p></office:annotation>&#x20BB7;结束。</text:p>";

  it("reads headings, paragraphs, lists and table cells with spaces, tabs and breaks to the character", async () => {
    const doc = await extractDocument(makeOdt(bodyXml, { title: "某市 &amp; 报告" }), "报告.odt");
    expect(doc.format).toBe("odt");
    expect(doc.encoding).toBe("UTF-8");
    expect(spans(doc)).toEqual([
      "2024年政府工作报告",
      "各位代表：",
      "过去一年，全市生产总值增长5.2%！“𠮷”字&   空格\t制表",
      "换行后",
      "（一）推动京津冀 协同发展；",
      "单元格一",
      "单元格二",
      "𠮷结束。",
    ]);
    expect(doc.title).toBe("某市 & 报告");
    expect(doc.warnings).toEqual([]);
  });

  it("has no title without dc:title, and ignores a malformed meta.xml with a warning", async () => {
    expect((await extractDocument(makeOdt("<text:p>正文。</text:p>"), "a.odt")).title).toBeUndefined();
    const files = unzipSync(makeOdt("<text:p>正文。</text:p>", { title: "标题" }));
    const broken = zipSync({ ...files, "meta.xml": strToU8("<office:document-meta><office:meta>") });
    const doc = await extractDocument(broken, "b.odt");
    expect([doc.text, doc.title]).toEqual(["正文。", undefined]);
    expect(doc.warnings).toEqual([
      {
        en: "the document properties (meta.xml) are malformed (Invalid '[    \"office:document-meta\",    \"office:meta\"]' found.) and were ignored; the text is imported",
        zh: "文档属性（meta.xml）格式有误，已忽略；正文已导入",
      },
    ]);
  });

  it("refuses a truncated ODT, a spreadsheet, a DOCX and broken XML with the reason", async () => {
    const whole = makeOdt(bodyXml);
    expect(await appError(extractDocument(whole.slice(0, whole.length / 2), "cut.odt"))).toEqual({
      code: "unprocessable",
      message: "corrupt ODT file: not a readable ZIP archive (invalid zip data) / ODT 文件已损坏：不是可读取的 ZIP 压缩包",
    });
    expect(await appError(extractDocument(makeOdt("<text:p>表</text:p>", { mimetype: "application/vnd.oasis.opendocument.spreadsheet" }), "t.odt"))).toEqual({
      code: "unprocessable",
      message:
        "corrupt ODT file: it is application/vnd.oasis.opendocument.spreadsheet, not an OpenDocument text / " +
        "ODT 文件已损坏：文件类型为 application/vnd.oasis.opendocument.spreadsheet，不是 OpenDocument 文本文档",
    });
    expect(await appError(extractDocument(await makeDocx(["甲"]), "w.odt"))).toEqual({
      code: "unprocessable",
      message: "corrupt ODT file: content.xml is missing — not an OpenDocument text (it is a DOCX — rename it to .docx) / ODT 文件已损坏：缺少 content.xml，不是 OpenDocument 文本文档",
    });
    expect(await appError(extractDocument(makeOdt("<text:p>未闭合</text:span></text:p>"), "x.odt"))).toEqual({
      code: "unprocessable",
      message:
        "corrupt ODT file: content.xml is not well-formed XML (line 2: Expected closing tag 'text:p' (opened in line 2, col 329) instead of closing tag 'text:span'.) / " +
        "ODT 文件已损坏：content.xml 不是格式正确的 XML（第 2 行）",
    });
  });
});

describe("EPUB", () => {
  const chapters = [
    {
      id: "c1",
      href: "text/c1.xhtml",
      xhtml: xhtmlPage("第一章", "<section><header><h1>第一章　总则</h1></header><p>第一条　为了推进京津冀协同发展，制定本条例。</p><p>第二条　“𠮷”字<br/>换行。</p></section>"),
    },
    { id: "notes", href: "text/notes.xhtml", xhtml: xhtmlPage("注释", "<p>非线性注释不是正文。</p>"), linear: false },
    {
      id: "c2",
      href: "text/%E7%AC%AC%E4%BA%8C%E7%AB%A0.xhtml",
      xhtml: xhtmlPage("第二章", "<h2>第二章　附则</h2><script>document.write('脚本')</script><p>第三条　本条例自公布之日起施行。</p>"),
    },
  ];

  it("reads the chapters in spine order (not manifest order) to the character, with the OPF title", async () => {
    const doc = await extractDocument(makeEpub(chapters, { title: "某市条例", manifestOrder: ["c2", "notes", "c1"] }), "条例.epub");
    expect(doc.format).toBe("epub");
    expect(doc.encoding).toBe("UTF-8");
    expect(spans(doc)).toEqual([
      "第一章　总则",
      "第一条　为了推进京津冀协同发展，制定本条例。",
      "第二条　“𠮷”字",
      "换行。",
      "第二章　附则",
      "第三条　本条例自公布之日起施行。",
    ]);
    expect(doc.title).toBe("某市条例");
    expect(doc.warnings).toEqual([]);
  });

  it("has no title without dc:title or with a converter's placeholder", async () => {
    expect((await extractDocument(makeEpub(chapters.slice(0, 1)), "a.epub")).title).toBeUndefined();
    expect((await extractDocument(makeEpub(chapters.slice(0, 1), { title: "Unknown Title" }), "b.epub")).title).toBeUndefined();
  });

  it("refuses a truncated EPUB, one without container.xml, a missing chapter and a DRM-protected one", async () => {
    const whole = makeEpub(chapters);
    expect(await appError(extractDocument(whole.slice(0, whole.length / 2), "cut.epub"))).toEqual({
      code: "unprocessable",
      message: "corrupt EPUB file: not a readable ZIP archive (invalid zip data) / EPUB 文件已损坏：不是可读取的 ZIP 压缩包",
    });
    const files = unzipSync(whole);
    const without = (name: string) => zipSync(Object.fromEntries(Object.entries(files).filter(([k]) => k !== name)));
    expect(await appError(extractDocument(without("META-INF/container.xml"), "a.epub"))).toEqual({
      code: "unprocessable",
      message: "corrupt EPUB file: META-INF/container.xml is missing — not an EPUB / EPUB 文件已损坏：缺少 META-INF/container.xml，不是 EPUB 电子书",
    });
    expect(await appError(extractDocument(without("OEBPS/text/第二章.xhtml"), "b.epub"))).toEqual({
      code: "unprocessable",
      message: "corrupt EPUB file: chapter OEBPS/text/第二章.xhtml is missing / EPUB 文件已损坏：章节 OEBPS/text/第二章.xhtml 缺失或无法读取",
    });
    const encryption = `<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference URI="OEBPS/text/c1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>`;
    expect(await appError(extractDocument(zipSync({ ...files, "META-INF/encryption.xml": strToU8(encryption) }), "drm.epub"))).toEqual({
      code: "unprocessable",
      message:
        "corrupt EPUB file: OEBPS/text/c1.xhtml is encrypted (DRM-protected book) — only unprotected EPUBs can be imported / " +
        "EPUB 文件已损坏：OEBPS/text/c1.xhtml 已加密（受 DRM 保护），只能导入未加密的 EPUB",
    });
  });

  it("refuses a package whose text parts claim to unpack to more than 256 MB, before inflating them", async () => {
    expect(await appError(extractDocument(claimHuge(makeEpub(chapters), "OEBPS/text/c1.xhtml"), "bomb.epub"))).toEqual({
      code: "unprocessable",
      message: "corrupt EPUB file: its text parts unpack to more than 256 MB (a ZIP bomb?) / EPUB 文件已损坏：文本部分解压后超过 256 MB（疑似 ZIP 炸弹）",
    });
    expect(await appError(extractDocument(claimHuge(makeOdt("<text:p>甲</text:p>"), "content.xml"), "bomb.odt"))).toEqual({
      code: "unprocessable",
      message: "corrupt ODT file: its text parts unpack to more than 256 MB (a ZIP bomb?) / ODT 文件已损坏：文本部分解压后超过 256 MB（疑似 ZIP 炸弹）",
    });
  });

  it("says so when a .epub is really a PDF", async () => {
    expect(await appError(extractDocument(utf8("%PDF-1.7\n"), "book.epub"))).toEqual({
      code: "unprocessable",
      message: "the file is named .epub but is a PDF document — rename or convert it / 文件扩展名为 .epub，但内容是PDF 文档，请改名或转换",
    });
  });
});
