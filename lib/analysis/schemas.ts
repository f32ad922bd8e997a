/**
 * The analysis views' requests as URL query parameters (the API routes), parsed with zod and
 * turned into the domain's inputs. Filters use the CLI's spec (`region=BTH|YRD,type=plan`);
 * a group key travels JSON-quoted (`group="BTH"`) because an empty key (year unknown, no
 * province) is a real group and empty query values are dropped.
 */
import { z } from "zod";
import { zodText } from "../i18n/text";
import type { CooccurrenceMode } from "./cooccurrence";
import type { MatrixInput } from "./matrix";
import type { PassageQuery } from "./passages";
import { parseFilterSpec, type AnalysisScopeInput } from "./scope";

const scopeQuery = z.object({
  filter: z.string().max(4000).optional(),
  codes: z.string().max(200).optional(),
  /** Comma-separated coder names. */
  coders: z.string().max(4000).optional(),
  /** consensus=1: the consensus of `coders` (two or more) instead of their own codings. */
  consensus: z.enum(["0", "1"]).optional(),
  format: z.enum(["json", "csv"]).default("json"),
});

/** A built-in grouping (GROUP_BY_VALUES) or a document variable's name; checked against the project. */
const groupBy = z.string().trim().min(1).max(60);

export const frequencyQuerySchema = scopeQuery.extend({
  by: groupBy.default("code"),
});

export const cooccurrenceQuerySchema = scopeQuery.extend({
  mode: z.enum(["unit", "overlap"]).default("unit"),
});

const quotedKey = z.string().transform((v, ctx) => {
  try {
    const parsed: unknown = JSON.parse(v);
    if (typeof parsed === "string") return parsed;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: "custom", message: zodText("group must be a JSON string, e.g. \"BTH\"", "group 须为 JSON 字符串，如 \"BTH\"") });
  return z.NEVER;
});

export const passageQuerySchema = scopeQuery.extend({
  code: z.string().min(1).max(200),
  groupBy: groupBy.optional(),
  group: quotedKey.optional(),
  with: z.string().min(1).max(200).optional(),
  /** A matrix cell's "within" code (with `with`, mode unit and rollUp=1). */
  within: z.string().min(1).max(200).optional(),
  mode: z.enum(["unit", "overlap"]).default("unit"),
  rollUp: z.enum(["0", "1"]).optional(),
  context: z.coerce.number().int().min(0).max(200).default(30),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  offset: z.coerce.number().int().min(0).default(0),
});

/** rows=PLACE,PRIORITY,ACTOR&cols=COE,CON,COO[&within=VERTICAL]: codes, or one code group per axis. */
export const matrixQuerySchema = scopeQuery.omit({ codes: true }).extend({
  rows: z.string().trim().min(1).max(2000),
  cols: z.string().trim().min(1).max(2000),
  within: z.string().trim().max(200).optional(),
});

const list = (s: string) => s.split(",").map((x) => x.trim()).filter((x) => x !== "");

export function matrixInputFrom(projectId: string, q: z.output<typeof matrixQuerySchema>): MatrixInput {
  const scope = scopeFromQuery(projectId, { ...q, codes: undefined });
  return { projectId, filters: scope.filters, coders: scope.coders, consensus: scope.consensus, rows: list(q.rows), cols: list(q.cols), within: q.within === "" ? undefined : q.within };
}

type ScopeQuery = z.output<typeof scopeQuery>;

export function scopeFromQuery(projectId: string, q: ScopeQuery): AnalysisScopeInput {
  return {
    projectId,
    filters: parseFilterSpec(q.filter),
    codes: q.codes,
    coders: q.coders
      ?.split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
    consensus: q.consensus === "1",
  };
}

export function passageQueryFrom(projectId: string, q: z.output<typeof passageQuerySchema>): PassageQuery {
  const group: { by: string; key: string } | undefined =
    q.groupBy && q.groupBy !== "code" ? { by: q.groupBy, key: q.group ?? "" } : undefined;
  return {
    ...scopeFromQuery(projectId, q),
    code: q.code,
    rollUp: q.rollUp === undefined ? undefined : q.rollUp === "1",
    group,
    cooccurrence: q.with ? { mode: q.mode as CooccurrenceMode, with: q.with } : undefined,
    within: q.within,
    context: q.context,
    limit: q.limit,
    offset: q.offset,
  };
}

/** Word frequencies (and keyness with `compare`): the scope, a code, a search, stop-word options. */
export const wordQuerySchema = scopeQuery.extend({
  /** A code's short name or a code group (same as `codes`; `code` wins). */
  code: z.string().min(1).max(200).optional(),
  query: z.string().max(2000).optional(),
  queryMode: z.enum(["substring", "word", "regex"]).default("substring"),
  /** Two groups, `region=BTH:region=YRD` or `code=COO-3:rest`. */
  compare: z.string().max(4000).optional(),
  minLength: z.coerce.number().int().min(1).max(20).default(2),
  top: z.coerce.number().int().min(1).max(10_000).default(100),
});

/** The occurrences of one word in a scope (a side of a comparison: `side` a or b with `compare`). */
export const wordPassageQuerySchema = wordQuerySchema.extend({
  word: z.string().min(1).max(50),
  side: z.enum(["a", "b"]).optional(),
  context: z.coerce.number().int().min(0).max(200).default(30),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  offset: z.coerce.number().int().min(0).default(0),
});

export const stopWordEditSchema = z.object({
  add: z.array(z.string().max(50)).max(5000).optional(),
  remove: z.array(z.string().max(50)).max(5000).optional(),
});

export function wordScopeFromQuery(projectId: string, q: z.output<typeof wordQuerySchema>) {
  const scope = scopeFromQuery(projectId, q);
  return {
    ...scope,
    codes: q.code ?? scope.codes,
    query: q.query?.trim() ? q.query : undefined,
    queryMode: q.queryMode,
    minLength: q.minLength,
    top: q.top,
  };
}
