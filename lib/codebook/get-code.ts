import type { Db } from "../db/client";
import { findCodeById } from "../db/codes";
import { AppError } from "../errors";
import { toCodeRecord } from "./code-fields";
import type { CodeRecord } from "./types";

export function codeNotFound(codeId: string): AppError {
  return new AppError("not_found", { en: "Code not found; it may have been deleted or merged", zh: "未找到该编码，可能已被删除或合并" }, {
    codeId,
  });
}

/** One code by id; not_found when it does not exist. */
export async function getCode(db: Db, codeId: string): Promise<CodeRecord> {
  const row = await findCodeById(db, codeId);
  if (!row) throw codeNotFound(codeId);
  return toCodeRecord(row);
}
