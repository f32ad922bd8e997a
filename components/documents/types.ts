import type { DocumentSummary } from "@/lib/corpus";

/** The document list's URL query: filters and sort, all optional strings. */
export type DocumentQuery = {
  region?: string;
  province?: string;
  city?: string;
  year?: string;
  docType?: string;
  level?: string;
  q?: string;
  sort?: string;
  dir?: string;
};

export const DOCUMENT_QUERY_KEYS = [
  "region",
  "province",
  "city",
  "year",
  "docType",
  "level",
  "q",
  "sort",
  "dir",
] as const satisfies readonly (keyof DocumentQuery)[];

export type Facets = {
  regions: string[];
  provinces: string[];
  cities: string[];
  years: number[];
  docTypes: string[];
  levels: string[];
};

/** A document row as the client receives it (dates may arrive as strings from JSON). */
export type DocumentRow = Omit<DocumentSummary, "createdAt" | "updatedAt"> & {
  createdAt: Date | string;
  updatedAt: Date | string;
};

/** The import result of one file (POST /api/projects/:id/documents → { document }). */
export type { ImportReport as ImportResult } from "@/lib/corpus";
