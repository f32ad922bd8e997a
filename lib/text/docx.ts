/**
 * DOCX → paragraphs via mammoth's raw-text conversion, which writes one paragraph
 * (w:p, including table cells and list items) per block separated by blank lines.
 * The ZIP is checked with fflate first so a broken file gets a precise message
 * instead of a JSZip stack trace, and the core title comes from docProps/core.xml.
 */
import { unzipSync } from "fflate";
import mammoth from "mammoth";
import { AppError } from "../errors";
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
      "this is a legacy Word .doc or a password-protected DOCX — save it as an unprotected .docx / " +
        "这是旧版 Word .doc 或加密的 DOCX 文件，请另存为未加密的 .docx",
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

function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, ent: string) => {
    const e = ent.toLowerCase();
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? m;
  });
}

function coreTitle(coreXml: string | undefined): string | undefined {
  const m = coreXml?.match(/<dc:title(?:\s[^>]*)?>([\s\S]*?)<\/dc:title>/);
  const title = m ? decodeXmlEntities(m[1]).replace(/\s+/g, " ").trim() : "";
  return title === "" ? undefined : title;
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
  return { paragraphs, title: coreTitle(coreXml), encoding: "UTF-8", warnings: [] };
}
