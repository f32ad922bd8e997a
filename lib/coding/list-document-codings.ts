import type { Db } from "../db/client";
import { documentCodingsFingerprint, findDocumentProject, listCodingViewsForDocument, type CodingView } from "../db/codings";
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

/**
 * A document's codings for a reader that already holds the state `since` names: unchanged
 * (nothing to send), or the whole list with its new fingerprint. Lets open readers see what
 * other coders do within a poll interval without sending every list every time.
 */
export async function documentCodingsSince(
  db: Db,
  documentId: string,
  since: string | undefined,
): Promise<{ fingerprint: string; unchanged: true } | { fingerprint: string; unchanged: false; codings: CodingView[] }> {
  const fingerprint = await documentCodingsFingerprint(db, documentId);
  if (since === fingerprint) return { fingerprint, unchanged: true };
  return { fingerprint, unchanged: false, codings: await listDocumentCodings(db, documentId) };
}
