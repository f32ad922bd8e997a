/**
 * The export formats, apart from the exporters themselves: the CLI lists them in its help
 * without loading the XLSX and XML writers (which add most of a second to every call).
 */
export const EXPORT_FORMATS = ["csv", "xlsx", "json", "qdpx", "qdc", "matrix"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
