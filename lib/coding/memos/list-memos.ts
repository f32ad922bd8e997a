import type { Db } from "../../db/client";
import { listMemoRows } from "../../db/memos";
import { parseInput } from "../../parse-input";
import { memoFilterSchema, type MemoFilter } from "../schemas";
import { toMemoView, type MemoView } from "./memo-view";

/** A project's memos, most recently edited first, optionally narrowed by kind and target. */
export async function listMemos(db: Db, projectId: string, filter: MemoFilter = {}): Promise<MemoView[]> {
  const f = parseInput(memoFilterSchema, filter);
  const rows = await listMemoRows(db, projectId, f);
  return rows.map(toMemoView);
}
