import type { Db } from "../db/client";
import { deleteCodingAtVersion, findCodingView, inTransaction, type CodingView } from "../db/codings";
import { auditEventInsert } from "../db/audit";
import { codingDeleted, codingSnapshot } from "../audit/events";
import { AppError } from "../errors";
import { assertMayChangeCoding, staleCodingError, type CodingEditor } from "./update-coding";

/**
 * Deletes a coding as seen at `version` and returns what it was, so the UI can undo by
 * calling createCoding with the same document, code, span, coder and comment. The delete is
 * conditional on the version in one statement, so an edit made since is never lost silently.
 * Memos attached to the coding are deleted with it (cascade).
 */
export async function deleteCoding(
  db: Db,
  opts: { id: string; version: number; by?: CodingEditor; /** The audit log's user when `by` is not given; else the coder. */ actor?: string },
): Promise<CodingView> {
  const { id, version } = opts;
  return inTransaction(db, async (tx) => {
    const view = await findCodingView(tx, id);
    if (!view) throw new AppError("not_found", { en: `coding ${id} not found (already deleted?)`, zh: "未找到该编码（可能已被删除）" });
    assertMayChangeCoding(view.coder, opts.by);
    if ((await deleteCodingAtVersion(tx, { id, version })) === 0) throw staleCodingError(id);
    await auditEventInsert(tx, codingDeleted(opts.by?.name ?? opts.actor ?? view.coder, view, codingSnapshot(view)));
    return view;
  });
}
