/**
 * Word 97–2003 .doc (and .wps, which WPS Office usually writes as the same OLE
 * compound file) → paragraphs via word-extractor. Only the body is taken, as for DOCX:
 * headers, footers, footnotes and comments are left out. filterUnicode: false keeps
 * Chinese quotation marks (“”‘’) instead of turning them into ASCII quotes.
 * word-extractor marks paragraph ends, line breaks and page breaks with "\n" and table
 * cell ends with "\t".
 */
import WordExtractor from "word-extractor";
import { AppError } from "../errors";
import type { ExtractedParagraphs } from "./canonical";

export type WordFlavour = "doc" | "wps";

function refusal(flavour: WordFlavour, reason: string): AppError {
  if (flavour === "wps") {
    return new AppError("unprocessable", {
      en: `this .wps file is not a Word-compatible document that can be read (${reason}) — open it in WPS Office and save it as .docx`,
      zh: "无法读取此 .wps 文件（不是 Word 兼容格式），请在 WPS Office 中打开并另存为 .docx",
    });
  }
  return new AppError("unprocessable", {
    en: `corrupt Word .doc file: ${reason}`,
    zh: "Word .doc 文件已损坏或不是 Word 97–2003 文档，请在 Word 或 WPS 中打开并另存为 .docx",
  });
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether an OLE directory entry of this name is in the file (names are stored as UTF-16LE). */
function hasStreamName(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, "utf16le"));
}

export async function extractWord(bytes: Uint8Array, flavour: WordFlavour): Promise<ExtractedParagraphs> {
  // word-extractor also reads DOCX (a ZIP); extract.ts sends those to the DOCX reader.
  if (bytes.length < 512 || !OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw refusal(flavour, "not a Word 97–2003 file (no OLE header)");
  }
  // An OLE file is also what Excel/PowerPoint 97 and password-protected DOCX are; say so
  // instead of passing on word-extractor's stack-level error.
  if (hasStreamName(bytes, "EncryptedPackage")) {
    throw new AppError("unprocessable", {
      en: `this .${flavour} file is a password-protected Word document — remove the password and save it as .docx`,
      zh: `此 .${flavour} 文件设置了密码，请取消密码后另存为 .docx`,
    });
  }
  if (!hasStreamName(bytes, "WordDocument")) {
    throw refusal(flavour, "no WordDocument stream found: another Office file, or cut short");
  }
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = doc.getBody({ filterUnicode: false });
  } catch (e) {
    throw refusal(flavour, e instanceof Error ? e.message : String(e));
  }
  return { paragraphs: body.split("\n"), encoding: "UTF-16LE", warnings: [] };
}
