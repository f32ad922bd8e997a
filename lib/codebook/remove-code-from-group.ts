import { auditEventInsert } from "../db/audit";
import { actorOf, codeGroupEvent, type AuditBy } from "../audit/events";
import type { Db } from "../db/client";
import { deleteMembership, inTransaction } from "../db/codes";
import { requireCodeGroup } from "./get-code-group";
import { parseInput } from "../parse-input";
import { idSchema } from "./schemas";

/** Takes a code out of a group (the code itself stays). `removed` is false if it was not a member. */
export async function removeCodeFromGroup(db: Db, groupId: string, codeId: string, by: AuditBy = {}): Promise<{ removed: boolean }> {
  const gid = parseInput(idSchema, groupId);
  const cid = parseInput(idSchema, codeId);
  return inTransaction(db, async (tx) => {
    const group = await requireCodeGroup(tx, gid);
    const removed = await deleteMembership(tx, group.id, cid);
    if (removed > 0) await auditEventInsert(tx, codeGroupEvent(actorOf(by), "changed", group, { removed: [cid] }, cid));
    return { removed: removed > 0 };
  });
}
