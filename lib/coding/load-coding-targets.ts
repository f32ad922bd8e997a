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
  if (!doc) throw new AppError("not_found", { en: `document ${documentId} not found`, zh: "未找到该文档" });
  return doc;
}

/** The code, refused unless it belongs to `projectId` (a coding never crosses projects). */
export async function loadCodeOfProject(db: DbClient, codeId: string, projectId: string): Promise<CodeBriefRow> {
  const code = await findCodeBrief(db, codeId);
  if (!code) throw new AppError("not_found", { en: `code ${codeId} not found`, zh: "未找到该代码" });
  if (code.projectId !== projectId) {
    throw new AppError(
      "invalid_input",
      { en: `code ${code.shortName} belongs to another project than the document`, zh: `代码“${code.shortName}”属于其他项目` },
    );
  }
  return code;
}

export function duplicateCodingError(shortName: string, existingId: string): AppError {
  return new AppError(
    "conflict",
    { en: `this passage is already coded with ${shortName} by the same coder (coding ${existingId})`, zh: `该段落已由同一编码者用“${shortName}”编码` },
    { codingId: existingId },
  );
}
