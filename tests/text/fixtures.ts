/**
 * Fixture builders for the text pipeline tests: encoded strings, generated DOCX and
 * PDF files, a government-style HTML page, and the location of the real corpus.
 */
import fs from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { strToU8, zipSync, type Zippable } from "fflate";
import iconv from "iconv-lite";
import PDFDocument from "pdfkit";
import { expect } from "vitest";
import { CJK_FONT_FILE, sharedCorpus } from "../helpers/external";
import { OffsetMap } from "../../lib/text/offsets";
import type { SentenceUnit, Span } from "../../lib/text/types";

/** A policy-style text with full-width punctuation and CRLF line ends (encodable in GBK). */
export const SAMPLE_LINES = [
  "政府工作报告",
  "——2024年1月在第十四届人民代表大会第二次会议上",
  "各位代表：",
  "过去一年，我们坚持稳中求进工作总基调，全市生产总值增长5.2%！",
  "（一）推动京津冀协同发展；着力建设“五个中心”。",
];
export const SAMPLE_CRLF = SAMPLE_LINES.join("\r\n") + "\r\n";
/** Adds 𠮷 (outside the BMP): UTF-8/16 and GB18030 encode it, GBK and Big5 cannot. */
export const SAMPLE_WITH_SUPPLEMENTARY = SAMPLE_CRLF + "𠮷野家的“𠮷”字不在基本多文种平面。\r\n";

/** Traditional-script text for Big5 fixtures (Big5 cannot encode most simplified forms). */
export const BIG5_SAMPLE = "政府工作報告\r\n過去一年，我們堅持穩中求進工作總基調，經濟總量增長５％！\r\n（一）推動區域協調發展；建設「五個中心」。\r\n";

export function encode(text: string, encoding: string, addBOM = false): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding, { addBOM }));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

// ---------------------------------------------------------------------------- DOCX

