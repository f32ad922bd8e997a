/**
 * File bytes + name → ExtractedDocument: pick the format by extension, refuse files
 * whose content plainly contradicts it, extract paragraphs, build the canonical text.
 */
import { AppError } from "../errors";
import { buildCanonicalText, type ExtractedParagraphs } from "./canonical";
import type { DecodeOptions } from "./decode";
import { extractPlain } from "./plain";
import type { ExtractedDocument, SourceFormat } from "./types";
import type { Bilingual } from "../i18n/locale";

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  txt: "txt",
  text: "txt",
  md: "txt",
  docx: "docx",
  pdf: "pdf",
  html: "html",
  htm: "html",
  xhtml: "html",
  doc: "doc",
  // WPS Office writes .wps as a Word 97–2003 file; one that is not is refused (word.ts).
  wps: "doc",
  rtf: "rtf",
  odt: "odt",
  epub: "epub",
};

/** Every extension the importer reads (lower case, no dot). */
export const SUPPORTED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

/** Named in the refusal of an unsupported extension (kept in step with FORMAT_BY_EXTENSION). */
export const SUPPORTED_FORMATS_TEXT: Bilingual = {
  en: "TXT, DOCX, DOC, WPS, RTF, ODT, EPUB, PDF or HTML",
  zh: "TXT、DOCX、DOC、WPS、RTF、ODT、EPUB、PDF 或 HTML",
};

/** Formats people try that we could name precisely in the refusal. */
const KNOWN_UNSUPPORTED: Record<string, Bilingual> = {
  pages: { en: "Apple Pages — export it as .docx", zh: "Apple Pages 文档，请导出为 .docx" },
  ofd: { en: "OFD — export it as PDF with a text layer", zh: "OFD 版式文件，请导出为含文字层的 PDF" },
  caj: { en: "CAJ — export it as PDF with a text layer", zh: "CAJ 文件，请导出为含文字层的 PDF" },
};

type Sniffed = "pdf" | "zip" | "ole" | "image" | "rtf" | null;

const FORMAT_LABEL: Record<Exclude<Sniffed, null>, Bilingual> = {
  pdf: { en: "a PDF document", zh: "PDF 文档" },
  zip: { en: "a ZIP archive (DOCX, XLSX or other)", zh: "ZIP 压缩包（DOCX、XLSX 等）" },
  ole: { en: "a legacy Office file (.doc/.xls) or an encrypted DOCX", zh: "旧版 Office 文件（.doc/.xls）或加密的 DOCX" },
  image: { en: "an image", zh: "图片" },
  rtf: { en: "an RTF document", zh: "RTF 文档" },
};

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

/**
 * Recognise containers by their magic bytes. A PDF reader accepts junk before the
 * header, so for .pdf files "%PDF-" anywhere in the first KiB counts; for text formats
 * only at the very start (a text may well mention "%PDF-").
 */
function sniff(bytes: Uint8Array, lenientPdf: boolean): Sniffed {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString("latin1");
  if (lenientPdf ? head.includes("%PDF-") : head.startsWith("%PDF-")) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (head.startsWith("{\\rtf")) return "rtf";
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) // GIF
  ) {
    return "image";
  }
  return null;
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

function mismatch(ext: string, actual: Exclude<Sniffed, null>): AppError {
  return new AppError(
    "unprocessable",
    {
      en: `the file is named .${ext} but is ${FORMAT_LABEL[actual].en} — rename or convert it`,
      zh: `文件扩展名为 .${ext}，但内容是${FORMAT_LABEL[actual].zh}，请改名或转换`,
    },
    { extension: ext, detected: actual },
  );
}

