/** Public API of the audit log: who changed which coding, code, memo or period, when and how. */
export { listAuditLog, listWholeAuditLog, type AuditEventView, type AuditPage } from "./list-audit-events";
export { auditUserScope } from "./access";
export { auditCsv, AUDIT_CSV_HEADER } from "./csv";
export { auditFilterSchema, AUDIT_KINDS, type AuditFilter, type AuditFilterInput } from "./schemas";
export { changedFields, isEmptyChange } from "./diff";
