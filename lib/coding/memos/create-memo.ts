import type { Db } from "../../db/client";
import { insertMemo, projectExists } from "../../db/memos";
import { findCodesBrief } from "../../db/codes";
import { findCodingBrief, inTransaction, type DbClient } from "../../db/codings";
import { findDocumentsBrief } from "../../db/documents";
import { AppError } from "../../errors";
import { ensureUser } from "../ensure-user";
import { parseInput } from "../../parse-input";
import { createMemoSchema, type CreateMemoInput, type MemoKind } from "../schemas";
import { toMemoView, type MemoView } from "./memo-view";
import { assertMemoHasContent, validateMemoLinks } from "./validate-memo";

const TARGET_OF: Record<MemoKind, "documentId" | "codeId" | "codingId" | null> = {
  project: null,
  document: "documentId",
  code: "codeId",
  coding: "codingId",
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
  const title = data.title ?? "";
  assertMemoHasContent(title, data.body);
  const links = data.links ?? [];

  return inTransaction(db, async (tx) => {
    if (!(await projectExists(tx, data.projectId))) {
      throw new AppError("not_found", { en: `project ${data.projectId} not found`, zh: "未找到该项目" });
    }
    if (target) await assertTargetInProject(tx, data.kind, data[target]!, data.projectId);
    await validateMemoLinks(tx, data.projectId, links);
    const author = await ensureUser(tx, data.author);
    const row = await insertMemo(tx, {
      projectId: data.projectId,
      kind: data.kind,
      documentId: data.documentId ?? null,
      codeId: data.codeId ?? null,
      codingId: data.codingId ?? null,
      authorId: author.id,
      title,
      body: data.body,
      links: JSON.stringify(links),
    });
    return toMemoView(row);
  });
}
