/**
 * zod schemas of the periods context (stages, junctures, evidence), shared by the routes,
 * the CLI and the domain functions. Dates are a year with an optional month.
 */
import { z } from "zod";
import { zodText } from "../i18n/text";

export const SCOPE_FIELDS = ["region", "province", "city"] as const;
export type ScopeField = (typeof SCOPE_FIELDS)[number];

export const JUNCTURE_TYPES = ["plan-approved", "designation", "reform", "flagship-project", "leadership-change", "other"] as const;
export type JunctureType = (typeof JUNCTURE_TYPES)[number];

export const EVIDENCE_KINDS = ["coding", "document", "memo", "passage"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const year = z
  .number({ error: zodText("a year is required", "缺少年份") })
  .int(zodText("a year is a whole number", "年份必须是整数"))
  .min(1900, zodText("a year from 1900 to 2100", "年份须在 1900–2100 之间"))
  .max(2100, zodText("a year from 1900 to 2100", "年份须在 1900–2100 之间"));
const month = z
  .number()
  .int(zodText("a month is a whole number from 1 to 12", "月份须为 1–12 的整数"))
  .min(1, zodText("a month is a whole number from 1 to 12", "月份须为 1–12 的整数"))
  .max(12, zodText("a month is a whole number from 1 to 12", "月份须为 1–12 的整数"));

export const periodDateSchema = z.object({ year, month: month.nullish() });

export const scopeSchema = z.object({
  field: z.enum(SCOPE_FIELDS, { error: zodText(`the grouping is one of ${SCOPE_FIELDS.join(", ")}`, `分组须为 ${SCOPE_FIELDS.join("、")} 之一`) }),
  value: z
    .string({ error: zodText("the grouping needs a value (e.g. BTH)", "缺少分组取值（如 BTH）") })
    .trim()
    .min(1, zodText("the grouping needs a value (e.g. BTH)", "缺少分组取值（如 BTH）"))
    .max(100),
});
export type Scope = z.output<typeof scopeSchema>;

const name = z.string().trim().max(200, zodText("a name has at most 200 characters", "名称最多 200 个字符"));
const strategies = z
  .array(z.string().trim().min(1).max(1000), { error: zodText("strategies are a list of texts", "关键战略须为文本列表") })
  .max(50, zodText("at most 50 strategies per stage", "每个阶段最多 50 条关键战略"));

const named = <T extends { nameZh?: string; nameEn?: string }>(v: T) => !!(v.nameZh?.trim() || v.nameEn?.trim());
const titled = <T extends { titleZh?: string; titleEn?: string }>(v: T) => !!(v.titleZh?.trim() || v.titleEn?.trim());
const needsName = { message: zodText("a stage needs a name (中文 or English)", "阶段需要名称（中文或英文）") };
const needsTitle = { message: zodText("a juncture needs a title (中文 or English)", "关键节点需要标题（中文或英文）") };

const stageShape = {
  nameZh: name,
  nameEn: name,
  start: periodDateSchema,
  end: periodDateSchema.nullish(),
  strategies,
};
export const stageInputSchema = z
  .object({ ...stageShape, nameZh: name.default(""), nameEn: name.default(""), strategies: strategies.default([]) })
  .refine(named, needsName);
export type StageInput = z.input<typeof stageInputSchema>;
/** A change to some fields; absent fields keep their value (no defaults here). */
export const stagePatchSchema = z.object(stageShape).partial();
export type StagePatch = z.input<typeof stagePatchSchema>;

const junctureType = z.enum(JUNCTURE_TYPES, { error: zodText(`the type is one of ${JUNCTURE_TYPES.join(", ")}`, `类型须为 ${JUNCTURE_TYPES.join("、")} 之一`) });
const description = z.string().max(10000, zodText("a description has at most 10000 characters", "描述最多 10000 个字符"));
const junctureShape = { date: periodDateSchema, titleZh: name, titleEn: name, type: junctureType, description };
export const junctureInputSchema = z
  .object({ ...junctureShape, titleZh: name.default(""), titleEn: name.default(""), type: junctureType.default("other"), description: description.default("") })
  .refine(titled, needsTitle);
export type JunctureInput = z.input<typeof junctureInputSchema>;
export const juncturePatchSchema = z.object(junctureShape).partial();
export type JuncturePatch = z.input<typeof juncturePatchSchema>;

export const evidenceInputSchema = z
  .object({
    kind: z.enum(EVIDENCE_KINDS, { error: zodText(`evidence is one of ${EVIDENCE_KINDS.join(", ")}`, `证据类型须为 ${EVIDENCE_KINDS.join("、")} 之一`) }),
    targetId: z.string().trim().min(1, zodText("the evidence needs the id of what it points to", "缺少证据所指对象的 id")),
    start: z.number().int().min(0).nullish(),
    end: z.number().int().min(0).nullish(),
    note: z.string().max(5000).default(""),
  })
  .refine((v) => v.kind !== "passage" || (v.start != null && v.end != null && v.end > v.start), {
    message: zodText("a passage needs start < end (code points of the document)", "段落证据需要起止位置（start < end）"),
  });
export type EvidenceInput = z.input<typeof evidenceInputSchema>;

/** Query strings of the periods routes: a grouping (default region), chosen codes, normalisation, change-point settings. */
const codesParam = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined));
const numberParam = (what: string, zh: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) ctx.addIssue({ code: "custom", message: zodText(`${what} must be a number of 0 or more`, `${zh}须为不小于 0 的数`) });
      return n;
    });
export const scopeQuerySchema = z.object({ field: scopeSchema.shape.field.default("region"), value: scopeSchema.shape.value });
export const scopeFilterSchema = z.object({ field: scopeSchema.shape.field.optional(), value: z.string().optional() });
export const timelineQuerySchema = scopeQuerySchema.extend({
  codes: codesParam,
  per: z.enum(["chars", "documents", "none"], { error: zodText("per is chars, documents or none", "per 须为 chars、documents 或 none") }).default("chars"),
});
export const suggestionQuerySchema = scopeQuerySchema.extend({
  codes: codesParam,
  penalty: numberParam("penalty", "惩罚值"),
  minSegment: numberParam("minSegment", "最小段长").pipe(z.number().int(zodText("minSegment is a whole number of years", "最小段长须为整数年")).min(1).optional()),
});
export const exportQuerySchema = scopeFilterSchema.extend({
  format: z.enum(["json", "csv", "md"], { error: zodText("format is json, csv or md", "格式须为 json、csv 或 md") }).default("json"),
});
