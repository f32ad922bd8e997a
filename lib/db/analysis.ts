/**
 * Query functions of the analysis views: code frequencies rolled up the tree, co-occurrence
 * and the passages behind every number. Frequencies are aggregated in SQL (COUNT(DISTINCT …) over
 * the join of codings with the sentence units they touch), so 100,000 codings never leave the
 * database as rows; unit co-occurrence reads distinct (unit, code) pairs and counts in
 * JavaScript, where SQLite would need a self-join without a hash join. The SQL is standard — WITH RECURSIVE, CASE, CAST(… AS TEXT), substr — and
 * runs unchanged on SQLite and PostgreSQL; counts come back as bigint on PostgreSQL.
 * Semantics (what is counted, shares, normalisation) live in lib/analysis/.
 */
import { visibleCodingSql, type BlindScope } from "./rounds";
import { Prisma } from "./generated/client";
import type { DbClient } from "./shared";

/** Document fields the analysis groups and filters by (`type` is Document.docType). */
export const ANALYSIS_FIELDS = ["region", "province", "city", "level", "type", "year"] as const;
export type AnalysisField = (typeof ANALYSIS_FIELDS)[number];
/** What a frequency table is split by: nothing (`code`), a document, a document field, the document's stage, or the coder. */
export type AnalysisGroupBy = "code" | "document" | AnalysisField | "stage" | "coder";

export type AnalysisScopeSql = {
  projectId: string;
  /** field → accepted values; a year value "" means "year unknown". */
  filters: Partial<Record<AnalysisField, string[]>>;
  /** Coder ids; empty or absent = every coder. */
  coderIds?: string[];
  /** Code ids a coding must carry; absent = every code. */
  codeIds?: string[];
  /** User-defined document variables: accepted values ("" = no value set). */
  variables?: { variableId: string; values: string[] }[];
  /** The longest sentence unit and coding of the project, in code points (see `spanBounds`). */
  bounds: SpanBounds;
  /** Codings an open blind round hides from the asker; null = none. */
  blind?: BlindScope;
  /** Analyse the consensus codings of some coders instead of the stored codings (see `codingTable`). */
  consensus?: ConsensusSource;
};

export type SpanBounds = { maxUnitLength: number };

/**
 * The consensus layer's codings (lib/agreement/consensus.ts: computed, not stored), passed as one
 * JSON parameter — `[[id, documentId, codeId, start, end], …]` — so their number is not bounded
 * by the databases' parameter limits. JSON table functions differ: json_each on SQLite,
 * json_array_elements on PostgreSQL (tested on both).
 */
export type ConsensusSource = { json: string; postgres: boolean; maxLength: number };

/** The coder id of consensus codings (shown as the coder of their passages). */
export const CONSENSUS_CODER = "consensus";

/** The codings an analysis reads: the Coding table, or the consensus codings with the same columns. */
export function codingTable(scope: Pick<AnalysisScopeSql, "consensus">): Prisma.Sql {
  const k = scope.consensus;
  if (!k) return Prisma.sql`"Coding"`;
  const cols = k.postgres
    ? Prisma.sql`j->>0 AS "id", j->>1 AS "documentId", j->>2 AS "codeId", CAST(j->>3 AS INTEGER) AS "start", CAST(j->>4 AS INTEGER) AS "end"
        FROM json_array_elements(CAST(${k.json} AS json)) j`
    : Prisma.sql`json_extract(j.value, '$[0]') AS "id", json_extract(j.value, '$[1]') AS "documentId", json_extract(j.value, '$[2]') AS "codeId",
        json_extract(j.value, '$[3]') AS "start", json_extract(j.value, '$[4]') AS "end" FROM json_each(${k.json}) j`;
  return Prisma.sql`(SELECT x."id" AS "id", x."documentId" AS "documentId", x."codeId" AS "codeId", CAST(${CONSENSUS_CODER} AS TEXT) AS "coderId",
      x."start" AS "start", x."end" AS "end", dd."projectId" AS "projectId",
      substr(dd."plainText", x."start" + 1, x."end" - x."start") AS "quote"
    FROM (SELECT ${cols}) x JOIN "Document" dd ON dd."id" = x."documentId")`;
}

/**
 * The longest sentence unit of a project. Joins of codings to units use it as a lower bound on
 * the unit's start (a unit touching a coding starts after coding.start − maxUnitLength), so the
 * (documentId, kind, start) index scans only the units near a coding instead of every unit
 * before it in its document — without it, 100,000 codings joined to their sentences take tens
 * of seconds on SQLite.
 */
export async function spanBounds(db: DbClient, projectId: string): Promise<SpanBounds> {
  const rows = await db.$queryRaw<{ m: number | bigint | null }[]>(Prisma.sql`
    SELECT MAX(u."end" - u."start") AS "m" FROM "Unit" u JOIN "Document" d ON d."id" = u."documentId"
    WHERE d."projectId" = ${projectId} AND u."kind" = 'sentence'`);
  return { maxUnitLength: num(rows[0]?.m) };
}

