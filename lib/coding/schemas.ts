/**
 * zod schemas of the coding context, shared by route handlers, server actions, the CLI
 * and the domain functions themselves. Offsets count Unicode code points over
 * Document.plainText; whether a span fits the text is checked against the document.
 */
import { z } from "zod";
import { zodText } from "../i18n/text";
import { userNameSchema } from "./user-name-schema";

const id = (what: string, zh: string) =>
  z.string({ error: zodText(`${what} is required`, `缺少${zh}`) }).trim().min(1, zodText(`${what} is required`, `缺少${zh}`));

const offset = (what: string, zh: string) =>
  z
    .number({ error: zodText(`${what} must be a number`, `${zh}必须是数字`) })
    .int(zodText(`${what} must be a whole number of characters (code points)`, `${zh}必须是整数`))
    .min(0, zodText(`${what} must not be negative`, `${zh}不能为负数`));

const version = z
  .number({ error: zodText("version is required", "缺少版本号") })
  .int(zodText("version must be a whole number", "版本号必须是整数"))
  .min(1, zodText("version must be 1 or more", "版本号必须大于 0"));

/**
 * `?version=N` of a versioned DELETE: the version the client saw. Required, so that a
 * delete can never remove an edit the client has not seen.
 */
export const versionQuerySchema = z.object({
  version: z
    .string({ error: zodText("version is required: send the version you saw as ?version=N", "缺少版本号（?version=N）") })
    .regex(/^[1-9][0-9]*$/, zodText("version must be a whole number of 1 or more", "版本号必须是正整数"))
    .transform(Number),
});

export { userNameSchema };

const comment = z.string().max(5000, zodText("a comment has at most 5000 characters", "评论最多 5000 个字符"));

export const createCodingSchema = z.object({
  documentId: id("documentId", "文档"),
  codeId: id("codeId", "代码"),
  start: offset("start", "起始位置"),
  end: offset("end", "结束位置"),
  coder: userNameSchema,
  comment: comment.optional(),
});
export type CreateCodingInput = z.input<typeof createCodingSchema>;

/** The body of an edit: the version the client saw plus what changes. */
export const updateCodingSchema = z.object({
  version,
  start: offset("start", "起始位置").optional(),
  end: offset("end", "结束位置").optional(),
  codeId: id("codeId", "代码").optional(),
  comment: comment.optional(),
  /** The text the client believes is at the new span; refused when it differs. */
  expectQuote: z.string().optional(),
});
export const codingPatchSchema = updateCodingSchema.omit({ version: true, expectQuote: true });
export type CodingPatch = z.input<typeof codingPatchSchema>;

export const codeUnitsSchema = z.object({
  unitIds: z
    .array(id("unit id", "句子"))
    .min(1, zodText("select at least one sentence", "请至少选择一个句子"))
    .max(20_000, zodText("at most 20,000 sentences at once", "一次最多 20000 个句子")),
  codeId: id("codeId", "代码"),
  coder: userNameSchema,
});
export type CodeUnitsInput = z.input<typeof codeUnitsSchema>;

/** "matrix-cell": a finding of a mismatch matrix's cell, tied to it by `cellKey` (see lib/analysis/matrix.ts). */
export const MEMO_KINDS = ["project", "document", "code", "coding", "matrix-cell"] as const;
export type MemoKind = (typeof MEMO_KINDS)[number];

export const memoLinkSchema = z.union([
  z.strictObject({ codeId: id("link codeId", "链接代码") }),
  z.strictObject({
    documentId: id("link documentId", "链接文档"),
    start: offset("link start", "链接起始位置"),
    end: offset("link end", "链接结束位置"),
  }),
], { error: zodText("a link is either {codeId} or {documentId, start, end}", "链接须为 {codeId} 或 {documentId, start, end}") });
export type MemoLink = z.infer<typeof memoLinkSchema>;

const memoTitle = z.string().trim().max(200, zodText("a memo title has at most 200 characters", "备忘录标题最多 200 个字符"));
const memoBody = z.string().max(100_000, zodText("a memo has at most 100,000 characters", "备忘录最多 100000 个字符"));
const memoLinks = z.array(memoLinkSchema).max(200, zodText("at most 200 links", "最多 200 个链接"));

export const createMemoSchema = z.object({
  projectId: id("projectId", "项目"),
  kind: z.enum(MEMO_KINDS, { error: zodText(`kind must be one of ${MEMO_KINDS.join(", ")}`, "备忘录类型无效") }),
  documentId: id("documentId", "文档").optional(),
  codeId: id("codeId", "代码").optional(),
  codingId: id("codingId", "编码").optional(),
  cellKey: z.string().min(1).max(400, zodText("a cell key has at most 400 characters", "单元格键最多 400 个字符")).optional(),
  author: userNameSchema,
  title: memoTitle.optional(),
  body: memoBody,
  links: memoLinks.optional(),
});
export type CreateMemoInput = z.input<typeof createMemoSchema>;

export const updateMemoSchema = z.object({
  version,
  title: memoTitle.optional(),
  body: memoBody.optional(),
  links: memoLinks.optional(),
});
export const memoPatchSchema = updateMemoSchema.omit({ version: true });
export type MemoPatch = z.input<typeof memoPatchSchema>;

export const memoFilterSchema = z.object({
  kind: z.enum(MEMO_KINDS).optional(),
  documentId: z.string().min(1).optional(),
  codeId: z.string().min(1).optional(),
  codingId: z.string().min(1).optional(),
  cellKey: z.string().min(1).optional(),
});
export type MemoFilter = z.input<typeof memoFilterSchema>;
