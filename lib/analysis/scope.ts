/**
 * What an analysis looks at: a project's documents filtered by their fields, the codings of
 * some coders, and a selection of codes (a code group, or a code with its descendants).
 * Resolved once into ids so every view — frequencies, co-occurrence, passages — counts the
 * same codings.
 */
import type { BlindScope } from "../db/rounds";
import {
  ANALYSIS_FIELDS,
  findUsersByNames,
  listAnalysisCodes,
  listGroupMembers,
  spanBounds,
  type AnalysisCodeRow,
  type AnalysisField,
  type AnalysisGroupBy,
  type AnalysisScopeSql,
  type GroupSpec,
  type SpanBounds,
} from "../db/analysis";
import { listVariableRows, type VariableRow } from "../db/variables";
import { loadConsensusCodings } from "../agreement/consensus";
import { isPostgresDb, type Db } from "../db/client";
import { projectExists } from "../db/shared";
import { AppError } from "../errors";

export { ANALYSIS_FIELDS, type AnalysisField, type AnalysisGroupBy };
export const GROUP_BY_VALUES = ["code", "document", ...ANALYSIS_FIELDS, "stage", "coder"] as const satisfies readonly AnalysisGroupBy[];

/** Built-in document fields (region, type, …) or user-defined variables by name → accepted values. */
export type AnalysisFilters = Record<string, string[]>;

export type AnalysisScopeInput = {
  projectId: string;
  filters?: AnalysisFilters;
  /** Coder names; absent or empty = every coder. */
  coders?: string[];
  /** The consensus of `coders` (two or more: agreed and adjudicated units, lib/agreement/consensus.ts) instead of their own codings. */
  consensus?: boolean;
  /** A code group's name, or a code's short name (the code with its descendants); absent = every code. */
  codes?: string;
  /** Codings hidden from the asker by an open blind round (lib/coding/rounds.ts); absent = none. */
  blind?: BlindScope;
};

export type AnalysisCode = AnalysisCodeRow & { depth: number };

export type ResolvedScope = {
  sql: AnalysisScopeSql;
  /** The selected codes in tree order (depth-first, siblings by sortOrder). */
  codes: AnalysisCode[];
  /** Every code of the project, for descendants and look-ups. */
  allCodes: Map<string, AnalysisCode>;
  /** The project's document variables. */
  variables: VariableRow[];
};

const BUILT_IN_GROUPS = new Set<string>(GROUP_BY_VALUES);

/** A grouping by name: a built-in one, or one of the project's document variables. */
export function groupSpecOf(scope: Pick<ResolvedScope, "variables">, by: string): GroupSpec {
  if (by.includes("+")) {
    // region+year: a combination of document fields and variables (each part partitions documents).
    const parts = by.split("+").map((p) => p.trim());
    // A stage already implies its region, and its label is not a key part: it stands alone.
    const bad = parts.find((p) => p === "" || p === "code" || p === "coder" || p === "document" || p === "stage" || parts.filter((x) => x === p).length > 1);
    if (bad !== undefined || parts.length > 3) {
      throw new AppError("invalid_input", {
        en: `cannot group by "${by}": combine two or three document fields or variables, e.g. region+year`,
        zh: `无法按"${by}"分组：可组合两到三个文档字段或变量，如 region+year`,
      });
    }
    return { parts: parts.map((p) => groupSpecOf(scope, p)) };
  }
  if (BUILT_IN_GROUPS.has(by)) return by as AnalysisGroupBy;
  const v = scope.variables.find((x) => x.name === by);
  if (v) return { variableId: v.id };
  const names = [...GROUP_BY_VALUES, ...scope.variables.map((x) => x.name)].join(", ");
  throw new AppError("invalid_input", {
    en: `cannot group by "${by}": use one of ${names}`,
    zh: `无法按"${by}"分组，可用：${names}`,
  });
}

