import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client";
import { AppError, isAppError } from "../errors";
import type { Bilingual } from "../i18n/locale";
import { combined } from "../i18n/text";
import { SUPPORTED_EXTENSIONS } from "../text/extract";
import { importDocument, type ImportedDocument } from "./import-document";
import type { DocumentMetadataPatch } from "./metadata";

/** What the importer reads, as the upload page's accept list and the CLI's folder walk use it. */
export const IMPORTABLE_EXTENSIONS = SUPPORTED_EXTENSIONS.map((e) => `.${e}`);

/** `error` is the combined "English / 中文" reason; `text` holds it per language. */
export type ImportFailure = { file: string; error: string; text: Bilingual };
export type BatchResult = { imported: ImportedDocument[]; failed: ImportFailure[]; skipped: string[] };

/**
 * Expands the CLI's arguments: files are taken as given (an unsupported one then
 * fails with its reason); folders are walked recursively for importable files,
 * and other files found there are listed as skipped.
 */
export async function collectFiles(paths: string[]): Promise<{ files: string[]; skipped: string[]; missing: string[] }> {
  const files: string[] = [];
  const skipped: string[] = [];
  const missing: string[] = [];
  async function walk(dir: string) {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) {
        if (IMPORTABLE_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) files.push(full);
        else skipped.push(full);
      }
    }
  }
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) missing.push(p);
    else if (stat.isDirectory()) await walk(p);
    else files.push(p);
  }
  return { files, skipped, missing };
}

function failureReason(e: unknown): Bilingual {
  if (isAppError(e)) return e.text;
  // Unexpected errors are logged in full but reported without driver internals.
  console.error(e);
  return { en: `could not import: unexpected error (${e instanceof Error ? e.name : "unknown"})`, zh: "导入失败" };
}

/**
 * Imports many files, each in its own transaction: a failure is reported with its
 * reason and the batch goes on with the other files.
 */
export async function importFiles(
  db: Db,
  options: {
    projectId: string;
    files: { fileName: string; read: () => Promise<Uint8Array> }[];
    metadata?: DocumentMetadataPatch;
    encoding?: string;
    maxBytes?: number;
    onResult?: (file: string, result: ImportedDocument | ImportFailure) => void;
  },
): Promise<BatchResult> {
  const result: BatchResult = { imported: [], failed: [], skipped: [] };
  for (const f of options.files) {
    try {
      const bytes = await f.read();
      const doc = await importDocument(db, {
        projectId: options.projectId,
        fileName: f.fileName,
        bytes,
        metadata: options.metadata,
        encoding: options.encoding,
        maxBytes: options.maxBytes,
      });
      result.imported.push(doc);
      options.onResult?.(f.fileName, doc);
    } catch (e) {
      const text = failureReason(e);
      const failure = { file: f.fileName, error: combined(text), text };
      result.failed.push(failure);
      options.onResult?.(f.fileName, failure);
    }
  }
  return result;
}

/** Reads a file from disk for a batch, turning file-system errors into reasons. */
export function fileReader(file: string): () => Promise<Uint8Array> {
  return async () => {
    try {
      return new Uint8Array(await fs.readFile(file));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new AppError("invalid_input", { en: `cannot read file (${code ?? "error"})`, zh: "无法读取文件" });
    }
  };
}
