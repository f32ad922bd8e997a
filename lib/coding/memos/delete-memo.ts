import type { Db } from "../../db/client";
import { inTransaction } from "../../db/shared";
import { deleteMemoAtVersion, findMemo } from "../../db/memos";
import { auditEventInsert } from "../../db/audit";
import { memoEvent } from "../../audit/events";
import { AppError } from "../../errors";
import { toMemoView, type MemoView } from "./memo-view";
import { staleMemoError } from "./update-memo";

/**
 * Deletes a memo as seen at `version` and returns what it was. The delete is conditional on
 * the version in one statement: a memo edited since is refused (409), never deleted.
 */
export async function deleteMemo(
  db: Db,
  opts: { id: string; version: number; /** Who deletes, for the audit log (default: the memo's author). */ actor?: string },
): Promise<MemoView> {
  const { id, version } = opts;
  return inTransaction(db, async (tx) => {
    const memo = await findMemo(tx, id);
    if (!memo) throw new AppError("not_found", { en: `memo ${id} not found`, zh: "未找到该备忘录" });
    if ((await deleteMemoAtVersion(tx, { id, version })) === 0) throw staleMemoError(id);
    const view = toMemoView(memo);
    await auditEventInsert(tx, memoEvent(opts.actor ?? view.author, "deleted", view));
    return view;
  });
}