/** Codes in tree order with their depth; a dangling parent makes a code a root. */
export function treeOrder(rows: AnalysisCodeRow[]): AnalysisCode[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, AnalysisCodeRow[]>();
  for (const r of rows) {
    const parent = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
  }
  const out: AnalysisCode[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({ ...r, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A code and all its descendants. */
export function withDescendants(codeIds: Iterable<string>, codes: readonly AnalysisCodeRow[]): Set<string> {
  const kids = new Map<string, string[]>();
  for (const c of codes) if (c.parentId !== null) kids.set(c.parentId, [...(kids.get(c.parentId) ?? []), c.id]);
  const out = new Set<string>();
  const stack = [...codeIds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(kids.get(id) ?? []));
  }
  return out;
}

/** A code by id or short name. */
export function findCode(codes: Map<string, AnalysisCode>, ref: string): AnalysisCode {
  const byId = codes.get(ref);
  if (byId) return byId;
  for (const c of codes.values()) if (c.shortName === ref) return c;
  throw new AppError("not_found", { en: `no code "${ref}" in this project`, zh: `本项目没有代码"${ref}"` }, { code: ref });
}

/** No bound on a unit's length: correct in any unit join, only without the index shortcut. */
const UNBOUNDED: SpanBounds = { maxUnitLength: 2147483647 };

/**
 * `unitBounds: false` skips the longest-sentence scan (one more pass over the units) for views
 * that never join codings to sentence units through `scope.sql.bounds`, such as word frequencies.
 */
export async function resolveScope(db: Db, input: AnalysisScopeInput, options: { unitBounds?: boolean } = {}): Promise<ResolvedScope> {
  const [rows, variables, bounds] = await Promise.all([
    listAnalysisCodes(db, input.projectId),
    listVariableRows(db, input.projectId),
    options.unitBounds === false ? UNBOUNDED : spanBounds(db, input.projectId),
  ]);
  if (rows.length === 0 && !(await projectExists(db, input.projectId))) {
    throw new AppError("not_found", { en: "Project not found", zh: "未找到该项目" }, { projectId: input.projectId });
  }
  const ordered = treeOrder(rows);
  const allCodes = new Map(ordered.map((c) => [c.id, c]));
  let selected: Set<string> | undefined;
  if (input.codes !== undefined && input.codes.trim() !== "") {
    const ref = input.codes.trim();
    const members = await listGroupMembers(db, input.projectId, ref);
    if (members) selected = withDescendants(members.map((m) => m.codeId), rows);
    else selected = withDescendants([findCode(allCodes, ref).id], rows);
  }
  let coderIds: string[] | undefined;
  const names = (input.coders ?? []).map((n) => n.trim()).filter((n) => n !== "");
  let consensus: AnalysisScopeSql["consensus"];
  if (input.consensus) {
    if (input.blind && input.blind.documentIds.length > 0) {
      throw new AppError("forbidden", {
        en: "the consensus is not shown while you code in an open blind round",
        zh: "您参与的盲编轮次尚未结束，无法查看共识",
      });
    }
    // The consensus codings replace the coders' own: they carry the coders' agreed and adjudicated units.
    const k = await loadConsensusCodings(db, input.projectId, { coders: names });
    consensus = {
      json: JSON.stringify(k.codings.map((c) => [`consensus:${c.unitId}:${c.codeId}:${c.start}`, c.documentId, c.codeId, c.start, c.end])),
      postgres: isPostgresDb(db),
      maxLength: k.codings.reduce((m, c) => Math.max(m, c.end - c.start), 0),
    };
  } else if (names.length > 0) {
    const users = await findUsersByNames(db, names);
    // Unknown names match no coding, so a filter on them yields an empty table, not every coder.
    coderIds = users.length > 0 ? users.map((u) => u.id) : ["\u0000none"];
  }
  const filters: AnalysisScopeSql["filters"] = {};
  const variableFilters: { variableId: string; values: string[] }[] = [];
  for (const [name, values] of Object.entries(input.filters ?? {})) {
    const field = FIELD_ALIASES[name.toLowerCase()];
    const variable = variables.find((v) => v.name === name);
    if (variable) variableFilters.push({ variableId: variable.id, values });
    else if (field) filters[field] = [...(filters[field] ?? []), ...values];
    else {
      const names = [...ANALYSIS_FIELDS, ...variables.map((v) => v.name)].join(", ");
      throw new AppError("invalid_input", {
        en: `cannot filter by "${name}": use one of ${names}`,
        zh: `无法按"${name}"筛选，可用：${names}`,
      });
    }
  }
  const codeIds = selected ? [...selected] : undefined;
  return {
    sql: { projectId: input.projectId, filters, coderIds, codeIds, variables: variableFilters, bounds, blind: input.blind ?? null, consensus },
    codes: codeIds ? ordered.filter((c) => selected!.has(c.id)) : ordered,
    allCodes,
    variables,
  };
}

const FIELD_ALIASES: Record<string, AnalysisField> = {
  region: "region",
  "mega-region": "region",
  province: "province",
  city: "city",
  level: "level",
  type: "type",
  doctype: "type",
  year: "year",
};

/**
 * Filters written as `region=BTH,type=work-report`, alternatives within a field with `|`
 * (`region=BTH|YRD`); a field given twice accumulates. `year=` (empty) means year unknown.
 */
export function parseFilterSpec(spec: string | undefined): AnalysisFilters {
  const out: AnalysisFilters = {};
  if (!spec || spec.trim() === "") return out;
  for (const part of spec.split(",")) {
    const eq = part.indexOf("=");
    const raw = (eq < 0 ? part : part.slice(0, eq)).trim();
    // A built-in field (any case, aliases), else a document variable's name as written.
    const field: string = FIELD_ALIASES[raw.toLowerCase()] ?? raw;
    if (eq < 0 || raw === "") {
      throw new AppError("invalid_input", {
        en: `filter "${part.trim()}" must be field=value, field one of ${ANALYSIS_FIELDS.join(", ")} or a document variable`,
        zh: `筛选条件"${part.trim()}"须写作 字段=值，字段为 ${ANALYSIS_FIELDS.join("、")} 之一或文档变量`,
      });
    }
    const values = part
      .slice(eq + 1)
      .split("|")
      .map((v) => v.trim());
    if (field === "year") {
      const bad = values.find((v) => v !== "" && !/^\d{4}$/.test(v));
      if (bad !== undefined) throw new AppError("invalid_input", { en: `year "${bad}" is not a year`, zh: `"${bad}"不是年份` });
    }
    out[field] = [...(out[field] ?? []), ...values];
  }
  return out;
}
