import { auditEventInsert } from "../db/audit";
import { actorOf, codeEvent, type AuditBy } from "../audit/events";
import type { Db } from "../db/client";
import {
  findCodeById,
  inTransaction,
  insertCode,
  isUniqueViolation,
  listCodeSkeleton,
  maxSiblingSortOrder,
  projectExists,
} from "../db/codes";
import { AppError } from "../errors";
import { codeNotFound } from "./get-code";
import { toCodeRecord } from "./code-fields";
import { serializeKeywords } from "./keywords";
import { describeCode, findShortNameClash } from "./names";
import { parseInput } from "../parse-input";
import { CODE_TEXT_FIELDS, createCodeSchema, type CreateCodeInput } from "./schemas";
import type { CodeRecord } from "./types";

export function shortNameTaken(existing: { shortName: string; id: string }, labels?: { labelZh?: string; labelEn?: string }): AppError {
  const name = describeCode({ shortName: existing.shortName, ...labels });
  return new AppError(
    "conflict",
    { en: `A code named ${name} already exists in this project; choose another short name`, zh: `本项目已有名为 ${name} 的编码，请换一个简称` },
    { existingCodeId: existing.id, existingShortName: existing.shortName },
  );
}

/** Adds a code (at the end of its siblings). Short names are unique per project, ignoring case. */
export async function createCode(db: Db, input: CreateCodeInput, by: AuditBy = {}): Promise<CodeRecord> {
  const data = parseInput(createCodeSchema, input);
  const parentId = data.parentId ?? null;
  try {
    return await inTransaction(db, async (tx) => {
      if (!(await projectExists(tx, data.projectId))) {
        throw new AppError("not_found", { en: "Project not found", zh: "未找到该项目" }, { projectId: data.projectId });
      }
      const clash = findShortNameClash(await listCodeSkeleton(tx, data.projectId), data.shortName);
      if (clash) {
        const row = await findCodeById(tx, clash.id);
        throw shortNameTaken(clash, row ?? undefined);
      }
      if (parentId !== null) {
        const parent = await findCodeById(tx, parentId);
        if (!parent) throw codeNotFound(parentId);
        if (parent.projectId !== data.projectId) {
          throw new AppError(
            "invalid_input",
            { en: "The parent code belongs to another project", zh: "父编码属于其他项目" },
            { parentId },
          );
        }
      }
      const max = await maxSiblingSortOrder(tx, data.projectId, parentId);
      const row = await insertCode(tx, {
        projectId: data.projectId,
        parentId,
        shortName: data.shortName,
        ...Object.fromEntries(CODE_TEXT_FIELDS.map((f) => [f, data[f] ?? ""])),
        ...(data.color !== undefined ? { color: data.color } : {}),
        keywords: serializeKeywords(data.keywords ?? []),
        sortOrder: (max ?? -1) + 1,
      });
      await auditEventInsert(tx, codeEvent(actorOf(by), "created", row));
      return toCodeRecord(row);
    });
  } catch (e) {
    // Two writers racing past the check: the database's unique index decides.
    if (isUniqueViolation(e)) throw shortNameTaken({ shortName: data.shortName, id: "" });
    throw e;
  }
}
