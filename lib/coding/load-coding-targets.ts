import {
  findCodeBrief,
  findDocumentText,
  type CodeBriefRow,
  type DbClient,
  type DocumentTextRow,
} from "../db/codings";
import { AppError } from "../errors";

export async function loadDocument(db: DbClient, documentId: string): Promise<DocumentTextRow> {
  const doc = await findDocumentText(db, documentId);
  if (!doc) throw new AppError("not_found", `document ${documentId} not found / 未找到该文档`);
  return doc;
}

/** The code, refused unless it belongs to `projectId` (a coding never crosses projects). */
export async function loadCodeOfProject(db: DbClient, codeId: string, projectId: string): Promise<CodeBriefRow> {
  const code = await findCodeBrief(db, codeId);
  if (!code) throw new AppError("not_found", `code ${codeId} not found / 未找到该代码`);
  if (code.projectId !== projectId) {
    throw new AppError(
      "invalid_input",
      `code ${code.shortName} belongs to another project than the document / 代码“${code.shortName}”属于其他项目`,
    );
  }
  return code;
}

export function duplicateCodingError(shortName: string, existingId: string): AppError {
  return new AppError(
    "conflict",
    `this passage is already coded with ${shortName} by the same coder (coding ${existingId}) / 该段落已由同一编码者用“${shortName}”编码`,
    { codingId: existingId },
  );
}
