import { z } from "zod";
import { zodText } from "../i18n/text";

export const AUDIT_KINDS = ["coding", "codebook", "memo", "period"] as const;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const isoTime = (endOfDay = false) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((s) => !Number.isNaN(Date.parse(s)), zodText("not a date or time (ISO 8601, e.g. 2026-12-01 or 2026-12-01T08:00:00Z)", "不是有效的日期或时间（ISO 8601，例如 2026-12-01）"))
    .transform((s) => (endOfDay && DATE_ONLY.test(s) ? new Date(Date.parse(s) + DAY_MS - 1) : new Date(s)));

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

/** Filters of the audit log, shared by the route (query string), the page and the CLI. */
export const auditFilterSchema = z
  .object({
    user: optionalText,
    document: optionalText,
    code: optionalText,
    // An empty select on the page means "any kind".
    kind: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(AUDIT_KINDS, { error: zodText(`kind must be one of ${AUDIT_KINDS.join(", ")}`, `类型须为 ${AUDIT_KINDS.join("、")} 之一`) }).optional(),
    ),
    from: isoTime().optional(),
    // A date alone as the end means the whole of that day (UTC), as a date picker means it.
    to: isoTime(true).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(1000).default(50),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: zodText("from must not be after to", "起始时间不能晚于截止时间"), path: ["from"] });

/** As typed on a command line or in a query string: every filter as text, checked by the schema. */
export type AuditFilterInput = Partial<Record<keyof z.input<typeof auditFilterSchema>, string | number | undefined>>;
export type AuditFilter = z.output<typeof auditFilterSchema>;