/** The longest coding of a project: the same bound for coding-to-coding overlaps (drill-down of co-occurrence). */
async function maxCodingLength(db: DbClient, projectId: string, consensus?: ConsensusSource): Promise<number> {
  if (consensus) return consensus.maxLength;
  const rows = await db.$queryRaw<{ m: number | bigint | null }[]>(Prisma.sql`
    SELECT MAX(c."end" - c."start") AS "m" FROM "Coding" c WHERE c."projectId" = ${projectId}`);
  return num(rows[0]?.m);
}

/** A grouping: a built-in one, a user-defined document variable, or a combination of document fields and variables (region × year). */
export type GroupSpec = AnalysisGroupBy | { variableId: string } | { parts: GroupSpec[] };

/** Between the parts of a combined group's key (a character no field or value holds). */
export const GROUP_KEY_SEPARATOR = "\u001f";

/** A document's value of a variable (NULL when not set), as a scalar subquery on `d`. */
const variableValue = (variableId: string) =>
  Prisma.sql`(SELECT vv."value" FROM "DocumentVariableValue" vv WHERE vv."documentId" = d."id" AND vv."variableId" = ${variableId})`;

/**
 * The stage (its id) a document `d` belongs to: a stage of its mega-region whose years contain
 * the document's year (a stage without an end runs on); NULL — outside stages — for a document
 * without a year or outside every stage. Documents carry a year only, so where two stages share
 * a year (one ends in 2010-06, the next starts in 2010-07) the earlier one takes it.
 */
const stageOfDocument = Prisma.sql`(SELECT s."id" FROM "Stage" s WHERE s."projectId" = d."projectId" AND s."scopeField" = 'region'
  AND s."scopeValue" = d."region" AND s."startYear" <= d."year" AND (s."endYear" IS NULL OR s."endYear" >= d."year")
  ORDER BY s."startYear", COALESCE(s."startMonth", 1), s."id" LIMIT 1)`;

const COLUMN: Record<AnalysisField, string> = {
  region: "region",
  province: "province",
  city: "city",
  level: "level",
  type: "docType",
  year: "year",
};

const inList = (values: readonly string[]) => Prisma.join(values.map((v) => Prisma.sql`${v}`));

/** Condition of one document field on a list of values ("" for year = unknown year). */
function fieldCondition(field: AnalysisField, values: readonly string[], alias = "d"): Prisma.Sql {
  const col = Prisma.raw(`${alias}."${COLUMN[field]}"`);
  if (field !== "year") return Prisma.sql`${col} IN (${inList(values)})`;
  const years = values.filter((v) => v !== "").map(Number);
  const parts: Prisma.Sql[] = [];
  if (years.length > 0) parts.push(Prisma.sql`${col} IN (${Prisma.join(years.map((y) => Prisma.sql`${y}`))})`);
  if (values.includes("")) parts.push(Prisma.sql`${col} IS NULL`);
  return parts.length === 0 ? Prisma.sql`1 = 0` : Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/** Conditions on a document row `d` of the project. */
export function documentConditions(scope: AnalysisScopeSql): Prisma.Sql[] {
  const conds = [Prisma.sql`d."projectId" = ${scope.projectId}`];
  for (const field of ANALYSIS_FIELDS) {
    const values = scope.filters[field];
    if (values !== undefined) conds.push(values.length === 0 ? Prisma.sql`1 = 0` : fieldCondition(field, values));
  }
  for (const v of scope.variables ?? []) conds.push(variableCondition(v.variableId, v.values));
  return conds;
}

function variableCondition(variableId: string, values: readonly string[]): Prisma.Sql {
  const set = values.filter((v) => v !== "");
  const parts: Prisma.Sql[] = [];
  if (set.length > 0) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "DocumentVariableValue" vv WHERE vv."documentId" = d."id"
      AND vv."variableId" = ${variableId} AND vv."value" IN (${inList(set)}))`);
  }
  if (values.includes("")) {
    parts.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "DocumentVariableValue" vv WHERE vv."documentId" = d."id" AND vv."variableId" = ${variableId})`);
  }
  return parts.length === 0 ? Prisma.sql`1 = 0` : Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/** Conditions on a coding `alias` (its document already constrained): coder and codes. */
export function codingConditions(scope: AnalysisScopeSql, alias: string): Prisma.Sql[] {
  const a = (col: string) => Prisma.raw(`${alias}."${col}"`);
  const conds: Prisma.Sql[] = [];
  if (scope.coderIds && scope.coderIds.length > 0) conds.push(Prisma.sql`${a("coderId")} IN (${inList(scope.coderIds)})`);
  if (scope.codeIds) conds.push(scope.codeIds.length === 0 ? Prisma.sql`1 = 0` : Prisma.sql`${a("codeId")} IN (${inList(scope.codeIds)})`);
  if (scope.blind) conds.push(visibleCodingSql(alias, scope.blind));
  return conds;
}

