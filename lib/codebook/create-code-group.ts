import { auditEventInsert } from "../db/audit";
import { actorOf, codeGroupEvent, type AuditBy } from "../audit/events";
import type { Db } from "../db/client";
import { inTransaction, insertCodeGroup, isUniqueViolation, listCodeGroupsWithMembers, projectExists } from "../db/codes";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { createCodeGroupSchema, type CreateCodeGroupInput } from "./schemas";
import type { CodeGroupInfo } from "./types";

function groupNameTaken(name: string, id: string): AppError {
  return new AppError(
    "conflict",
    { en: `A code group named “${name}” already exists in this project`, zh: `本项目已有名为“${name}”的编码组` },
    { existingGroupId: id },
  );
}

/** A named set of codes (e.g. "3-CO", "Mismatches"); names are unique per project, ignoring case. */
export async function createCodeGroup(db: Db, input: CreateCodeGroupInput, by: AuditBy = {}): Promise<CodeGroupInfo> {
  const data = parseInput(createCodeGroupSchema, input);
  try {
    return await inTransaction(db, async (tx) => {
      if (!(await projectExists(tx, data.projectId))) {
        throw new AppError("not_found", { en: "Project not found", zh: "未找到该项目" }, { projectId: data.projectId });
      }
      const key = data.name.toLowerCase();
      const clash = (await listCodeGroupsWithMembers(tx, data.projectId)).find((g) => g.name.toLowerCase() === key);
      if (clash) throw groupNameTaken(clash.name, clash.id);
      const g = await insertCodeGroup(tx, { projectId: data.projectId, name: data.name, labelZh: data.labelZh ?? "" });
      await auditEventInsert(tx, codeGroupEvent(actorOf(by), "created", g, { after: { name: g.name, labelZh: g.labelZh } }));
      return { id: g.id, projectId: g.projectId, name: g.name, labelZh: g.labelZh, codeIds: [] };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw groupNameTaken(data.name, "");
    throw e;
  }
}
