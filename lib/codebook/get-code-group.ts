import { findCodeGroupById, type CodeGroupRow, type DbClient } from "../db/codes";
import { AppError } from "../errors";

export async function requireCodeGroup(db: DbClient, groupId: string): Promise<CodeGroupRow> {
  const g = await findCodeGroupById(db, groupId);
  if (!g) throw new AppError("not_found", { en: "Code group not found", zh: "未找到该编码组" }, { groupId });
  return g;
}
