import { insertAuditEvents } from "../db/audit";
import { actorOf, codeEvent, type AuditBy } from "../audit/events";
import type { Db } from "../db/client";
import {
  deleteCodesByIds,
  deleteMembershipsOfCodes,
  findCodeById,
  findCodesByIds,
  inTransaction,
  listCodeSkeleton,
  listSiblings,
  setSortOrders,
} from "../db/codes";
import { countCodingsPerCode, deleteCodingsOfCodes } from "../db/codings";
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
export async function deleteCode(db: Db, codeId: string, options: DeleteCodeOptions, by: AuditBy = {}): Promise<DeleteCodeResult> {
  parseInput(deleteCodeSchema, options);
  return inTransaction(db, async (tx) => {
    const code = await findCodeById(tx, codeId);
    if (!code) throw codeNotFound(codeId);
    const levels = bottomUpLevels(await listCodeSkeleton(tx, code.projectId), code.id);
    const ids = levels.flat();
    // One event per deleted code (sub-codes too), each saying how many codings went with it.
    const doomed = await findCodesByIds(tx, ids);
    const lost = await countCodingsPerCode(tx, ids);

    const deletedMemos = await deleteMemosOfCodes(tx, ids);
    const deletedCodings = await deleteCodingsOfCodes(tx, ids);
    await deleteDecisionsOfCodes(tx, ids);
    await deleteMembershipsOfCodes(tx, ids);
    let deletedCodes = 0;
    for (const level of levels) deletedCodes += await deleteCodesByIds(tx, level);

    await setSortOrders(tx, renumber(await listSiblings(tx, code.projectId, code.parentId)));
    await insertAuditEvents(
      tx,
      doomed.map((c) => codeEvent(actorOf(by), "deleted", c, { detail: { codings: lost.get(c.id) ?? 0, ...(c.id === code.id ? {} : { withParent: code.id }) } })),
    );
    return { deletedCodes, deletedCodings, deletedMemos };
  });
}
