import type { Db } from "../db/client";
import {
  deleteCodesByIds,
  deleteMembershipsOfCodes,
  findCodeById,
  inTransaction,
  listCodeSkeleton,
  listSiblings,
  setSortOrders,
} from "../db/codes";
import { deleteCodingsOfCodes } from "../db/codings";
import { deleteDecisionsOfCodes } from "../db/suggestion-decisions";
import { deleteMemosOfCodes } from "../db/memos";
import { codeNotFound } from "./get-code";
import { parseInput } from "../parse-input";
import { deleteCodeSchema, type DeleteCodeOptions } from "./schemas";
import { bottomUpLevels, renumber } from "./tree";

export type DeleteCodeResult = { deletedCodes: number; deletedCodings: number; deletedMemos: number };

/**
 * Deletes a code, all its descendants and everything attached to them (codings, memos,
 * suggestion decisions, group memberships) in one transaction. Requires `{ confirm: true }`:
 * call describeCodeDeletion first and show the researcher what will go. Rows are removed
 * explicitly and codes bottom-up, so the result (and the counts reported) never depend on which
 * cascades a given database enforces.
 */
export async function deleteCode(db: Db, codeId: string, options: DeleteCodeOptions): Promise<DeleteCodeResult> {
  parseInput(deleteCodeSchema, options);
  return inTransaction(db, async (tx) => {
    const code = await findCodeById(tx, codeId);
    if (!code) throw codeNotFound(codeId);
    const levels = bottomUpLevels(await listCodeSkeleton(tx, code.projectId), code.id);
    const ids = levels.flat();

    const deletedMemos = await deleteMemosOfCodes(tx, ids);
    const deletedCodings = await deleteCodingsOfCodes(tx, ids);
    await deleteDecisionsOfCodes(tx, ids);
    await deleteMembershipsOfCodes(tx, ids);
    let deletedCodes = 0;
    for (const level of levels) deletedCodes += await deleteCodesByIds(tx, level);

    await setSortOrders(tx, renumber(await listSiblings(tx, code.projectId, code.parentId)));
    return { deletedCodes, deletedCodings, deletedMemos };
  });
}
