import { findCodeBrief, findCodingTargets, type CodeBriefRow, type DbClient } from "../db/codings";
import { AppError } from "../errors";
import { contextWindow } from "./validate-span";

export type CodingTargets = {
  documentId: string;
  projectId: string;
  charCount: number;
  /** The text from `windowStart` covering the span and its context (see contextWindow). */
  window: string;
  windowStart: number;
  code: CodeBriefRow;
  /** null when the coder's name is new (the caller creates the user). */
  coderId: string | null;
};

/**
 * The document (only the stretch of text around [start, end)), the code and the coder's
 * id in one query, refused when the document or code is missing or the code belongs to
 * another project (a coding never crosses projects).
 */
export async function loadCodingTargets(
  db: DbClient,
  q: { documentId: string; codeId: string; coder: string; start: number; end: number },
): Promise<CodingTargets> {
  const { windowStart, windowEnd } = contextWindow(q.start, q.end);
  const row = await findCodingTargets(db, {
    documentId: q.documentId,
    codeId: q.codeId,
    coderName: q.coder,
    windowStart,
    windowEnd,
  });
  if (!row) throw new AppError("not_found", { en: `document ${q.documentId} not found`, zh: "未找到该文档" });
  if (!row.code) throw codeNotFound(q.codeId);
  assertCodeInProject(row.code, row.projectId);
  return { ...row, code: row.code, windowStart };
}

/** The code, refused unless it belongs to `projectId` (a coding never crosses projects). */
export async function loadCodeOfProject(db: DbClient, codeId: string, projectId: string): Promise<CodeBriefRow> {
  const code = await findCodeBrief(db, codeId);
  if (!code) throw codeNotFound(codeId);
  assertCodeInProject(code, projectId);
  return code;
}

function codeNotFound(codeId: string): AppError {
  return new AppError("not_found", { en: `code ${codeId} not found`, zh: "未找到该代码" });
}

function assertCodeInProject(code: CodeBriefRow, projectId: string): void {
  if (code.projectId !== projectId) {
    throw new AppError(
      "invalid_input",
      { en: `code ${code.shortName} belongs to another project than the document`, zh: `代码“${code.shortName}”属于其他项目` },
    );
  }
}

export function duplicateCodingError(shortName: string, existingId: string): AppError {
  return new AppError(
    "conflict",
    { en: `this passage is already coded with ${shortName} by the same coder (coding ${existingId})`, zh: `该段落已由同一编码者用“${shortName}”编码` },
    { codingId: existingId },
  );
}
