import type { Locale } from "../i18n/locale";
import type { ImportedDocument } from "./import-document";

/**
 * An imported document as one reader sees it: the import keeps its warnings in both
 * languages, and the edge that answers (the upload route, the CLI) picks the reader's.
 */
export type ImportReport = Omit<ImportedDocument, "warnings"> & { warnings: string[] };

export function importReport(doc: ImportedDocument, locale: Locale): ImportReport {
  return { ...doc, warnings: doc.warnings.map((w) => w[locale]) };
}
