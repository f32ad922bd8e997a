import type { Db } from "../db/client";
import { deleteCodingIfVersion, findCodingView, inTransaction, type CodingView } from "../db/codings";
import { AppError } from "../errors";
import { staleCodingError } from "./update-coding";

/**
 * Deletes a coding (only at `expectedVersion` when given) and returns what it was, so the
 * UI can undo by calling createCoding with the same document, code, span, coder and comment.
 * Memos attached to the coding are deleted with it (cascade).
 */
export async function deleteCoding(db: Db, codingId: string, expectedVersion?: number): Promise<CodingView> {
  return inTransaction(db, async (tx) => {
    const view = await findCodingView(tx, codingId);
    if (!view) throw new AppError("not_found", { en: `coding ${codingId} not found (already deleted?)`, zh: "未找到该编码（可能已被删除）" });
    if (expectedVersion !== undefined && view.version !== expectedVersion) throw staleCodingError(codingId);
    const n = await deleteCodingIfVersion(tx, codingId, expectedVersion);
    if (n === 0) throw staleCodingError(codingId);
    return view;
  });
}