export async function makeDocx(paragraphs: string[], title?: string): Promise<Uint8Array> {
  const doc = new Document({
    ...(title !== undefined ? { title } : {}),
    sections: [{ children: paragraphs.map((t) => new Paragraph({ children: [new TextRun(t)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

// ---------------------------------------------------------------------------- DOC

/**
 * A real Word 97–2003 file (9 KB), made once with LibreOffice 7 from a UTF-8 text holding
 * DOC_PARAGRAPHS, one per line:
 *   soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to doc:"MS Word 97" 政府工作报告.txt
 */
export const DOC_FIXTURE = path.join(__dirname, "..", "fixtures", "gov-report-zh.doc");
export const DOC_PARAGRAPHS = [
  "2024年某市政府工作报告",
  "各位代表：",
  "过去一年，全市生产总值增长5.2%！“𠮷”字在基本多文种平面之外。",
  "（一）推动京津冀协同发展；建设“五个中心”。",
];

// ---------------------------------------------------------------------------- RTF

/** Text as RTF \'xx escapes of its GBK bytes (what Word and WPS write under \ansicpg936). */
export function rtfGbk(text: string): string {
  return Array.from(iconv.encode(text, "gbk"), (b) => `\\'${b.toString(16).padStart(2, "0")}`).join("");
}

/** Text as RTF \uN? escapes: N is a signed 16-bit UTF-16 code unit, so 𠮷 (U+20BB7) is \u-10174?\u-8265?. */
export function rtfUnicode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out += `\\u${unit > 0x7fff ? unit - 0x10000 : unit}?`;
  }
  return out;
}

/** A Chinese RTF document as Word writes one: font and colour tables, \info, a header, \par paragraphs. */
export function makeRtf(body: string, title?: string): Uint8Array {
  return utf8(
    "{\\rtf1\\ansi\\ansicpg936\\deff0\\deflang1033\\deflangfe2052" +
      "{\\fonttbl{\\f0\\fnil\\fcharset134 " + rtfGbk("宋体") + ";}{\\f1\\fswiss\\fcharset0 Arial;}}\r\n" +
      "{\\colortbl ;\\red255\\green0\\blue0;}\r\n" +
      "{\\stylesheet{\\s0 Normal;}}\r\n" +
      "{\\*\\generator Riched20 10.0.19041}" +
      (title !== undefined ? `{\\info{\\title ${rtfGbk(title)}}{\\author ${rtfGbk("作者")}}}` : "") +
      `{\\header\\pard ${rtfGbk("页眉不是正文")}\\par}\r\n` +
      "\\viewkind4\\uc1\\pard\\f0\\fs24 " + body + "}\r\n",
  );
}

// ---------------------------------------------------------------------------- ODT

const ODT_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"';

/** An ODT package as LibreOffice lays it out; `bodyXml` goes inside office:text. */
export function makeOdt(bodyXml: string, opts: { title?: string; extra?: Zippable; mimetype?: string } = {}): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${ODT_NS}><office:automatic-styles/><office:body><office:text>${bodyXml}</office:text></office:body></office:document-content>`;
  const meta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${ODT_NS}><office:meta>${opts.title !== undefined ? `<dc:title>${opts.title}</dc:title>` : ""}<meta:generator xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">LibreOffice</meta:generator></office:meta></office:document-meta>`;
  return zipSync({
    // The mimetype comes first and uncompressed, as the standard asks.
    mimetype: [strToU8(opts.mimetype ?? "application/vnd.oasis.opendocument.text"), { level: 0 }],
    "content.xml": strToU8(content),
    "meta.xml": strToU8(meta),
    "META-INF/manifest.xml": strToU8('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
    ...opts.extra,
  });
}

// ---------------------------------------------------------------------------- EPUB

export type EpubChapter = { id: string; href: string; xhtml: string; linear?: boolean };

export function xhtmlPage(title: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="zh-CN"><head><title>${title}</title><link rel="stylesheet" href="../css/style.css"/></head>
<body>${body}</body></html>`;
}

/**
 * An EPUB 3 package: container.xml → OEBPS/content.opf, chapters under OEBPS/text/
 * listed in the manifest in `manifestOrder` (default: as given) and read in the given
 * spine order, plus a cover image that must never be read as text.
 */
export function makeEpub(
  chapters: EpubChapter[],
  opts: { title?: string; manifestOrder?: string[]; extra?: Zippable; opfOverride?: string } = {},
): Uint8Array {
  const byId = new Map(chapters.map((c) => [c.id, c]));
  const manifestIds = opts.manifestOrder ?? chapters.map((c) => c.id);
  const opf = opts.opfOverride ?? `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">urn:uuid:0</dc:identifier>${opts.title !== undefined ? `<dc:title id="t">${opts.title}</dc:title>` : ""}<dc:language>zh-CN</dc:language></metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="cover" href="images/cover.png" media-type="image/png"/>
${manifestIds.map((id) => `<item id="${id}" href="${byId.get(id)?.href ?? ""}" media-type="application/xhtml+xml"/>`).join("\n")}
</manifest>
<spine>${chapters.map((c) => `<itemref idref="${c.id}"${c.linear === false ? ' linear="no"' : ""}/>`).join("")}</spine>
</package>`;
  const files: Zippable = {
    mimetype: [strToU8("application/epub+zip"), { level: 0 }],
    "META-INF/container.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`),
    "OEBPS/content.opf": strToU8(opf),
    "OEBPS/nav.xhtml": strToU8(xhtmlPage("目录", '<nav epub:type="toc"><ol><li><a href="text/c1.xhtml">目录项不是正文</a></li></ol></nav>')),
    "OEBPS/images/cover.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    ...opts.extra,
  };
  for (const c of chapters) files[`OEBPS/${decodeURIComponent(c.href)}`] = strToU8(c.xhtml);
  return zipSync(files);
}

// ---------------------------------------------------------------------------- PDF

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
}

export type PdfParagraphOptions = {
  /** First-line indent in points (Chinese convention: two characters). */
  indent?: number;
  /** Extra space after each paragraph in points. */
  paragraphGap?: number;
  fontSize?: number;
  /** Stamp "- n -" at the foot of every page, as printed reports do. */
  pageNumbers?: boolean;
};

/** A one-page (or longer) PDF with a real text layer in the CJK font. */
export function makeCjkPdf(paragraphs: string[], opts: PdfParagraphOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", margin: 72, bufferPages: true });
  const done = collect(doc);
  doc.font(CJK_FONT_FILE, "WenQuanYiZenHei").fontSize(opts.fontSize ?? 12);
  for (const p of paragraphs) doc.text(p, { indent: opts.indent ?? 24, paragraphGap: opts.paragraphGap ?? 6 });
  if (opts.pageNumbers) {
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      doc.text(`- ${i + 1} -`, 0, 800, { width: 595, align: "center", lineBreak: false });
    }
  }
  doc.end();
  return done;
}

/** A PDF page with drawn shapes only: what a scan without OCR looks like to a text extractor. */
export function makeShapesOnlyPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", margin: 72 });
  const done = collect(doc);
  doc.rect(100, 100, 200, 120).fill("#888888");
  doc.circle(300, 400, 50).stroke();
  doc.addPage();
  doc.moveTo(72, 72).lineTo(400, 500).stroke();
  doc.end();
  return done;
}

// ---------------------------------------------------------------------------- HTML

export const ARTICLE_PARAGRAPHS = [
  "各位代表：",
  "现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。",
  "过去一年，我们坚持以新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，全市地区生产总值增长5.2%，一般公共预算收入增长6.8%，城镇新增就业12.3万人。",
  "一年来，我们着力扩大有效需求，实施重点项目三百余个，完成投资一千二百亿元；着力推进改革开放，营商环境持续优化，市场主体总量突破五十万户。",
  "新的一年，我们将坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。",
];

/** A saved government page: nav, header, script, style, inline handler, footer, article body. */
export function govPageHtml(charset: string): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>政府工作报告_政策文件_某某市人民政府</title>
<style>body { font-family: SimSun; } .nav li { display: inline; }</style>
<script>var secret = "脚本内容不应出现"; document.write("动态写入的文字");</script>
<script src="https://example.invalid/track.js"></script>
<link rel="stylesheet" href="https://example.invalid/site.css">
</head>
<body>
<div class="header"><div class="logo">某某市人民政府门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li><li><a href="/bsfw">办事服务</a></li></ul></div>
<nav><a href="/">网站导航</a> | <a href="/sitemap">站点地图</a></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="main">
<div class="article">
<h1>政府工作报告</h1>
<div class="info">发布时间：2024-01-20　来源：市政府办公室</div>
<div class="TRS_Editor">
${ARTICLE_PARAGRAPHS.map((p) => `<p style="text-indent:2em" onclick="alert('点击事件')">　　${p}</p>`).join("\n")}
</div>
</div>
</div>
<div class="footer"><p>主办：某某市人民政府办公室　版权所有</p><p>备案号：京ICP备00000000号</p></div>
<script>console.log("页尾脚本");</script>
</body>
</html>`;
}

// ---------------------------------------------------------------------------- real corpus

/** The shared corpus of real government texts (tests use `describeWith(CORPUS, …)`). */
export const CORPUS = sharedCorpus();

export function readCorpus(...parts: string[]): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(CORPUS.location, ...parts)));
}

/** File names in a corpus folder, sorted; the folder must exist (a renamed folder fails loudly). */
export function listCorpus(...parts: string[]): string[] {
  return fs.readdirSync(path.join(CORPUS.location, ...parts)).sort();
}

// ---------------------------------------------------------------------------- sentence invariants

/**
 * Every unit is non-empty, trimmed, in order, inside its paragraph, free of line feeds,
 * and its text is exactly the code-point substring [start, end) of the text.
 */
export function checkInvariants(text: string, paragraphs: Span[], result: SentenceUnit[]): void {
  const map = new OffsetMap(text);
  const cps = Array.from(text);
  let last = -1;
  for (const u of result) {
    expect(u.start).toBeLessThan(u.end);
    expect(u.start).toBeGreaterThanOrEqual(last);
    last = u.end;
    const para = paragraphs[u.paragraph];
    if (para === undefined) throw new Error(`unit ${u.start}…${u.end} names paragraph ${u.paragraph} of ${paragraphs.length}`);
    expect(u.start).toBeGreaterThanOrEqual(para.start);
    expect(u.end).toBeLessThanOrEqual(para.end);
    const s = map.slice(u.start, u.end);
    expect(s).toBe(cps.slice(u.start, u.end).join(""));
    expect(s.trim()).toBe(s);
    expect(s.replace(/[\s\u3000]/g, "")).not.toBe("");
    expect(s).not.toContain("\n");
  }
}
