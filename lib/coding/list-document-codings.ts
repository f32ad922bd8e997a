import type { Db } from "../db/client";
import { documentCodingsFingerprint, findDocumentProject, listCodingViewsForDocument, type CodingView } from "../db/codings";
import { AppError } from "../errors";

/**
 * Every coding of a document in text order, with code display fields and coder name; only
 * `onlyCoderId`'s while the reader is a coder of a blind round on it (see rounds.ts).
 */
export async function listDocumentCodings(db: Db, documentId: string, onlyCoderId?: string): Promise<CodingView[]> {
  const [doc, codings] = await Promise.all([
    findDocumentProject(db, documentId),
    listCodingViewsForDocument(db, documentId, onlyCoderId),
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
  onlyCoderId?: string,
): Promise<{ fingerprint: string; unchanged: true } | { fingerprint: string; unchanged: false; codings: CodingView[] }> {
  const fingerprint = await documentCodingsFingerprint(db, documentId, onlyCoderId);
  if (since === fingerprint) return { fingerprint, unchanged: true };
  return { fingerprint, unchanged: false, codings: await listDocumentCodings(db, documentId, onlyCoderId) };
}
