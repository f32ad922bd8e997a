import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { findDocumentBySha, insertDocumentWithUnits, type NewUnitRow } from "../db/documents";
import { isForeignKeyViolation, isUniqueViolation } from "../db/shared";
import { AppError } from "../errors";
import type { Bilingual } from "../i18n/locale";
import { extractDocument } from "../text/extract";
import { cpLength } from "../text/offsets";
import { splitSentences } from "../text/sentences";
import { tokensField } from "../text/tokens";
import { tokenizeSentences } from "../text/unit-tokens";
import { resolveMetadata, type DocumentMetadataPatch } from "./metadata";

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The size limit: JUNCTURE_MAX_FILE_MB if set, else 50 MB. */
export function maxFileBytes(): number {
  const mb = Number(process.env.JUNCTURE_MAX_FILE_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : DEFAULT_MAX_FILE_BYTES;
}

export type ImportDocumentInput = {
  projectId: string;
  fileName: string;
  bytes: Uint8Array;
  /** Metadata given by the user; overrides what is inferred from the file name. */
  metadata?: DocumentMetadataPatch;
  /** Forces a text encoding (TXT/HTML), e.g. "gb18030". */
  encoding?: string;
  maxBytes?: number;
};

export type ImportedDocument = {
  id: string;
  title: string;
  file: string;
  chars: number;
  paragraphs: number;
  sentences: number;
  encoding: string;
  year: number | null;
  region: string;
  /** Non-fatal notes in both languages; `importReport` gives them in one. */
  warnings: Bilingual[];
};

function formatSize(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Imports one file into a project: checks size and duplicates, extracts the
 * canonical text, splits paragraphs and sentences, segments each sentence with
 * jieba, and stores the document with all its units in one transaction.
 * Every refusal is an AppError whose message says what was wrong.
 */
export async function importDocument(db: Db, input: ImportDocumentInput): Promise<ImportedDocument> {
  const { projectId, fileName, bytes } = input;
  const limit = input.maxBytes ?? maxFileBytes();
  if (bytes.byteLength > limit) {
    throw new AppError(
      "too_large",
      { en: `file is ${formatSize(bytes.byteLength)}, over the ${formatSize(limit)} limit`, zh: "文件超过大小限制" },
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const existing = await findDocumentBySha(db, projectId, sha256);
  if (existing) {
    throw new AppError(
      "conflict",
      { en: `this file is already in the project as “${existing.title}” (${existing.originalFilename}, id ${existing.id})`, zh: "该文件已导入" },
      { existingId: existing.id },
    );
  }

  const extracted = await extractDocument(bytes, fileName, { encoding: input.encoding });
  const sentences = splitSentences(extracted.text, extracted.paragraphs);
  const tokens = tokenizeSentences(extracted.text, sentences);

  const units: NewUnitRow[] = [
    ...extracted.paragraphs.map((p, i) => ({
      kind: "paragraph" as const,
      ordinal: i,
      paragraph: i,
      start: p.start,
      end: p.end,
      tokens: "",
    })),
    ...sentences.map((s, i) => ({
      kind: "sentence" as const,
      ordinal: i,
      paragraph: s.paragraph,
      start: s.start,
      end: s.end,
      tokens: tokensField(tokens[i] ?? []), // one token list per sentence, by construction
    })),
  ];

  const given: DocumentMetadataPatch = { ...input.metadata };
  const metadata = resolveMetadata(fileName, {
    ...(extracted.title && !given.title ? { title: extracted.title } : {}),
    ...given,
  });
  const charCount = cpLength(extracted.text);

  let created: { id: string };
  try {
    created = await insertDocumentWithUnits(
      db,
      {
        projectId,
        ...metadata,
        originalFilename: fileName.replace(/^.*[\\/]/, ""),
        format: extracted.format,
        encoding: extracted.encoding,
        sha256,
        plainText: extracted.text,
        charCount,
      },
      units,
    );
  } catch (e) {
    // Two imports of the same file racing each other: the unique index decides.
    if (isUniqueViolation(e)) throw new AppError("conflict", { en: "this file is already in the project", zh: "该文件已导入" });
    if (isForeignKeyViolation(e)) {
      throw new AppError("not_found", { en: `no project with id ${projectId}`, zh: "项目不存在" });
    }
    throw e;
  }

  return {
    id: created.id,
    title: metadata.title,
    file: fileName,
    chars: charCount,
    paragraphs: extracted.paragraphs.length,
    sentences: sentences.length,
    encoding: extracted.encoding,
    year: metadata.year,
    region: metadata.region,
    warnings: extracted.warnings,
  };
}
