import { auditEventInsert } from "../db/audit";
import { actorOf, codeGroupEvent, type AuditBy } from "../audit/events";
import type { Db } from "../db/client";
import { deleteCodeGroupRow, inTransaction } from "../db/codes";
import { requireCodeGroup } from "./get-code-group";
import { parseInput } from "../parse-input";
import { idSchema } from "./schemas";

/** Deletes a group and its memberships; its codes and their codings stay. */
export async function deleteCodeGroup(db: Db, groupId: string, by: AuditBy = {}): Promise<void> {
  const id = parseInput(idSchema, groupId);
  await inTransaction(db, async (tx) => {
    const group = await requireCodeGroup(tx, id);
    await deleteCodeGroupRow(tx, id);
    await auditEventInsert(tx, codeGroupEvent(actorOf(by), "deleted", group, { before: { name: group.name, labelZh: group.labelZh } }));
  });
}
