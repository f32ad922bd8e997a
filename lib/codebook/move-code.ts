import { auditEventInsert } from "../db/audit";
import { actorOf, codeEvent, type AuditBy } from "../audit/events";
import type { Db } from "../db/client";
import { findCodeById, inTransaction, listCodeSkeleton, listSiblings, setSortOrders, updateCodeRow } from "../db/codes";
import { AppError } from "../errors";
import { codeNotFound } from "./get-code";
import { toCodeRecord } from "./code-fields";
import { describeCode } from "./names";
import { parseInput } from "../parse-input";
import { moveCodeSchema, type MoveCodeInput } from "./schemas";
import { isSelfOrDescendant, renumber } from "./tree";
import type { CodeRecord } from "./types";

/**
 * Moves a code (with its whole subtree) under a new parent, or to the top level with
 * `newParentId: null`, at `position` among its new siblings (default: last). Siblings on both
 * sides are renumbered 0, 1, 2… Refuses a move under the code itself or its own descendant,
 * which would cut the subtree off the tree as a cycle.
 */
export async function moveCode(db: Db, input: MoveCodeInput, by: AuditBy = {}): Promise<CodeRecord> {
  const { codeId, newParentId, position } = parseInput(moveCodeSchema, input);
  return inTransaction(db, async (tx) => {
    const code = await findCodeById(tx, codeId);
    if (!code) throw codeNotFound(codeId);

    if (newParentId !== null) {
      const parent = await findCodeById(tx, newParentId);
      if (!parent) throw codeNotFound(newParentId);
      if (parent.projectId !== code.projectId) {
        throw new AppError("invalid_input", { en: "Cannot move a code into another project", zh: "不能将编码移动到其他项目" }, {
          codeId,
          newParentId,
        });
      }
      if (isSelfOrDescendant(await listCodeSkeleton(tx, code.projectId), code.id, parent.id)) {
        const where = parent.id === code.id ? "itself" : `its own sub-code ${describeCode(parent)}`;
        const whereZh = parent.id === code.id ? "其自身" : `其子编码 ${describeCode(parent)}`;
        throw new AppError(
          "invalid_input",
          { en: `Cannot move ${describeCode(code)} under ${where}`, zh: `不能将编码 ${describeCode(code)} 移动到${whereZh}之下` },
          { codeId, newParentId },
        );
      }
    }

    const oldParentId = code.parentId;
    const siblings = (await listSiblings(tx, code.projectId, newParentId)).filter((s) => s.id !== code.id);
    const at = Math.min(position ?? siblings.length, siblings.length);
    const ordered = [...siblings.slice(0, at), { id: code.id, sortOrder: Number.NaN }, ...siblings.slice(at)];

    await updateCodeRow(tx, code.id, { parentId: newParentId, sortOrder: at });
    await setSortOrders(tx, renumber(ordered).filter((u) => u.id !== code.id));
    if (oldParentId !== newParentId) {
      await setSortOrders(tx, renumber(await listSiblings(tx, code.projectId, oldParentId)));
    }

    const row = await findCodeById(tx, code.id);
    if (!row) throw codeNotFound(code.id);
    await auditEventInsert(
      tx,
      codeEvent(actorOf(by), "moved", row, { detail: { before: { parentId: oldParentId, sortOrder: code.sortOrder }, after: { parentId: newParentId, sortOrder: row.sortOrder } } }),
    );
    return toCodeRecord(row);
  });
}
