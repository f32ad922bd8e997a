import type { Db } from "../db/client";
import { deleteMembership } from "../db/codes";
import { requireCodeGroup } from "./get-code-group";
import { parseInput } from "../parse-input";
import { idSchema } from "./schemas";

/** Takes a code out of a group (the code itself stays). `removed` is false if it was not a member. */
export async function removeCodeFromGroup(db: Db, groupId: string, codeId: string): Promise<{ removed: boolean }> {
  const group = await requireCodeGroup(db, parseInput(idSchema, groupId));
  const removed = await deleteMembership(db, group.id, parseInput(idSchema, codeId));
  return { removed: removed > 0 };
}
