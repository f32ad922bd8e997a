import { auditEventInsert } from "../db/audit";
import { actorOf, codeEvent, type AuditBy } from "../audit/events";
import type { Db } from "../db/client";
import {
  clearPinnedNumber,
  findCodeById,
  inTransaction,
  isUniqueViolation,
  listCodeSkeleton,
  updateCodeAtVersion,
  type CodeRow,
} from "../db/codes";
import { AppError } from "../errors";
import { shortNameTaken } from "./create-code";
import { codeNotFound } from "./get-code";
import { toCodeRecord } from "./code-fields";
import { serializeKeywords } from "./keywords";
import { describeCode, findShortNameClash } from "./names";
import { parseInput } from "../parse-input";
import { codePatchSchema, versionSchema, type CodePatch } from "./schemas";
import type { CodeRecord } from "./types";

export function staleCode(code: Pick<CodeRow, "shortName" | "labelZh" | "labelEn" | "id" | "version">): AppError {
  const name = describeCode(code);
  return new AppError(
    "conflict",
    { en: `Code ${name} was changed by someone else; reload it and apply your edit again`, zh: `编码 ${name} 已被他人修改，请刷新后重新编辑` },
    { codeId: code.id, currentVersion: code.version },
  );
}

/**
 * Edits a code's names, labels, definition, criteria, colour, keywords or pin, only if it is
 * still at `expectedVersion` (the version the editor loaded); bumps the version. Pinning a
 * number (1–9) takes it away from whichever code had it, so a shortcut is never ambiguous.
 * Structure (parent, order) is changed by moveCode and is not versioned: a drag in the tree
 * must not invalidate an open definition editor.
 */
export async function updateCode(db: Db, codeId: string, expectedVersion: number, patch: CodePatch, by: AuditBy = {}): Promise<CodeRecord> {
  const version = parseInput(versionSchema, expectedVersion);
  const p = parseInput(codePatchSchema, patch);
  if (Object.values(p).every((v) => v === undefined)) {
    throw new AppError("invalid_input", { en: "Nothing to change", zh: "没有需要修改的内容" });
  }
  try {
    return await inTransaction(db, async (tx) => {
      const code = await findCodeById(tx, codeId);
      if (!code) throw codeNotFound(codeId);
      if (code.version !== version) throw staleCode(code);

      if (p.shortName !== undefined && p.shortName !== code.shortName) {
        const clash = findShortNameClash(await listCodeSkeleton(tx, code.projectId), p.shortName, code.id);
        if (clash) throw shortNameTaken(clash, (await findCodeById(tx, clash.id)) ?? undefined);
      }
      if (p.pinned != null) await clearPinnedNumber(tx, code.projectId, p.pinned, code.id);

      const { keywords, ...rest } = p;
      const written = await updateCodeAtVersion(tx, code.id, version, {
        ...rest,
        ...(keywords !== undefined ? { keywords: serializeKeywords(keywords) } : {}),
      });
      if (written === 0) {
        const now = await findCodeById(tx, codeId);
        throw now ? staleCode(now) : codeNotFound(codeId);
      }
      const row = await findCodeById(tx, codeId);
      if (!row) throw codeNotFound(codeId);
      await auditEventInsert(tx, codeEvent(actorOf(by), "changed", row, { before: code }));
      return toCodeRecord(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw shortNameTaken({ shortName: p.shortName ?? "", id: "" });
    throw e;
  }
}