/** The group key of a coding `c` in document `d`, as text (NULL for an unknown year). */
function groupExpr(by: GroupSpec): Prisma.Sql {
  if (typeof by === "object" && "parts" in by) {
    // COALESCE: NULL (year or value unknown) is the empty part, as in a single grouping.
    return Prisma.join(
      by.parts.map((p) => Prisma.sql`COALESCE(${groupExpr(p)}, '')`),
      ` || '${GROUP_KEY_SEPARATOR}' || `,
    );
  }
  if (typeof by === "object") return variableValue(by.variableId);
  switch (by) {
    case "code":
      return Prisma.sql`''`;
    case "document":
      return Prisma.sql`d."id"`;
    case "coder":
      return Prisma.sql`c."coderId"`;
    case "year":
      return Prisma.sql`CAST(d."year" AS TEXT)`;
    case "stage":
      return stageOfDocument;
    default:
      return Prisma.raw(`d."${COLUMN[by]}"`);
  }
}

/** Sentence units a coding `c` touches: overlap of half-open code-point spans, bounded for the index. */
const unitJoin = (b: SpanBounds) => Prisma.sql`"Unit" u ON u."documentId" = c."documentId" AND u."kind" = 'sentence'
  AND u."start" < c."end" AND u."end" > c."start" AND u."start" > c."start" - ${b.maxUnitLength}`;

/** Coding `alias` overlaps the span of `other` (both with "start"/"end"), bounded for the index. */
const overlapsSpan = (alias: string, other: string, b: { maxCodingLength: number }) => {
  const a = (col: string) => Prisma.raw(`${alias}."${col}"`);
  const o = (col: string) => Prisma.raw(`${other}."${col}"`);
  return Prisma.sql`${a("documentId")} = ${o("documentId")} AND ${a("start")} < ${o("end")} AND ${a("end")} > ${o("start")}
    AND ${a("start")} > ${o("start")} - ${b.maxCodingLength}`;
};

const num = (v: number | bigint | null | undefined) => (v === null || v === undefined ? 0 : Number(v));
const key = (v: string | number | bigint | null) => (v === null ? "" : String(v));

export type FrequencyRow = { codeId: string; group: string; codings: number; units: number };
export type GroupTotalRow = { group: string; codings: number; units: number };

/**
 * Codings and distinct sentence units per code and group: `own` counts the code itself,
 * `rolled` the code with all its descendants (the recursive CTE pairs every code with itself
 * and its ancestors, so a unit with two sub-themes is one unit of the theme), `totals` every
 * coded unit of the group whatever its code. With a selection of codes (`scope.codeIds`) only
 * selected codes are reported as ancestors, so it does not roll up into parents outside it.
 */
