import { auditEventInsert } from "../db/audit";
import { actorOf, codeGroupEvent, type AuditBy } from "../audit/events";
import type { Db } from "../db/client";
import { findCodesByIds, inTransaction, insertMemberships, listMembershipsOfGroup } from "../db/codes";
import { AppError } from "../errors";
import { requireCodeGroup } from "./get-code-group";
import { parseInput } from "../parse-input";
import { codeIdsSchema, idSchema } from "./schemas";

/** Adds codes to a group; codes already in it are left alone. Returns how many were added. */
export async function addCodesToGroup(db: Db, groupId: string, codeIds: string[], by: AuditBy = {}): Promise<{ added: number }> {
  const gid = parseInput(idSchema, groupId);
  const ids = [...new Set(parseInput(codeIdsSchema, codeIds))];
  return inTransaction(db, async (tx) => {
    const group = await requireCodeGroup(tx, gid);
    const codes = await findCodesByIds(tx, ids);
    const missing = ids.filter((id) => !codes.some((c) => c.id === id));
    if (missing.length > 0) {
      throw new AppError("not_found", { en: `${missing.length} code(s) not found`, zh: `有 ${missing.length} 个编码不存在` }, { missing });
    }
    const foreign = codes.filter((c) => c.projectId !== group.projectId);
    if (foreign.length > 0) {
      throw new AppError("invalid_input", { en: "Codes of another project cannot join this group", zh: "其他项目的编码不能加入该编码组" }, {
        codeIds: foreign.map((c) => c.id),
      });
    }
    const already = new Set((await listMembershipsOfGroup(tx, group.id)).map((m) => m.codeId));
    const adding = ids.filter((id) => !already.has(id));
    const added = await insertMemberships(
      tx,
      adding.map((codeId) => ({ groupId: group.id, codeId })),
    );
    if (adding.length > 0) await auditEventInsert(tx, codeGroupEvent(actorOf(by), "changed", group, { added: adding }, adding.length === 1 ? adding[0] : undefined));
    return { added };
  });
}
