import type { Command } from "commander";
import { auditCsv, listAuditLog, listWholeAuditLog, type AuditEventView } from "../audit";
import { listDocuments } from "../corpus/documents";
import { getProjectByName } from "../corpus/projects";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locale";
import { openDb } from "./db";
import { CLI_MESSAGES } from "./messages";
import { emit } from "./output";

const AUDIT_MESSAGES = {
  en: {
    description: "the audit log: who changed which coding, code, memo or period, and when (newest first)",
    user: "only this user's changes",
    document: "only changes concerning this document (id or exact title)",
    code: "only changes concerning this code (short name or id)",
    kind: "only this kind: coding, codebook, memo or period",
    since: "only changes at or after this time (ISO 8601, e.g. 2026-12-01 or 2026-12-01T08:00:00Z)",
    until: "only changes at or before this time (ISO 8601)",
    limit: "at most this many events (default: 50 as text, all with --json or --csv)",
    csv: "print CSV (UTF-8 with BOM, as the web download)",
    unknownDocument: (ref: string) => `no document with this id or title: ${ref}`,
    none: "no changes recorded",
    more: (shown: number, total: number) => `… ${total - shown} older (use --limit or --json)`,
  },
  zh: {
    description: "审计日志：谁在何时修改了哪个编码、代码、备忘录或分期（最新在前）",
    user: "只看该用户的修改",
    document: "只看与该文档有关的修改（ID 或完整标题）",
    code: "只看与该代码有关的修改（简称或 ID）",
    kind: "只看此类：coding、codebook、memo 或 period",
    since: "只看此时间及之后的修改（ISO 8601，例如 2026-12-01 或 2026-12-01T08:00:00Z）",
    until: "只看此时间及之前的修改（ISO 8601）",
    limit: "最多显示多少条（文本默认 50 条；--json 或 --csv 时全部）",
    csv: "输出 CSV（UTF-8 带 BOM，与网页下载相同）",
    unknownDocument: (ref: string) => `没有此 ID 或标题的文档：${ref}`,
    none: "没有记录的修改",
    more: (shown: number, total: number) => `…… 另有 ${total - shown} 条更早的记录（使用 --limit 或 --json）`,
  },
};

/** One line per event: time, user, action, what, and the coding's code and span when there is one. */
function line(e: AuditEventView): string {
  const after = (e.detail.after ?? e.detail.before) as Record<string, unknown> | null | undefined;
  const what =
    e.entity === "coding" && after
      ? ` ${String(after.code ?? "")} [${String(after.start ?? "")},${String(after.end ?? "")}) «${String(after.quote ?? "")}»`
      : e.entity === "code" && after
        ? ` ${String(after.shortName ?? "")}`
        : "";
  return `${e.at}  ${e.user || "?"}  ${e.action} ${e.entity} ${e.entityId}${what}`;
}

type AuditFlags = { project: string; user?: string; document?: string; code?: string; kind?: string; since?: string; until?: string; limit?: string; csv?: boolean; json?: boolean };

export function registerAuditCommands(program: Command, locale: Locale) {
  const m = AUDIT_MESSAGES[locale];
  const common = CLI_MESSAGES[locale];
  program
    .command("audit")
    .description(m.description)
    .requiredOption("--project <name>", common.project)
    .option("--user <name>", m.user)
    .option("--document <ref>", m.document)
    .option("--code <code>", m.code)
    .option("--kind <kind>", m.kind)
    .option("--since <time>", m.since)
    .option("--until <time>", m.until)
    .option("--limit <n>", m.limit)
    .option("--csv", m.csv)
    .option("--json", common.json)
    .action(async (o: AuditFlags) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      let document: string | undefined;
      if (o.document !== undefined) {
        const docs = await listDocuments(db, project.id);
        document = docs.find((d) => d.id === o.document)?.id ?? docs.find((d) => d.title === o.document)?.id;
        if (!document) throw new AppError("not_found", { en: AUDIT_MESSAGES.en.unknownDocument(o.document), zh: AUDIT_MESSAGES.zh.unknownDocument(o.document) });
      }
      const filter = { user: o.user, document, code: o.code, kind: o.kind, from: o.since, to: o.until };
      const whole = o.csv || o.json;
      const limit = o.limit ?? (whole ? undefined : "50");
      const page = limit === undefined ? null : await listAuditLog(db, project.id, { ...filter, page: 1, pageSize: limit });
      const events = page ? page.events : await listWholeAuditLog(db, project.id, filter);
      const total = page ? page.total : events.length;
      if (o.csv) {
        process.stdout.write(auditCsv(events));
        return;
      }
      emit(!!o.json, { total, events }, () => {
        if (events.length === 0) return m.none;
        const lines = events.map(line);
        if (total > events.length) lines.push(m.more(events.length, total));
        return lines.join("\n");
      });
    });
}
