import type { Db } from "../../db/client";
import { inTransaction } from "../../db/codings";
import { findMemo, updateMemoIfVersion, type MemoPatchRow } from "../../db/memos";
import { auditEventInsert } from "../../db/audit";
import { memoEvent } from "../../audit/events";
import { AppError } from "../../errors";
import { parseInput } from "../../parse-input";
import { memoPatchSchema, type MemoPatch } from "../schemas";
import { toMemoView, type MemoView } from "./memo-view";
import { assertMemoHasContent, validateMemoLinks } from "./validate-memo";

export function staleMemoError(memoId: string): AppError {
  return new AppError(
    "conflict",
    { en: "this memo was changed by someone else since you loaded it; reload it and try again", zh: "该备忘录已被他人修改，请刷新后重试" },
    { memoId },
  );
}

/** Edits a memo's title, body or links as seen at `version`; a stale version is refused. */
export async function updateMemo(
  db: Db,
  opts: { id: string; version: number; patch: MemoPatch; /** Who edits, for the audit log (default: the memo's author). */ actor?: string },
): Promise<MemoView> {
  const { id: memoId, version: expectedVersion } = opts;
  const p = parseInput(memoPatchSchema, opts.patch);
  return inTransaction(db, async (tx) => {
    const memo = await findMemo(tx, memoId);
    if (!memo) throw new AppError("not_found", { en: `memo ${memoId} not found`, zh: "未找到该备忘录" });
    if (memo.version !== expectedVersion) throw staleMemoError(memoId);
    assertMemoHasContent(p.title ?? memo.title, p.body ?? memo.body);
    const data: MemoPatchRow = {};
    if (p.title !== undefined) data.title = p.title;
    if (p.body !== undefined) data.body = p.body;
    if (p.links !== undefined) {
      await validateMemoLinks(tx, memo.projectId, p.links);
      data.links = JSON.stringify(p.links);
    }
    if ((await updateMemoIfVersion(tx, memoId, expectedVersion, data)) === 0) throw staleMemoError(memoId);
    const view = toMemoView((await findMemo(tx, memoId))!);
    await auditEventInsert(tx, memoEvent(opts.actor ?? memo.author.name, "changed", view, toMemoView(memo)));
    return view;
  });
}
