import type { Db } from "../db/client";
import { findIdenticalCoding, insertCoding, isUniqueViolation, type CodingView } from "../db/codings";
import { OffsetMap } from "../text/offsets";
import { ensureUser } from "./ensure-user";
import { duplicateCodingError, loadCodeOfProject, loadDocument } from "./load-coding-targets";
import { parseInput } from "../parse-input";
import { createCodingSchema, type CreateCodingInput } from "./schemas";
import { assertExpectedQuote, validateSpan } from "./validate-span";

export type CreateCodingOptions = {
  /** The text the client selected; refused with a conflict when the document differs there. */
  expectQuote?: string;
};

/**
 * Codes the span [start, end) (code points over Document.plainText) of a document with a
 * code, storing the quote and up to 20 code points of prefix/suffix so the reader can
 * re-anchor it. The same coder coding the same span with the same code twice is refused;
 * a different coder may (that is what inter-coder agreement compares).
 */
export async function createCoding(
  db: Db,
  input: CreateCodingInput,
  opts: CreateCodingOptions = {},
): Promise<CodingView> {
  const data = parseInput(createCodingSchema, input);
  // No interactive transaction: the reads below only validate, and the unique index
  // on (document, code, coder, start, end) decides between two racing identical
  // codings. Coding is the hottest write path, so every round trip counts.
  const doc = await loadDocument(db, data.documentId);
  const [code, coder] = await Promise.all([loadCodeOfProject(db, data.codeId, doc.projectId), ensureUser(db, data.coder)]);
  const selector = validateSpan(new OffsetMap(doc.plainText), data.start, data.end);
  assertExpectedQuote(selector.quote, opts.expectQuote);
  const key = { documentId: doc.id, codeId: code.id, start: data.start, end: data.end, coderId: coder.id };
  try {
    return await insertCoding(db, { projectId: doc.projectId, ...key, ...selector, comment: data.comment ?? "" });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const same = await findIdenticalCoding(db, key);
    throw duplicateCodingError(code.shortName, same?.id ?? "?");
  }
}
