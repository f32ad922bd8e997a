import { stringify } from "csv-stringify/sync";
import type { AuditEventView } from "./list-audit-events";

/** UTF-8 with a byte-order mark like the other CSV downloads, so Excel reads the Chinese. */
const BOM = "\uFEFF";

export const AUDIT_CSV_HEADER = ["at", "user", "kind", "entity", "entity_id", "action", "document_id", "code_id", "detail"] as const;

/** One row per event; `detail` is the event's JSON as stored. */
export function auditCsv(events: AuditEventView[]): string {
  return (
    BOM +
    stringify([
      [...AUDIT_CSV_HEADER],
      ...events.map((e) => [e.at, e.user, e.kind, e.entity, e.entityId, e.action, e.documentId ?? "", e.codeId ?? "", JSON.stringify(e.detail)]),
    ])
  );
}
