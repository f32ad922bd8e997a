import type { Db } from "../db/client";
import { findDocumentProject, listCodingViewsForDocument, type CodingView } from "../db/codings";
import { AppError } from "../errors";

/** Every coding of a document in text order, with code display fields and coder name. */
export async function listDocumentCodings(db: Db, documentId: string): Promise<CodingView[]> {
  const [doc, codings] = await Promise.all([
    findDocumentProject(db, documentId),
    listCodingViewsForDocument(db, documentId),
  ]);
  if (!doc) throw new AppError("not_found", { en: `document ${documentId} not found`, zh: "未找到该文档" });
  return codings;
}
