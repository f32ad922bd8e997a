import type { BlindScope } from "../db/rounds";
import { z } from "zod";
import type { Db } from "../db/client";
import {
  deleteDocumentById,
  documentExists,
  selectDocumentSummaries,
  selectDocumentSummary,
  findDocumentText,
  selectDocumentUnits,
  selectFacets,
  updateDocumentIfVersion,
  type DocumentSortField,
  type DocumentSummary,
} from "../db/documents";
import { AppError } from "../errors";
import { documentMetadataPatchSchema, type DocumentMetadataPatch } from "./metadata";

export type { DocumentSummary, DocumentSortField };

const SORT_FIELDS = [
  "title",
  "region",
  "province",
  "city",
  "year",
  "docType",
  "level",
  "charCount",
  "createdAt",
] as const satisfies readonly DocumentSortField[];

/** Query of the document list: filters by any metadata, sort by any column. */
export const documentListQuerySchema = z.object({
  region: z.string().optional(),
  province: z.string().optional(),
  city: z.string().optional(),
  year: z.coerce.number().int().optional(),
  docType: z.string().optional(),
  level: z.string().optional(),
  q: z.string().optional(),
  sort: z.enum(SORT_FIELDS).default("year"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type DocumentListQuery = z.input<typeof documentListQuerySchema>;

/** The project's documents with their counts; `blind` leaves out codings an open blind round hides. */
export async function listDocuments(db: Db, projectId: string, query: DocumentListQuery = {}, blind: BlindScope = null) {
  const { sort, dir, ...filter } = documentListQuerySchema.parse(query);
  return selectDocumentSummaries(db, projectId, { filter, sort, dir, blind });
}

export async function documentFacets(db: Db, projectId: string) {
  return selectFacets(db, projectId);
}

/** A document's metadata and counts without its text: what the reader's header shows. */
export async function getDocumentSummary(db: Db, id: string): Promise<DocumentSummary> {
  const summary = await selectDocumentSummary(db, id);
  if (!summary) throw new AppError("not_found", { en: `no document with id ${id}`, zh: "文档不存在" });
  return summary;
}

export async function getDocument(db: Db, id: string): Promise<DocumentSummary & { plainText: string }> {
  const [summary, text] = await Promise.all([selectDocumentSummary(db, id), findDocumentText(db, id)]);
  if (!summary || !text) throw new AppError("not_found", { en: `no document with id ${id}`, zh: "文档不存在" });
  return { ...summary, plainText: text.plainText };
}

/** Paragraph and sentence units of a document, offsets in code points. */
export async function getDocumentUnits(db: Db, id: string) {
  const units = await selectDocumentUnits(db, id);
  if (units.length === 0 && !(await documentExists(db, id))) {
    throw new AppError("not_found", { en: `no document with id ${id}`, zh: "文档不存在" });
  }
  return {
    paragraphs: units
      .filter((u) => u.kind === "paragraph")
      .map(({ ordinal, start, end }) => ({ ordinal, start, end })),
    sentences: units
      .filter((u) => u.kind === "sentence")
      .map(({ id: unitId, ordinal, paragraph, start, end }) => ({ id: unitId, ordinal, paragraph, start, end })),
  };
}

/**
 * Edits metadata if the document is still at the version the editor saw; a stale
 * version is refused (never silently overwritten).
 */
export async function updateDocumentMetadata(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: DocumentMetadataPatch,
): Promise<DocumentSummary> {
  const data = documentMetadataPatchSchema.parse(patch);
  const ok = await updateDocumentIfVersion(db, id, expectedVersion, data);
  if (!ok) {
    if (!(await documentExists(db, id))) throw new AppError("not_found", { en: `no document with id ${id}`, zh: "文档不存在" });
    throw new AppError(
      "conflict",
      { en: "this document's metadata was changed by someone else since you opened it — reload and edit again", zh: "元数据已被他人修改，请刷新后重试" },
    );
  }
  const summary = await selectDocumentSummary(db, id);
  if (!summary) throw new AppError("not_found", { en: `no document with id ${id}`, zh: "文档不存在" });
  return summary;
}

export async function deleteDocument(db: Db, id: string) {
  if (!(await documentExists(db, id))) throw new AppError("not_found", { en: `no document with id ${id}`, zh: "文档不存在" });
  await deleteDocumentById(db, id);
}
