/**
 * RTF → paragraphs with rtf-stream-parser: its Tokenize splits the file into groups,
 * control words and text, and its ToPlainText tracks groups, destinations, fonts, the
 * \ansicpg / \fcharset code pages and the \ucN fallback skipping behind \uN. The bytes
 * of \'xx escapes (GBK in Chinese RTF: \ansicpg936, \fcharset134) are decoded with
 * iconv-lite; \uN is a signed 16-bit code unit, so a character outside the BMP comes as
 * two \u escapes (a surrogate pair) that the parser joins.
 *
 * What the library leaves to its caller is done here: dropping destinations that are
 * not body text (document info, headers and footers, pictures, footnotes, list
 * numbers, field instructions, shapes), reading the \info title, and turning table
 * cell/row, page and section breaks into paragraph breaks (\par and \line already are).
 */
import iconv from "iconv-lite";
import { Tokenize } from "rtf-stream-parser";
import type { FeatureHandler } from "rtf-stream-parser/dist/src/features/types";
import type { ProcessTokens } from "rtf-stream-parser/dist/src/ProcessTokens";
import type { ProcessTokensGlobalState } from "rtf-stream-parser/dist/src/ProcessTokens.types";
import { ToPlainText } from "rtf-stream-parser/dist/src/ToPlainText.js"; // with .js: the CLI bundle imports it as ESM
import type { Token } from "rtf-stream-parser/dist/src/tokenize";
import { AppError } from "../errors";
import type { ExtractedParagraphs } from "./canonical";

/** Destinations whose text is not part of the body. */
const SKIPPED_DESTINATIONS = [
  "info", // document properties; its \title is read separately
  "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
  "pict", "nonshppict", "object", "objdata", "shp", "shpinst", "shprslt",
  "footnote", "annotation", "atnid", "atnauthor",
  "listtext", "pntext", "pntxta", "pntxtb",
  "fldinst", "xe", "tc", "txe",
  "fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable", "revtbl", "rsidtbl", "generator",
];

/** Control symbols that end a paragraph besides \par and \line (which the library handles). */
const BREAKS = ["cell", "row", "nestcell", "nestrow", "page", "sect"];

type State = ProcessTokens & { _titleParts?: string[] };

function corrupt(reason: string, reasonZh = "无法解析"): AppError {
  return new AppError("unprocessable", { en: `corrupt RTF file: ${reason}`, zh: `RTF 文件已损坏：${reasonZh}` });
}

/** Drops non-body destinations and collects the \info title. */
const bodyOnly: FeatureHandler<State> = {
  outputDataFilter: (global, data) => {
    const dests = global._state.allDestinations ?? {};
    if (dests.info && global._state.destination === "title") {
      const font = global._getCurrentFont();
      (global._titleParts ??= []).push(global._getOutputAsString(data, font)[0]);
      return true;
    }
    return SKIPPED_DESTINATIONS.some((d) => dests[d]) ? true : undefined;
  },
  controlHandlers: Object.fromEntries(BREAKS.map((w) => [w, (global: State) => global._pushOutput("\n")])),
};

/** Double-byte ANSI code pages: Simplified and Traditional Chinese, Japanese, Korean. */
const DBCS_CODEPAGES = new Set([936, 950, 932, 949]);

class RtfBodyText extends ToPlainText {
  /** The code pages that non-ASCII bytes were decoded with, in order of first use. */
  readonly codepagesUsed = new Set<string>();

  constructor(warn: (msg: string) => void) {
    // The library names code pages "cp936", "cp1252" …, which iconv-lite knows.
    super({
      decode: (buf, enc) => {
        if (!buf.some((b) => b >= 0x80)) return iconv.decode(buf, enc);
        // Word marks Chinese runs with \dbch and an associated font, but the \f in force may
        // be a Western one; in a document whose code page is double-byte, bytes that read
        // cleanly in that code page are taken as such (a lone "café" byte does not).
        const doc = `cp${this._cpg}`;
        if (enc !== doc && DBCS_CODEPAGES.has(this._cpg)) {
          const asDoc = iconv.decode(buf, doc);
          if (!asDoc.includes("\ufffd")) {
            this.codepagesUsed.add(doc);
            return asDoc;
          }
        }
        this.codepagesUsed.add(enc);
        return iconv.decode(buf, enc);
      },
      warn,
    });
    this._featureHandlers.unshift(bodyOnly as FeatureHandler<ProcessTokensGlobalState>);
  }
}

export function extractRtf(bytes: Uint8Array): ExtractedParagraphs {
  const warnings: string[] = [];
  const tokenizer = new Tokenize();
  const converter = new RtfBodyText((msg) => warnings.push(msg));
  const chunks: string[] = [];
  // Driven synchronously, as the library's own deEncapsulateSync does: each stage's
  // push hands its output straight to the next.
  const fail = (e: unknown) => {
    if (e instanceof AppError) throw e; // raised in a later stage and passed back through the tokenizer
    if (e !== undefined && e !== null) throw corrupt(e instanceof Error ? e.message : String(e));
  };
  tokenizer.push = (token: Token) => {
    converter._transform(token, undefined, fail);
    return true;
  };
  converter.push = (piece: string) => {
    chunks.push(piece);
    return true;
  };
  tokenizer._transform(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), undefined, fail);
  tokenizer._flush(() => undefined);
  converter._flush(fail);
  // A cut-off file still yields text, but not all of it: refuse it as DOCX/PDF refuse theirs.
  if (warnings.includes("Not enough matching closing brackets")) {
    throw corrupt("the file ends inside an unclosed group (truncated?)", "文件在未闭合的编组中结束（可能不完整）");
  }
  const state = converter as unknown as State;
  const title = (state._titleParts ?? []).join("").replace(/\s+/g, " ").trim();
  return {
    paragraphs: chunks.join("").split(/\r\n|\n/),
    ...(title === "" ? {} : { title }),
    // The code page of the \'xx bytes when there were any (cp936 for GBK); text written only
    // as \uN escapes (LibreOffice, recent Word) is UTF-16 whatever \ansicpg says.
    encoding: [...converter.codepagesUsed].join(", ") || "UTF-16",
    warnings: [],
  };
}
