import type { Db } from "../../db/client";
import { insertMemo, listMemoRows, projectExists } from "../../db/memos";
import { findCodeLabels, findCodesBrief } from "../../db/codes";
import { findCodingBrief, inTransaction, type DbClient } from "../../db/codings";
import { findDocumentsBrief } from "../../db/documents";
import { auditEventInsert } from "../../db/audit";
import { memoEvent } from "../../audit/events";
import { AppError } from "../../errors";
import { ensureUser } from "../ensure-user";
import { parseInput } from "../../parse-input";
import { createMemoSchema, type CreateMemoInput, type MemoKind } from "../schemas";
import { toMemoView, type MemoView } from "./memo-view";
import { parseCellKey } from "./cell-key";
import { assertMemoHasContent, validateMemoLinks } from "./validate-memo";

/**
 * A matrix cell's codes must be codes of the project; a cell has one finding (edited, not
 * duplicated), so the printed matrix has one text per cell. Returns the default title
 * ("PLACE × COE · VERTICAL").
 */
async function checkCell(db: DbClient, projectId: string, cellKey: string): Promise<string> {
  const ref = parseCellKey(cellKey);
  const ids = [ref.row, ref.col, ...(ref.within ? [ref.within] : [])];
  const byId = new Map((await findCodeLabels(db, projectId, ids)).map((c) => [c.id, c]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing !== undefined) {
    throw new AppError("invalid_input", { en: `the matrix cell's code ${missing} is not a code of this project`, zh: "矩阵单元格的代码不属于本项目" });
  }
  if ((await listMemoRows(db, projectId, { kind: "matrix-cell", cellKey })).length > 0) {
    throw new AppError("conflict", {
      en: "this cell already has a finding; edit that one instead",
      zh: "该单元格已有发现，请编辑已有的那条",
    }, { cellKey });
  }
  const name = (id: string) => byId.get(id)!.shortName;
  return `${name(ref.row)} × ${name(ref.col)}${ref.within ? ` · ${name(ref.within)}` : ""}`;
}

const TARGET_OF: Record<MemoKind, "documentId" | "codeId" | "codingId" | null> = {
  project: null,
  document: "documentId",
  code: "codeId",
  coding: "codingId",
  "matrix-cell": null,
};

async function assertTargetInProject(
  db: DbClient,
  kind: MemoKind,
  id: string,
  projectId: string,
): Promise<void> {
  const found =
    kind === "document"
      ? (await findDocumentsBrief(db, [id]))[0]
      : kind === "code"
        ? (await findCodesBrief(db, [id]))[0]
        : await findCodingBrief(db, id);
  if (!found) throw new AppError("not_found", { en: `${kind} ${id} not found`, zh: "备忘录的对象不存在" });
  if (found.projectId !== projectId) {
    throw new AppError("invalid_input", { en: `the ${kind} belongs to another project`, zh: "备忘录的对象属于其他项目" });
  }
}

/**
 * Writes a memo about the project, a document, a code or a coding. Exactly the target
 * matching `kind` must be given (none for a project memo), inside the memo's project;
 * links ({codeId} or {documentId, start, end} in code points) are checked the same way.
 */
export async function createMemo(db: Db, input: CreateMemoInput): Promise<MemoView> {
  const data = parseInput(createMemoSchema, input);
  const target = TARGET_OF[data.kind];
  for (const field of ["documentId", "codeId", "codingId"] as const) {
    if (field !== target && data[field] !== undefined) {
      throw new AppError("invalid_input", { en: `a ${data.kind} memo takes no ${field}`, zh: `${data.kind} 类备忘录不能指定 ${field}` });
    }
  }
  if (target && data[target] === undefined) {
    throw new AppError("invalid_input", { en: `a ${data.kind} memo needs a ${target}`, zh: `${data.kind} 类备忘录必须指定 ${target}` });
  }
  if ((data.kind === "matrix-cell") !== (data.cellKey !== undefined)) {
    throw new AppError("invalid_input", {
      en: data.kind === "matrix-cell" ? "a matrix-cell memo needs a cellKey" : `a ${data.kind} memo takes no cellKey`,
      zh: data.kind === "matrix-cell" ? "矩阵单元格备忘录必须指定 cellKey" : `${data.kind} 类备忘录不能指定 cellKey`,
    });
  }
  let title = data.title ?? "";
  assertMemoHasContent(title, data.body);
  const links = data.links ?? [];

  return inTransaction(db, async (tx) => {
    if (!(await projectExists(tx, data.projectId))) {
      throw new AppError("not_found", { en: `project ${data.projectId} not found`, zh: "未找到该项目" });
    }
    if (target) await assertTargetInProject(tx, data.kind, data[target]!, data.projectId);
    if (data.cellKey !== undefined) {
      const cellTitle = await checkCell(tx, data.projectId, data.cellKey);
      if (title === "") title = cellTitle;
    }
    await validateMemoLinks(tx, data.projectId, links);
    const author = await ensureUser(tx, data.author);
    const row = await insertMemo(tx, {
      projectId: data.projectId,
      kind: data.kind,
      documentId: data.documentId ?? null,
      codeId: data.codeId ?? null,
      codingId: data.codingId ?? null,
      cellKey: data.cellKey ?? null,
      authorId: author.id,
      title,
      body: data.body,
      links: JSON.stringify(links),
    });
    const view = toMemoView(row);
    await auditEventInsert(tx, memoEvent(data.author, "created", view));
    return view;
  });
}
