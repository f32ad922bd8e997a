/**
 * DOCX → paragraphs via mammoth's raw-text conversion, which writes one paragraph
 * (w:p, including table cells and list items) per block separated by blank lines.
 * The ZIP is checked with fflate first so a broken file gets a precise message
 * instead of a JSZip stack trace, and the core title comes from docProps/core.xml
 * (read with an XML parser; malformed properties are ignored with a warning).
 */
import { unzipSync } from "fflate";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import mammoth from "mammoth";
import { AppError } from "../errors";
import type { Bilingual } from "../i18n/locale";
import type { ExtractedParagraphs } from "./canonical";

const MAIN_PART = "word/document.xml";
const CORE_PART = "docProps/core.xml";

function corrupt(reason: string, reasonZh: string): AppError {
  return new AppError("unprocessable", { en: `corrupt DOCX file: ${reason}`, zh: `DOCX 文件已损坏：${reasonZh}` });
}

/** Opens the package far enough to prove it is a DOCX; returns core.xml if present. */
function inspectPackage(bytes: Uint8Array): { coreXml?: string } {
  // An OLE compound file is a legacy .doc or a password-protected DOCX.
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new AppError(
      "unprocessable",
      {
        en: "this is a legacy Word .doc or a password-protected DOCX — save it as an unprotected .docx",
        zh: "这是旧版 Word .doc 或加密的 DOCX 文件，请另存为未加密的 .docx",
      },
    );
  }
  const names: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      // Decompress only the small core properties part; just note the other names.
      filter: (file) => {
        names.push(file.name);
        return file.name === CORE_PART;
      },
    });
  } catch (e) {
    throw corrupt(`not a readable ZIP archive (${e instanceof Error ? e.message : String(e)})`, "不是可读取的 ZIP 压缩包");
  }
  if (!names.includes(MAIN_PART)) {
    throw corrupt(`${MAIN_PART} is missing — not a Word document`, `缺少 ${MAIN_PART}，不是 Word 文档`);
  }
  const core = files[CORE_PART];
  return { coreXml: core ? new TextDecoder("utf-8").decode(core) : undefined };
}

const coreParser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  // Decodes character references (&#…;) as well as the five XML entities.
  htmlEntities: true,
});

/** XML's Char production: what a character reference may name. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 || cp === 0xa || cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** The first character reference that names no character (e.g. &#x110000;), if any. */
function badCharReference(xml: string): string | undefined {
  for (const m of xml.matchAll(/&#(x[0-9a-f]+|\d+);/gi)) {
    const ref = m[1] ?? "";
    const cp = ref[0] === "x" || ref[0] === "X" ? parseInt(ref.slice(1), 16) : parseInt(ref, 10);
    if (!isXmlChar(cp)) return m[0];
  }
  return undefined;
}

type CoreProperties = { title?: string; warnings: Bilingual[] };

/**
 * The title from docProps/core.xml. These properties are optional and the body text
 * does not depend on them, so malformed ones are ignored with a warning (the title
 * then comes from the file name) rather than refusing a document whose text is fine.
 */
function coreProperties(coreXml: string | undefined): CoreProperties {
  if (coreXml === undefined) return { warnings: [] };
  const ignored = (why: string): CoreProperties => ({
    warnings: [
      {
        en: `the document properties (docProps/core.xml) are malformed (${why}) and were ignored; the text is imported`,
        zh: "文档属性（docProps/core.xml）格式有误，已忽略；正文已导入",
      },
    ],
  });
  const valid = XMLValidator.validate(coreXml);
  if (valid !== true) return ignored(valid.err.msg);
  const bad = badCharReference(coreXml);
  if (bad) return ignored(`${bad} is not a character`);
  let parsed: unknown;
  try {
    parsed = coreParser.parse(coreXml);
  } catch (e) {
    return ignored(e instanceof Error ? e.message : String(e));
  }
  const raw = (parsed as { coreProperties?: { title?: unknown } } | undefined)?.coreProperties?.title;
  const title = typeof raw === "string" ? raw.replace(/\s+/g, " ").trim() : "";
  return { ...(title === "" ? {} : { title }), warnings: [] };
}

export async function extractDocx(bytes: Uint8Array): Promise<ExtractedParagraphs> {
  const { coreXml } = inspectPackage(bytes);
  let raw: string;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    raw = result.value;
  } catch (e) {
    throw corrupt(e instanceof Error ? e.message : String(e), "无法读取文档内容");
  }
  // mammoth ends every paragraph with "\n\n"; a single "\n" is a manual line break
  // (w:br), which canonical text also treats as a paragraph boundary.
  const paragraphs = raw.split(/\n+/);
  const core = coreProperties(coreXml);
  return { paragraphs, title: core.title, encoding: "UTF-8", warnings: core.warnings };
}
