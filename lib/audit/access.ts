import { AppError } from "../errors";

/**
 * Whose events a reader of the audit log may see. Owners see everyone's; a coder sees only
 * their own (the log shows other coders' quotes and would undo a blind round, and a coder
 * has no need to supervise others). Returns the user filter to apply: undefined = everyone.
 */
export function auditUserScope(reader: { name: string; seesEveryone: boolean }, requested: string | undefined): string | undefined {
  if (reader.seesEveryone) return requested;
  if (requested !== undefined && requested !== reader.name) {
    throw new AppError("forbidden", {
      en: `a coder sees only their own changes in the audit log, not ${requested}'s`,
      zh: `编码员在审计日志中只能查看自己的修改，不能查看 ${requested} 的`,
    });
  }
  return reader.name;
}