/** Refuse content that cannot be what the extension says. */
function checkContent(format: SourceFormat, ext: string, bytes: Uint8Array): void {
  const actual = sniff(bytes, format === "pdf");
  switch (format) {
    case "pdf":
      if (actual === "pdf") return;
      if (actual !== null) throw mismatch(ext, actual);
      throw new AppError(
        "unprocessable",
        { en: "not a PDF file (no %PDF header) — corrupt or misnamed", zh: "不是有效的 PDF 文件（缺少 %PDF 文件头），可能已损坏或扩展名有误" },
      );
    case "docx":
      // ZIP is expected; OLE (legacy .doc, encrypted DOCX) and junk get docx.ts's precise message.
      if (actual === "pdf" || actual === "image") throw mismatch(ext, actual);
      return;
    case "txt":
    case "html":
      if (actual !== null) throw mismatch(ext, actual);
      return;
    case "doc":
      // OLE is a Word file; a DOCX or RTF saved under .doc/.wps is read as what it is
      // (extractDocument); anything else gets word.ts's precise refusal.
      if (actual === "pdf" || actual === "image") throw mismatch(ext, actual);
      return;
    case "rtf":
      if (actual === "rtf") return;
      if (actual !== null) throw mismatch(ext, actual);
      throw new AppError(
        "unprocessable",
        { en: "not an RTF file (it does not start with {\\rtf) — corrupt or misnamed", zh: "不是有效的 RTF 文件（不以 {\\rtf 开头），可能已损坏或扩展名有误" },
      );
    case "odt":
    case "epub":
      // ZIP is expected; junk gets the package reader's "not a readable ZIP archive".
      if (actual !== null && actual !== "zip") throw mismatch(ext, actual);
      return;
  }
}

/**
 * What a .doc/.wps really holds: agencies also publish DOCX, RTF and Word's "save as web
 * page" HTML under .doc.
 */
function wordContainer(bytes: Uint8Array): "docx" | "rtf" | "html" | "doc" {
  const actual = sniff(bytes, false);
  if (actual === "zip") return "docx";
  if (actual === "rtf") return "rtf";
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 256)).toString("latin1");
  if (/^(\xef\xbb\xbf)?\s*<(!doctype\s+html|html[\s>]|\?xml[^>]*>\s*<html)/i.test(head)) return "html";
  return "doc";
}

export async function extractDocument(bytes: Uint8Array, fileName: string, opts: DecodeOptions = {}): Promise<ExtractedDocument> {
  const ext = extensionOf(fileName);
  const format = FORMAT_BY_EXTENSION[ext];
  if (format === undefined) {
    const known = KNOWN_UNSUPPORTED[ext];
    const shown = ext === "" ? "(no extension)" : `.${ext}`;
    throw new AppError(
      "unsupported",
      {
        en: `unsupported file type ${shown}${known ? ` (${known.en})` : ""} — use ${SUPPORTED_FORMATS_TEXT.en}`,
        zh: `不支持的文件类型 ${ext === "" ? "（无扩展名）" : shown}${known ? `（${known.zh}）` : ""}，请使用 ${SUPPORTED_FORMATS_TEXT.zh}`,
      },
      { extension: ext },
    );
  }
  if (bytes.length === 0) throw new AppError("unprocessable", { en: "file is empty", zh: "文件为空" });
  checkContent(format, ext, bytes);

  let extracted: ExtractedParagraphs;
  let read: SourceFormat = format;
  if (format === "doc") read = wordContainer(bytes);
  switch (read) {
    case "txt":
      extracted = extractPlain(bytes, opts);
      break;
    case "docx":
      // The DOCX, PDF and HTML readers (mammoth, pdfjs, a DOM) load on first use: a
      // process that never meets such a file (most CLI calls) never pays for them.
      extracted = await (await import("./docx")).extractDocx(bytes);
      break;
    case "pdf":
      extracted = await (await import("./pdf")).extractPdf(bytes);
      break;
    case "html":
      extracted = (await import("./html")).extractHtml(bytes, opts);
      break;
    case "doc":
      extracted = await (await import("./word")).extractWord(bytes, ext === "wps" ? "wps" : "doc");
      break;
    case "rtf":
      extracted = (await import("./rtf")).extractRtf(bytes);
      break;
    case "odt":
      extracted = (await import("./odt")).extractOdt(bytes);
      break;
    case "epub":
      extracted = (await import("./epub")).extractEpub(bytes);
      break;
    default: {
      const unreachable: never = read;
      throw new Error(`unhandled format ${String(unreachable)}`);
    }
  }

  const canonical = buildCanonicalText(extracted.paragraphs);
  if (canonical.text === "") {
    throw new AppError("unprocessable", { en: `no text found in ${fileName}`, zh: `文件 ${fileName} 中未找到文本` });
  }
  return {
    ...canonical,
    format: read,
    encoding: extracted.encoding,
    ...(extracted.title !== undefined ? { title: extracted.title } : {}),
    warnings: extracted.warnings,
  };
}
