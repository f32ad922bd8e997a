import type { Db } from "../db/client";
import { findIdenticalCoding, insertCodingAudited, isUniqueViolation, type CodingView } from "../db/codings";
import { codingCreated, codingSnapshot } from "../audit/events";
import { upsertUserByName } from "../db/users";
import { duplicateCodingError, loadCodingTargets } from "./load-coding-targets";
import { parseInput } from "../parse-input";
import { createCodingSchema, type CreateCodingInput } from "./schemas";
import { assertExpectedQuote, checkSpanShape, validateSpanInWindow } from "./validate-span";

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
  checkSpanShape(data.start, data.end);
  // Coding is the hottest write path, so it costs two round trips in the usual case:
  // one read of the document's span (not its whole text), code and coder, then the
  // insert with its audit event (one batch transaction). No interactive transaction: the read
  // only validates, and the unique index on (document, code, coder, start, end) decides
  // between two racing identical codings.
  const t = await loadCodingTargets(db, { ...data, coder: data.coder });
  const selector = validateSpanInWindow({ ...t, cpCount: t.charCount, start: data.start, end: data.end });
  assertExpectedQuote(selector.quote, opts.expectQuote);
  // A coder's first coding creates the user (names were trimmed by the schema).
  const coderId = t.coderId ?? (await upsertUserByName(db, data.coder)).id;
  const key = { documentId: t.documentId, codeId: t.code.id, start: data.start, end: data.end, coderId };
  try {
    const row = { projectId: t.projectId, ...key, ...selector, comment: data.comment ?? "" };
    // The coder is the one who codes (the web passes the signed-in user as coder).
    const snap = codingSnapshot({ ...row, shortName: t.code.shortName, coder: data.coder });
    return await insertCodingAudited(db, row, { code: t.code, coder: data.coder }, (id) =>
      codingCreated(data.coder, { id, ...row }, snap),
    );
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const same = await findIdenticalCoding(db, key);
    throw duplicateCodingError(t.code.shortName, same?.id ?? "?");
  }
}
