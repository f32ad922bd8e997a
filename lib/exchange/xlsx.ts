/**
 * The XLSX workbook: a codings sheet with the CSV's columns, and sheets for documents,
 * codebook and memos. exceljs keeps strings as shared strings in UTF-8, so Chinese and
 * characters outside the BMP survive; numbers stay numbers.
 */
import ExcelJS from "exceljs";
import { codingRows, CODING_COLUMNS, METADATA_COLUMNS, type Cell } from "./tabular";
import { METADATA_FIELDS, type ExportSnapshot } from "./snapshot";

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: Iterable<Cell[]>) {
  const ws = wb.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const r of rows) ws.addRow(r);
}

export async function buildXlsx(s: ExportSnapshot): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Juncture";
  // Fixed dates keep repeated exports of an unchanged project identical.
  wb.created = s.project.createdAt;
  wb.modified = s.project.updatedAt;
  sheet(wb, "codings", CODING_COLUMNS, codingRows(s));
  sheet(
    wb,
    "documents",
    ["document_id", "title", ...METADATA_COLUMNS, "characters", "sha256"],
    s.documents.map((d) => [d.id, d.title, ...METADATA_FIELDS.map((f) => d[f] ?? ""), d.charCount, d.sha256]),
  );
  sheet(
    wb,
    "codebook",
    ["code_id", "code", "code_path", "parent_id", "label_zh", "label_en", "definition", "inclusion", "exclusion", "example", "color", "groups"],
    s.codes.map((c) => [
      c.id,
      c.shortName,
      s.codePath(c.id),
      c.parentId ?? "",
      c.labelZh,
      c.labelEn,
      c.definition,
      c.inclusion,
      c.exclusion,
      c.example,
      c.color,
      s.groups.filter((g) => g.members.some((m) => m.codeId === c.id)).map((g) => g.name).join("; "),
    ]),
  );
  sheet(
    wb,
    "memos",
    ["memo_id", "kind", "title", "body", "author", "document_id", "code", "coding_id", "created_at"],
    s.memos.map((m) => [m.id, m.kind, m.title, m.body, m.author.name, m.documentId ?? "", m.codeId ? (s.codeById.get(m.codeId)?.shortName ?? "") : "", m.codingId ?? "", m.createdAt.toISOString()]),
  );
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
