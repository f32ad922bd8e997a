import type { Db } from "../../db/client";
import { inTransaction } from "../../db/codings";
import { deleteMemoIfVersion, findMemo } from "../../db/memos";
import { AppError } from "../../errors";
import { toMemoView, type MemoView } from "./memo-view";
import { staleMemoError } from "./update-memo";

/** Deletes a memo (only at `expectedVersion` when given) and returns what it was. */
export async function deleteMemo(db: Db, memoId: string, expectedVersion?: number): Promise<MemoView> {
  return inTransaction(db, async (tx) => {
    const memo = await findMemo(tx, memoId);
    if (!memo) throw new AppError("not_found", { en: `memo ${memoId} not found`, zh: "未找到该备忘录" });
    if (expectedVersion !== undefined && memo.version !== expectedVersion) throw staleMemoError(memoId);
    if ((await deleteMemoIfVersion(tx, memoId, expectedVersion)) === 0) throw staleMemoError(memoId);
    return toMemoView(memo);
  });
}
