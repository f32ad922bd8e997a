import { findDocumentTexts } from "../db/documents";
import {
  findUnitsByIds,
  insertCodings,
  listCoderSpans,
  type CodeBriefRow,
  type CodingView,
  type DbClient,
  type NewCodingRow,
  type UnitWithProjectRow,
} from "../db/codings";
import type { UserRow } from "../db/users";
import { insertAuditEvents } from "../db/audit";
import { codingCreated, codingSnapshot } from "../audit/events";
import { AppError } from "../errors";
import { OffsetMap } from "../text/offsets";
import { quoteSelector } from "./validate-span";

/** Loads units by id, refusing missing ones and units outside `projectId`. */
export async function loadUnitsOfProject(
  db: DbClient,
  unitIds: string[],
  projectId: string,
): Promise<UnitWithProjectRow[]> {
  const ids = [...new Set(unitIds)];
  const units = await findUnitsByIds(db, ids);
  if (units.length !== ids.length) {
    const found = new Set(units.map((u) => u.id));
    const missing = ids.filter((id) => !found.has(id));
    throw new AppError(
      "not_found",
      { en: `${missing.length} sentence(s) not found: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}`, zh: `未找到 ${missing.length} 个句子` },
      { missing },
    );
  }
  const foreign = units.filter((u) => u.document.projectId !== projectId);
  if (foreign.length > 0) {
    throw new AppError(
      "invalid_input",
      { en: `${foreign.length} sentence(s) belong to another project than the code`, zh: `${foreign.length} 个句子属于其他项目` },
      { unitIds: foreign.map((u) => u.id) },
    );
  }
  // Keep the caller's order (first occurrence) for predictable results.
  const byId = new Map(units.map((u) => [u.id, u]));
  return ids.map((id) => byId.get(id)!);
}

/**
 * Codes each unit's whole span with `code` for `coder`, skipping units this coder has
 * already coded with this code on exactly that span. Run it inside a transaction (the
 * codings and their audit events are written together).
 */
export async function codeWholeUnits(
  db: DbClient,
  units: UnitWithProjectRow[],
  code: CodeBriefRow,
  coder: UserRow,
): Promise<{ created: CodingView[]; skipped: string[] }> {
  if (units.length === 0) return { created: [], skipped: [] };
  const docIds = [...new Set(units.map((u) => u.documentId))];
  const [texts, existing] = await Promise.all([
    findDocumentTexts(db, docIds),
    listCoderSpans(db, code.id, coder.id, docIds),
  ]);
  const maps = new Map(texts.map((t) => [t.id, new OffsetMap(t.plainText)]));
  const taken = new Set(existing.map((c) => `${c.documentId}:${c.start}:${c.end}`));
  const rows: NewCodingRow[] = [];
  const skipped: string[] = [];
  for (const u of units) {
    const key = `${u.documentId}:${u.start}:${u.end}`;
    if (taken.has(key)) {
      skipped.push(u.id);
      continue;
    }
    taken.add(key);
    rows.push({
      projectId: code.projectId,
      documentId: u.documentId,
      codeId: code.id,
      coderId: coder.id,
      start: u.start,
      end: u.end,
      ...quoteSelector(maps.get(u.documentId)!, u.start, u.end),
      comment: "",
    });
  }
  const created = await insertCodings(db, rows);
  await insertAuditEvents(db, created.map((c) => codingCreated(coder.name, c, codingSnapshot(c))));
  return { created, skipped };
}