export async function queryFrequencies(
  db: DbClient,
  scope: AnalysisScopeSql,
  by: GroupSpec,
): Promise<{ own: FrequencyRow[]; rolled: FrequencyRow[]; totals: GroupTotalRow[] }> {
  const where = Prisma.join([...documentConditions(scope), ...codingConditions(scope, "c")], " AND ");
  const ancestorFilter = scope.codeIds ? Prisma.sql`WHERE a."ancestorId" IN (${scope.codeIds.length ? inList(scope.codeIds) : Prisma.sql`NULL`})` : Prisma.empty;
  type Count = number | bigint | null;
  type Row = { kind: string; codeId: string | null; g: string | null; n: Count; own: Count };
  // Units and codings are counted apart. Units: distinct (code, unit, group) rows joined to the
  // code's ancestors — the pair of a code with itself gives its own count. Codings: a coding has
  // one code, so a code's rolled-up codings are sums of counts per code, without the unit join.
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH RECURSIVE anc("codeId", "ancestorId") AS (
      SELECT k."id", k."id" FROM "Code" k WHERE k."projectId" = ${scope.projectId}
      UNION ALL
      SELECT a."codeId", k."parentId" FROM anc a JOIN "Code" k ON k."id" = a."ancestorId" WHERE k."parentId" IS NOT NULL
    ),
    cu AS (
      SELECT DISTINCT c."codeId" AS "codeId", u."id" AS "unitId", ${groupExpr(by)} AS "g"
      FROM ${codingTable(scope)} c JOIN "Document" d ON d."id" = c."documentId" LEFT JOIN ${unitJoin(scope.bounds)}
      WHERE ${where}
    ),
    cc AS (
      SELECT x."codeId" AS "codeId", x."g" AS "g", COUNT(*) AS "n" FROM (
        SELECT c."codeId" AS "codeId", ${groupExpr(by)} AS "g" FROM ${codingTable(scope)} c JOIN "Document" d ON d."id" = c."documentId" WHERE ${where}
      ) x GROUP BY x."codeId", x."g"
    )
    SELECT 'units' AS "kind", a."ancestorId" AS "codeId", cu."g" AS "g", COUNT(DISTINCT cu."unitId") AS "n",
      COUNT(CASE WHEN a."codeId" = a."ancestorId" THEN cu."unitId" END) AS "own"
    FROM cu JOIN anc a ON a."codeId" = cu."codeId" ${ancestorFilter}
    GROUP BY a."ancestorId", cu."g"
    UNION ALL
    SELECT 'codings', a."ancestorId", cc."g", SUM(cc."n"), SUM(CASE WHEN a."codeId" = a."ancestorId" THEN cc."n" ELSE 0 END)
    FROM cc JOIN anc a ON a."codeId" = cc."codeId" ${ancestorFilter}
    GROUP BY a."ancestorId", cc."g"
    UNION ALL
    SELECT 'totalUnits', NULL, cu."g", COUNT(DISTINCT cu."unitId"), 0 FROM cu GROUP BY cu."g"
    UNION ALL
    SELECT 'totalCodings', NULL, cc."g", SUM(cc."n"), 0 FROM cc GROUP BY cc."g"`);
  const own = new Map<string, FrequencyRow>();
  const rolled = new Map<string, FrequencyRow>();
  const totals = new Map<string, GroupTotalRow>();
  const entry = (m: Map<string, FrequencyRow>, codeId: string, group: string) => {
    const k = `${codeId}\u0000${group}`;
    let e = m.get(k);
    if (!e) m.set(k, (e = { codeId, group, codings: 0, units: 0 }));
    return e;
  };
  for (const r of rows) {
    const group = key(r.g);
    if (r.kind === "units" || r.kind === "codings") {
      const field = r.kind === "units" ? "units" : "codings";
      entry(rolled, r.codeId ?? "", group)[field] = num(r.n);
      if (num(r.own) > 0) entry(own, r.codeId ?? "", group)[field] = num(r.own);
    } else {
      let t = totals.get(group);
      if (!t) totals.set(group, (t = { group, codings: 0, units: 0 }));
      t[r.kind === "totalUnits" ? "units" : "codings"] = num(r.n);
    }
  }
  return { own: [...own.values()], rolled: [...rolled.values()], totals: [...totals.values()] };
}

export type DocumentGroupRow = { group: string; documents: number; chars: number };

/** Documents and characters per group of the documents in scope (not only coded ones). */
export async function queryDocumentGroups(
  db: DbClient,
  scope: AnalysisScopeSql,
  by: Exclude<GroupSpec, "coder">,
): Promise<DocumentGroupRow[]> {
  type Row = { g: string | null; documents: number | bigint; chars: number | bigint | null };
  // Grouped in a derived table: PostgreSQL refuses a constant or a subquery as a GROUP BY key.
  const rows = await db.$queryRaw<Row[]>(
    by === "code"
      ? Prisma.sql`SELECT '' AS "g", COUNT(*) AS "documents", SUM(d."charCount") AS "chars"
          FROM "Document" d WHERE ${Prisma.join(documentConditions(scope), " AND ")}`
      : Prisma.sql`SELECT x."g" AS "g", COUNT(*) AS "documents", SUM(x."charCount") AS "chars"
          FROM (SELECT ${groupExpr(by)} AS "g", d."charCount" AS "charCount" FROM "Document" d
                WHERE ${Prisma.join(documentConditions(scope), " AND ")}) x
          GROUP BY x."g"`,
  );
  return rows.map((r) => ({ group: key(r.g), documents: num(r.documents), chars: num(r.chars) }));
}

export type DocumentBriefRow = { id: string; title: string; year: number | null; region: string };

export async function findDocumentBriefs(db: DbClient, projectId: string, ids: string[]): Promise<DocumentBriefRow[]> {
  if (ids.length === 0) return [];
  return db.document.findMany({ where: { projectId, id: { in: ids } }, select: { id: true, title: true, year: true, region: true } });
}

export type StageBriefRow = { id: string; scopeValue: string; nameZh: string; nameEn: string; startYear: number; startMonth: number | null; endYear: number | null; endMonth: number | null };

export function findStageBriefs(db: DbClient, projectId: string, ids: string[]): Promise<StageBriefRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.stage.findMany({
    where: { projectId, id: { in: ids } },
    select: { id: true, scopeValue: true, nameZh: true, nameEn: true, startYear: true, startMonth: true, endYear: true, endMonth: true },
  });
}

export type AnalysisCodeRow = {
  id: string;
  parentId: string | null;
  shortName: string;
  labelZh: string;
  labelEn: string;
  color: string;
  sortOrder: number;
};

export function listAnalysisCodes(db: DbClient, projectId: string): Promise<AnalysisCodeRow[]> {
  return db.code.findMany({
    where: { projectId },
    select: { id: true, parentId: true, shortName: true, labelZh: true, labelEn: true, color: true, sortOrder: true },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
}

export function listGroupMembers(db: DbClient, projectId: string, groupName: string): Promise<{ codeId: string }[] | null> {
  return db.codeGroup
    .findUnique({ where: { projectId_name: { projectId, name: groupName } }, select: { members: { select: { codeId: true } } } })
    .then((g) => g?.members ?? null);
}

/** Users by name (coder filter) and by id (coder groups). */
export function findUsersByNames(db: DbClient, names: string[]): Promise<{ id: string; name: string }[]> {
  return db.user.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
}
export function findUsersByIds(db: DbClient, ids: string[]): Promise<{ id: string; name: string }[]> {
  return db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
}

// ---------------------------------------------------------------- co-occurrence

export type PairRow = { a: string; b: string; n12: number };

/**
 * Distinct (sentence unit, code) pairs in scope: the input of unit co-occurrence. LEFT JOIN …
 * IS NOT NULL is an inner join that SQLite may not reorder: without stats its planner would
 * walk the units first and scan every coding before each (40 s on 100,000 codings). The pairs of codes within each unit are counted by the caller — SQLite has no
 * hash join, and a self-join of 100,000 rows on the unit takes seconds where one pass in
 * JavaScript takes milliseconds.
 */
export async function queryUnitCodes(db: DbClient, scope: AnalysisScopeSql): Promise<{ unitId: string; codeId: string }[]> {
  const where = Prisma.join([...documentConditions(scope), ...codingConditions(scope, "c")], " AND ");
  return db.$queryRaw<{ unitId: string; codeId: string }[]>(Prisma.sql`
    SELECT DISTINCT u."id" AS "unitId", c."codeId" AS "codeId"
    FROM ${codingTable(scope)} c JOIN "Document" d ON d."id" = c."documentId" LEFT JOIN ${unitJoin(scope.bounds)}
    WHERE ${where} AND u."id" IS NOT NULL`);
}

export type MatrixCountRow = { units: number; codings: number };
export type MatrixCountsSql = { cells: MatrixCountRow[][]; rows: MatrixCountRow[]; cols: MatrixCountRow[]; total: MatrixCountRow };

/**
 * A mismatch matrix's counts, all in one aggregate query (the rule is in lib/analysis/matrix.ts).
 * `rows[i]`, `cols[j]` and `within` are sets of code ids (a code with its descendants). Each
 * (unit, coding) row carries flags for the axes its code belongs to; window MAXes over the unit
 * give the unit's flags (no self-join, which SQLite, without hash joins, does slowly), so a
 * cell's units are counted on one row per unit and its codings on one row per coding. A coding
 * is known by its unique (document, code, coder, start, end), all in the covering index of
 * Coding: reading its id costs a table look-up per coding (seconds on 100,000 codings in SQLite).
 */
export async function queryMatrixCounts(
  db: DbClient,
  scope: AnalysisScopeSql,
  axes: { rows: string[][]; cols: string[][]; within: string[] | null },
): Promise<MatrixCountsSql> {
  const relevant = [...new Set([...axes.rows.flat(), ...axes.cols.flat(), ...(axes.within ?? [])])];
  const zero = (): MatrixCountRow => ({ units: 0, codings: 0 });
  const empty = { cells: axes.rows.map(() => axes.cols.map(zero)), rows: axes.rows.map(zero), cols: axes.cols.map(zero), total: zero() };
  if (relevant.length === 0 || axes.rows.length === 0 || axes.cols.length === 0) return empty;
  const where = Prisma.join([...documentConditions(scope), ...codingConditions({ ...scope, codeIds: relevant }, "c")], " AND ");
  const sets: [string, string[]][] = [
    ...axes.rows.map((ids, i): [string, string[]] => [`r${i}`, ids]),
    ...axes.cols.map((ids, j): [string, string[]] => [`c${j}`, ids]),
    ...(axes.within ? [["w", axes.within] as [string, string[]]] : []),
  ];
  const flag = ([name, ids]: [string, string[]]) =>
    Prisma.sql`CASE WHEN c."codeId" IN (${ids.length ? inList(ids) : Prisma.sql`NULL`}) THEN 1 ELSE 0 END AS ${Prisma.raw(`"${name}"`)}`;
  const any = (alias: string, prefix: string, names: string[]) => `(${names.map((n) => `${alias}."${prefix}${n}" = 1`).join(" OR ")})`;
  const rowNames = axes.rows.map((_, i) => `r${i}`);
  const colNames = axes.cols.map((_, j) => `c${j}`);
  // Each measure: which units it takes (by the unit's flags, on `g`) and which codings of them it counts (by their code, on `t`).
  type Measure = { unit: (g: string) => string; coding: (t: string) => string };
  const w = (g: string) => (axes.within ? ` AND ${g}."uw" = 1` : "");
  const measures: Measure[] = [
    ...rowNames.flatMap((r) =>
      colNames.map((c) => ({ unit: (g: string) => `${g}."u${r}" = 1 AND ${g}."u${c}" = 1${w(g)}`, coding: (t: string) => `(${t}."${r}" = 1 OR ${t}."${c}" = 1)` })),
    ),
    ...rowNames.map((r) => ({ unit: (g: string) => `${g}."u${r}" = 1 AND ${any(g, "u", colNames)}${w(g)}`, coding: (t: string) => `(${t}."${r}" = 1 OR ${any(t, "", colNames)})` })),
    ...colNames.map((c) => ({ unit: (g: string) => `${g}."u${c}" = 1 AND ${any(g, "u", rowNames)}${w(g)}`, coding: (t: string) => `(${t}."${c}" = 1 OR ${any(t, "", rowNames)})` })),
    { unit: (g: string) => `${any(g, "u", rowNames)} AND ${any(g, "u", colNames)}${w(g)}`, coding: (t: string) => `(${any(t, "", rowNames)} OR ${any(t, "", colNames)})` },
  ];
  const cols = (f: (m: Measure, k: number) => string) => Prisma.raw(measures.map((m, k) => `${f(m, k)} AS "v${k}"`).join(", "));
  const unitFlags = Prisma.raw(sets.map(([name]) => `MAX(t."${name}") AS "u${name}"`).join(", "));
  type Row = Record<string, string | number | bigint | null>;
  // A coding inside one sentence (the vast majority) counts on that unit alone: summed per unit.
  // A coding over several sentences is counted once, from its rows joined to their units' flags.
  // MATERIALIZED (SQLite ≥ 3.35, PostgreSQL ≥ 12): the join of codings to units runs once, not once per use.
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH t AS MATERIALIZED (
      SELECT u."id" AS "unitId", c."documentId" AS "kd", c."codeId" AS "kc", c."coderId" AS "ku", c."start" AS "ks", c."end" AS "ke",
        CASE WHEN u."start" <= c."start" AND u."end" >= c."end" THEN 1 ELSE 0 END AS "one",
        ${Prisma.join(sets.map(flag), ", ")}
      FROM ${codingTable(scope)} c JOIN "Document" d ON d."id" = c."documentId" LEFT JOIN ${unitJoin(scope.bounds)}
      WHERE ${where} AND u."id" IS NOT NULL
    ),
    g AS (
      SELECT t."unitId" AS "unitId", ${unitFlags}, ${cols((m) => `SUM(CASE WHEN t."one" = 1 AND ${m.coding("t")} THEN 1 ELSE 0 END)`)}
      FROM t GROUP BY t."unitId"
    ),
    k AS (
      SELECT ${cols((m) => `MAX(CASE WHEN ${m.unit("g")} AND ${m.coding("t")} THEN 1 ELSE 0 END)`)}
      FROM t JOIN g ON g."unitId" = t."unitId" WHERE t."one" = 0
      GROUP BY t."kd", t."kc", t."ku", t."ks", t."ke"
    )
    SELECT 'units' AS "kind", ${cols((m) => `SUM(CASE WHEN ${m.unit("g")} THEN 1 ELSE 0 END)`)} FROM g
    UNION ALL
    SELECT 'single', ${cols((m, k) => `SUM(CASE WHEN ${m.unit("g")} THEN g."v${k}" ELSE 0 END)`)} FROM g
    UNION ALL
    SELECT 'multi', ${cols((_, k) => `SUM(k."v${k}")`)} FROM k`);
  const val = (kind: string, k: number) => Number(rows.find((r) => r.kind === kind)?.[`v${k}`] ?? 0);
  const at = (k: number): MatrixCountRow => ({ units: val("units", k), codings: val("single", k) + val("multi", k) });
  const R = axes.rows.length;
  const C = axes.cols.length;
  return {
    cells: axes.rows.map((_, i) => axes.cols.map((_, j) => at(i * C + j))),
    rows: axes.rows.map((_, i) => at(R * C + i)),
    cols: axes.cols.map((_, j) => at(R * C + R + j)),
    total: at(R * C + R + C),
  };
}

