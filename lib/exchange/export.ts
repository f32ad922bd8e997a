/**
 * One entry point for every export format, shared by the CLI and the web route: load the
 * snapshot once, then produce the file as text chunks (CSV, matrix: streamed row by row) or
 * bytes (XLSX, JSON, QDPX, QDC), with its content type and a file name.
 */
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { buildProjectJson } from "./json";
import { buildQdc, buildQdpx, type PositionUnit } from "./refi";
import { loadSnapshot, type ExportFilters } from "./snapshot";
import { codingRows, CODING_COLUMNS, csvChunks, matrixColumns, matrixRows } from "./tabular";
import { buildXlsx } from "./xlsx";

import { EXPORT_FORMATS, type ExportFormat } from "./formats";

export { EXPORT_FORMATS, type ExportFormat };

export type ExportRequest = { projectId: string; format: ExportFormat; filters?: ExportFilters; positions?: PositionUnit };

export type ExportFile = {
  contentType: string;
  fileName: string;
  /** Text chunks (UTF-8 when written) or the file's bytes. */
  body: Iterable<string> | Uint8Array;
};

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  matrix: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  qdpx: "application/zip",
  qdc: "application/xml; charset=utf-8",
};

const EXTENSIONS: Record<ExportFormat, string> = { csv: "codings.csv", matrix: "matrix.csv", xlsx: "xlsx", json: "json", qdpx: "qdpx", qdc: "qdc" };

/** A file name from the project name: path separators and control characters removed. */
export function exportFileName(projectName: string, format: ExportFormat): string {
  const base = projectName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_").trim() || "project";
  return `${base}.${EXTENSIONS[format]}`;
}

export function isExportFormat(v: string): v is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(v);
}

export async function exportProject(db: Db, req: ExportRequest): Promise<ExportFile> {
  if (!isExportFormat(req.format)) {
    throw new AppError("invalid_input", { en: `unknown export format ${String(req.format)}; use ${EXPORT_FORMATS.join(", ")}`, zh: `未知的导出格式 ${String(req.format)}；可用：${EXPORT_FORMATS.join("、")}` });
  }
  const needsUnits = req.format === "csv" || req.format === "matrix" || req.format === "xlsx";
  const s = await loadSnapshot(db, req.projectId, req.filters ?? {}, needsUnits);
  const head = { contentType: CONTENT_TYPES[req.format], fileName: exportFileName(s.project.name, req.format) };
  switch (req.format) {
    case "csv":
      return { ...head, body: csvChunks(CODING_COLUMNS, codingRows(s)) };
    case "matrix":
      return { ...head, body: csvChunks(matrixColumns(s), matrixRows(s)) };
    case "xlsx":
      return { ...head, body: await buildXlsx(s) };
    case "json":
      return { ...head, body: new TextEncoder().encode(JSON.stringify(await buildProjectJson(db, s), null, 2)) };
    case "qdpx":
      return { ...head, body: buildQdpx(s, { positions: req.positions }) };
    case "qdc":
      if (s.codes.length === 0) throw new AppError("invalid_input", { en: "the codebook is empty: nothing to export as .qdc", zh: "代码本为空，无法导出 .qdc" });
      return { ...head, body: new TextEncoder().encode(buildQdc(s)) };
  }
}

/** The whole file as bytes (tests, small exports). */
export function exportBytes(file: ExportFile): Uint8Array {
  if (file.body instanceof Uint8Array) return file.body;
  return new TextEncoder().encode([...file.body].join(""));
}
