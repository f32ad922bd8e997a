/** zod schemas of the search context, shared by the API, server actions, the CLI and the domain. */
import { z } from "zod";
import { zodText } from "../i18n/text";

const idList = z.array(z.string().min(1)).max(10_000);

/** The most hits or suggested sentences one request may ask for (bounds the work and the answer). */
export const MAX_PAGE = 10_000;

export const SEARCH_MODES = ["substring", "word", "regex"] as const;

export const searchFiltersSchema = z.object({
  region: idList.optional(),
  province: idList.optional(),
  city: idList.optional(),
  year: z
    .object({
      from: z.number().int(zodText("year must be a whole number", "年份必须是整数")).optional(),
      to: z.number().int(zodText("year must be a whole number", "年份必须是整数")).optional(),
    })
    .refine((y) => y.from === undefined || y.to === undefined || y.from <= y.to, {
      message: zodText("year range: from must not be after to", "年份范围的起始年不能晚于结束年"),
    })
    .optional(),
  docType: idList.optional(),
  level: idList.optional(),
  documentIds: idList.optional(),
  /** Code ids: only sentences overlapping a coding of any of them. */
  codedWith: idList.optional(),
  /** Code ids: only sentences overlapping no coding of any of them. */
  notCodedWith: idList.optional(),
});
export type SearchFilters = z.input<typeof searchFiltersSchema>;

export const searchRequestSchema = z.object({
  query: z
    .string({ error: zodText("a query is required", "请输入查询") })
    .trim()
    .min(1, zodText("the query is empty", "查询为空"))
    .max(2000, zodText("the query is too long (at most 2000 characters)", "查询过长")),
  mode: z.enum(SEARCH_MODES, { error: zodText("mode must be substring, word or regex", "检索模式无效") }).default("substring"),
  filters: searchFiltersSchema.optional(),
  /** Code points of context on each side of a hit (within its paragraph). */
  contextChars: z.number().int().min(0).max(1000).default(30),
  // One request returns at most a page of MAX_PAGE hits (the interface asks for 5,000); later pages via offset.
  limit: z.number().int().min(1).max(MAX_PAGE, zodText(`limit: at most ${MAX_PAGE} hits per request`, `每次最多返回 ${MAX_PAGE} 条结果`)).default(500),
  offset: z.number().int().min(0).default(0),
});
export type SearchRequest = z.input<typeof searchRequestSchema>;

export const suggestForCodeSchema = z.object({
  projectId: z.string().min(1, zodText("projectId is required", "缺少项目")),
  codeId: z.string().min(1, zodText("codeId is required", "缺少代码")),
  limit: z.number().int().min(1).max(MAX_PAGE, zodText(`limit: at most ${MAX_PAGE} sentences per request`, `每次最多返回 ${MAX_PAGE} 个句子`)).default(500),
});
export type SuggestForCodeInput = z.input<typeof suggestForCodeSchema>;

export const decideSuggestionsSchema = z
  .object({
    projectId: z.string().min(1, zodText("projectId is required", "缺少项目")),
    codeId: z.string().min(1, zodText("codeId is required", "缺少代码")),
    coder: z
      .string({ error: zodText("a coder name is required", "缺少编码者") })
      .trim()
      .min(1, zodText("a coder name is required", "编码者姓名不能为空"))
      .max(100, zodText("a user name has at most 100 characters", "用户名最多 100 个字符")),
    accept: z.array(z.string().min(1)).max(20_000).default([]),
    reject: z.array(z.string().min(1)).max(20_000).default([]),
  })
  .refine((d) => {
    const rejected = new Set(d.reject);
    return !d.accept.some((id) => rejected.has(id));
  }, {
    message: zodText("a sentence cannot be both accepted and rejected", "同一句子不能同时接受和拒绝"),
  });
export type DecideSuggestionsInput = z.input<typeof decideSuggestionsSchema>;