/**
 * Pairs of codes (a < b by id) whose codings overlap: pairs of codings, one of each code, in
 * the same document whose spans share at least one code point.
 */
export async function queryOverlapPairs(db: DbClient, scope: AnalysisScopeSql): Promise<PairRow[]> {
  const where = Prisma.join([...documentConditions(scope), ...codingConditions(scope, "c"), ...codingConditions(scope, "q")], " AND ");
  type Row = { a: string; b: string; n12: number | bigint };
  // Each overlapping pair once, from its earlier coding (by start, then id): the other starts
  // inside its span — an index range as short as the coding itself.
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT x."a" AS "a", x."b" AS "b", COUNT(*) AS "n12" FROM (
      SELECT CASE WHEN c."codeId" < q."codeId" THEN c."codeId" ELSE q."codeId" END AS "a",
             CASE WHEN c."codeId" < q."codeId" THEN q."codeId" ELSE c."codeId" END AS "b"
      FROM ${codingTable(scope)} c JOIN "Document" d ON d."id" = c."documentId"
      JOIN ${codingTable(scope)} q ON q."documentId" = c."documentId" AND q."start" >= c."start" AND q."start" < c."end"
        AND (q."start" > c."start" OR q."id" > c."id") AND q."codeId" <> c."codeId"
      WHERE ${where}
    ) x GROUP BY x."a", x."b"`);
  return rows.map((r) => ({ a: r.a, b: r.b, n12: num(r.n12) }));
}

/** Per code: codings in scope — the n1 and n2 of the c-coefficient in overlap mode. */
export async function queryCodingCounts(db: DbClient, scope: AnalysisScopeSql): Promise<Map<string, number>> {
  const where = Prisma.join([...documentConditions(scope), ...codingConditions(scope, "c")], " AND ");
  const rows = await db.$queryRaw<{ codeId: string; n: number | bigint }[]>(Prisma.sql`
    SELECT c."codeId" AS "codeId", COUNT(*) AS "n"
    FROM ${codingTable(scope)} c JOIN "Document" d ON d."id" = c."documentId"
    WHERE ${where} GROUP BY c."codeId"`);
  return new Map(rows.map((r) => [r.codeId, num(r.n)]));
}

// ---------------------------------------------------------------- passages

export type PassageQuerySql = {
  scope: AnalysisScopeSql;
  /** Codings of these codes (a code with its descendants when rolled up). */
  codeIds: string[];
  /** Only codings whose group key is this value. */
  group?: { by: GroupSpec; key: string };
  /** Only codings that co-occur with a coding of `withCodeIds` (same sentence unit, or overlapping span). */
  cooccurrence?: { mode: "unit" | "overlap"; withCodeIds: string[]; withinCodeIds?: string[] };
  context: number;
};

export type PassageSqlRow = {
  codingId: string;
  codeId: string;
  documentId: string;
  coderId: string;
  start: number;
  end: number;
  quote: string;
  before: string;
  after: string;
  title: string;
  year: number | null;
  region: string;
  unitId: string | null;
};

/** The group condition for one key (the inverse of groupExpr). */
function groupCondition(by: GroupSpec, k: string): Prisma.Sql {
  if (typeof by === "object" && "parts" in by) {
    const keys = k.split(GROUP_KEY_SEPARATOR);
    return Prisma.join(by.parts.map((p, i) => groupCondition(p, keys[i] ?? "")), " AND ");
  }
  if (typeof by === "object") return variableCondition(by.variableId, [k]);
  switch (by) {
    case "code":
      return Prisma.sql`1 = 1`;
    case "document":
      return Prisma.sql`d."id" = ${k}`;
    case "coder":
      return Prisma.sql`c."coderId" = ${k}`;
    case "stage":
      return k === "" ? Prisma.sql`${stageOfDocument} IS NULL` : Prisma.sql`${stageOfDocument} = ${k}`;
    default:
      return fieldCondition(by, [k]);
  }
}

/** The FROM … WHERE of the codings behind a number (with `u`, the sentence units each accounts for). */
async function passageSource(db: DbClient, q: PassageQuerySql): Promise<{ from: Prisma.Sql; unitMode: boolean }> {
  const conds = [...documentConditions(q.scope), ...codingConditions(q.scope, "c")];
  const other = (alias: string, ids: string[]) =>
    Prisma.join(
      [...codingConditions(q.scope, alias), ids.length ? Prisma.sql`${Prisma.raw(`${alias}."codeId"`)} IN (${inList(ids)})` : Prisma.sql`1 = 0`],
      " AND ",
    );
  const codesIn = (ids: string[]) => (ids.length ? Prisma.sql`c."codeId" IN (${inList(ids)})` : Prisma.sql`1 = 0`);
  let codeCond = codesIn(q.codeIds);
  const b = q.scope.bounds;
  let units = Prisma.sql`LEFT JOIN ${unitJoin(b)}`;
  if (q.cooccurrence) {
    const bc = { maxCodingLength: await maxCodingLength(db, q.scope.projectId, q.scope.consensus) };
    const w = q.cooccurrence.withCodeIds;
    if (q.cooccurrence.mode === "unit") {
      // Only the units that carry both codes; a coding without such a unit drops out.
      // Codings of either code: the passages of a cell are both sides of it.
      units = Prisma.sql`LEFT JOIN ${unitJoin(b)}
        AND EXISTS (SELECT 1 FROM ${codingTable(q.scope)} x WHERE ${overlapsSpan("x", "u", bc)} AND ${other("x", q.codeIds)})
        AND EXISTS (SELECT 1 FROM ${codingTable(q.scope)} y WHERE ${overlapsSpan("y", "u", bc)} AND ${other("y", w)})
        ${q.cooccurrence.withinCodeIds ? Prisma.sql`AND EXISTS (SELECT 1 FROM ${codingTable(q.scope)} z WHERE ${overlapsSpan("z", "u", bc)} AND ${other("z", q.cooccurrence.withinCodeIds)})` : Prisma.empty}`;
      codeCond = Prisma.sql`${codesIn([...q.codeIds, ...w])} AND u."id" IS NOT NULL`;
    } else {
      const side = (mine: string[], theirs: string[]) =>
        Prisma.sql`(${codesIn(mine)} AND EXISTS (SELECT 1 FROM ${codingTable(q.scope)} y
          WHERE ${overlapsSpan("y", "c", bc)} AND y."codeId" <> c."codeId" AND ${other("y", theirs)}))`;
      codeCond = Prisma.sql`(${side(q.codeIds, w)} OR ${side(w, q.codeIds)})`;
    }
  }
  conds.push(codeCond);
  if (q.group) conds.push(groupCondition(q.group.by, q.group.key));
  return {
    from: Prisma.sql`FROM ${codingTable(q.scope)} c JOIN "Document" d ON d."id" = c."documentId" ${units} WHERE ${Prisma.join(conds, " AND ")}`,
    unitMode: q.cooccurrence?.mode === "unit",
  };
}

const PASSAGE_ORDER = Prisma.sql`CASE WHEN d."year" IS NULL THEN 1 ELSE 0 END, d."year", d."title", d."id", c."start", c."end", c."id"`;

/** How many codings are behind a number, and how many sentence units they account for. */
export async function countPassages(db: DbClient, q: PassageQuerySql): Promise<{ total: number; units: number }> {
  const { from } = await passageSource(db, q);
  const rows = await db.$queryRaw<{ total: number | bigint; units: number | bigint }[]>(
    Prisma.sql`SELECT COUNT(DISTINCT c."id") AS "total", COUNT(DISTINCT u."id") AS "units" ${from}`,
  );
  return { total: num(rows[0]?.total), units: num(rows[0]?.units) };
}

/**
 * The codings behind a number, one row per (coding, sentence unit it touches) — in unit
 * co-occurrence only the units it shares with the other code —, with the quote's context
 * cut by SQL substr (code points on both databases; CASE instead of MAX/GREATEST, which
 * differ between them). With `page`, only that page of codings (in the list's order) is read.
 */
export async function queryPassages(db: DbClient, q: PassageQuerySql, page?: { limit: number; offset: number }): Promise<PassageSqlRow[]> {
  const n = q.context;
  const { from } = await passageSource(db, q);
  const paged = page
    ? Prisma.sql`AND c."id" IN (SELECT p."id" FROM (
        SELECT DISTINCT c."id" AS "id", CASE WHEN d."year" IS NULL THEN 1 ELSE 0 END AS "k0", d."year" AS "k1", d."title" AS "k2",
          d."id" AS "k3", c."start" AS "k4", c."end" AS "k5"
        ${from}
        ORDER BY "k0", "k1", "k2", "k3", "k4", "k5", "id" LIMIT ${page.limit} OFFSET ${page.offset}) p)`
    : Prisma.empty;
  type Row = Omit<PassageSqlRow, "start" | "end" | "year"> & { start: number | bigint; end: number | bigint; year: number | bigint | null };
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT c."id" AS "codingId", c."codeId" AS "codeId", c."documentId" AS "documentId", c."coderId" AS "coderId",
      c."start" AS "start", c."end" AS "end", c."quote" AS "quote",
      substr(d."plainText", CASE WHEN c."start" > ${n} THEN c."start" - ${n} ELSE 0 END + 1,
        CASE WHEN c."start" > ${n} THEN ${n} ELSE c."start" END) AS "before",
      substr(d."plainText", c."end" + 1, ${n}) AS "after",
      d."title" AS "title", d."year" AS "year", d."region" AS "region", u."id" AS "unitId"
    ${from} ${paged}
    ORDER BY ${PASSAGE_ORDER}, u."start"`);
  return rows.map((r) => ({ ...r, start: num(r.start), end: num(r.end), year: r.year === null ? null : Number(r.year) }));
}
