/** Plain text (.txt, .text, .md): decode, then one line = one paragraph. */
import { paragraphsFromPlainText, type ExtractedParagraphs } from "./canonical";
import { decodeText, type DecodeOptions } from "./decode";

export function extractPlain(bytes: Uint8Array, opts: DecodeOptions = {}): ExtractedParagraphs {
  const decoded = decodeText(bytes, opts);
  return {
    paragraphs: paragraphsFromPlainText(decoded.text),
    encoding: decoded.encoding,
    warnings: decoded.warnings,
  };
}
