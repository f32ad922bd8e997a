import type { Db } from "../db/client";
import { findIdenticalCoding, inTransaction, insertCoding, type CodingView } from "../db/codings";
import { OffsetMap } from "../text/offsets";
import { ensureUser } from "./ensure-user";
import { duplicateCodingError, loadCodeOfProject, loadDocument } from "./load-coding-targets";
import { parseInput } from "./parse-input";
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
  return inTransaction(db, async (tx) => {
    const doc = await loadDocument(tx, data.documentId);
    const code = await loadCodeOfProject(tx, data.codeId, doc.projectId);
    const selector = validateSpan(new OffsetMap(doc.plainText), data.start, data.end);
    assertExpectedQuote(selector.quote, opts.expectQuote);
    const coder = await ensureUser(tx, data.coder);
    const same = await findIdenticalCoding(tx, {
      documentId: doc.id,
      codeId: code.id,
      start: data.start,
      end: data.end,
      coderId: coder.id,
    });
    if (same) throw duplicateCodingError(code.shortName, same.id);
    return insertCoding(tx, {
      projectId: doc.projectId,
      documentId: doc.id,
      codeId: code.id,
      coderId: coder.id,
      start: data.start,
      end: data.end,
      ...selector,
      comment: data.comment ?? "",
    });
  });
}
