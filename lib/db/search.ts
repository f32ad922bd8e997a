/**
 * Query functions of corpus search and keyword suggestions. The SQL here is standard
 * (quoted identifiers, LIKE … ESCAPE, EXISTS, length/replace) so it runs unchanged on
 * SQLite and PostgreSQL; substr/length count code points on both. Query semantics
 * (boolean evaluation, word boundaries, regexes, KWIC) live in lib/search/.
 *
 * LIKE is only ever a *prefilter*: SQLite's LIKE ignores ASCII case and PostgreSQL's
 * does not, so the exact test is always redone in JavaScript.
 */
import { visibleCodingSql, type BlindScope } from "./rounds";
import { Prisma } from "./generated/client";
import type { DbClient } from "./codings";

/** A conservative condition on a document's whole text (a superset of the units that can match). */
export type TextPrefilter =
  | { type: "any" }
  | { type: "contains"; value: string }
  | { type: "and"; items: TextPrefilter[] }
  | { type: "or"; items: TextPrefilter[] };

export type DocumentSqlFilters = {
  region?: string[];
  province?: string[];
  city?: string[];
  docType?: string[];
  level?: string[];
  year?: { from?: number; to?: number };
  documentIds?: string[];
  /** Only documents with at least one coding of any of these codes. */
  codedWith?: string[];
  /** Codings an open blind round hides from the asker do not count for `codedWith`. */
  blind?: BlindScope;
};

export type SearchDocumentRow = {
  id: string;
  title: string;
  year: number | null;
  region: string;
  province: string;
  city: string;
  docType: string;
  level: string;
};

export type SearchUnitRow = {
  id: string;
  documentId: string;
  paragraph: number;
  start: number;
  end: number;
  tokens: string;
};

/** `%value%` with LIKE wildcards escaped (use with ESCAPE '\'). */
export function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function inList(values: string[]): Prisma.Sql {
  return Prisma.join(values.map((v) => Prisma.sql`${v}`));
}

function prefilterSql(p: TextPrefilter): Prisma.Sql | null {
  switch (p.type) {
    case "any":
      return null;
    case "contains":
      return Prisma.sql`d."plainText" LIKE ${likeContains(p.value)} ESCAPE '\\'`;
    case "and":
    case "or": {
      const parts = p.items.map(prefilterSql);
      if (p.type === "or" && parts.some((x) => x === null)) return null;
      const real = parts.filter((x): x is Prisma.Sql => x !== null);
      if (real.length === 0) return null;
      return Prisma.sql`(${Prisma.join(real, p.type === "and" ? " AND " : " OR ")})`;
    }
  }
}

/**
 * The same condition on a unit's stored jieba tokens. Tokens hold the unit's text in order
 * with U+001F between tokens (whitespace dropped), so a unit containing a term has every
 * letter and digit of it in order: `LIKE '%城%际%'` is a sound prefilter whatever the
 * segmentation. Punctuation and whitespace are left out of the pattern (a tokenizer may
 * drop them), units without tokens always pass, and only the first 16 characters are
 * used to keep LIKE cheap.
 */
function tokensPrefilterSql(p: TextPrefilter): Prisma.Sql | null {
  switch (p.type) {
    case "any":
      return null;
    case "contains": {
      const chars = Array.from(p.value)
        .filter((c) => /[\p{L}\p{N}]/u.test(c))
        .slice(0, 16);
      if (chars.length === 0) return null;
      // Letters and digits are never LIKE wildcards: nothing to escape.
      return Prisma.sql`(u."tokens" = '' OR u."tokens" LIKE ${`%${chars.join("%")}%`})`;
    }
    case "and":
    case "or": {
      const parts = p.items.map(tokensPrefilterSql);
      if (p.type === "or" && parts.some((x) => x === null)) return null;
      const real = parts.filter((x): x is Prisma.Sql => x !== null);
      if (real.length === 0) return null;
      return Prisma.sql`(${Prisma.join(real, p.type === "and" ? " AND " : " OR ")})`;
    }
  }
}

function documentConditions(projectId: string, f: DocumentSqlFilters): Prisma.Sql[] {
  const conds: Prisma.Sql[] = [Prisma.sql`d."projectId" = ${projectId}`];
  const lists: [keyof DocumentSqlFilters, string][] = [
    ["region", "region"],
    ["province", "province"],
    ["city", "city"],
    ["docType", "docType"],
    ["level", "level"],
    ["documentIds", "id"],
  ];
  for (const [key, column] of lists) {
    const values = f[key] as string[] | undefined;
    if (values && values.length > 0) conds.push(Prisma.sql`d.${Prisma.raw(`"${column}"`)} IN (${inList(values)})`);
  }
  if (f.year?.from !== undefined) conds.push(Prisma.sql`d."year" >= ${f.year.from}`);
  if (f.year?.to !== undefined) conds.push(Prisma.sql`d."year" <= ${f.year.to}`);
  if (f.codedWith && f.codedWith.length > 0) {
    conds.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Coding" c WHERE c."documentId" = d."id" AND c."codeId" IN (${inList(f.codedWith)})
        AND ${visibleCodingSql("c", f.blind ?? null)})`,
    );
  }
  return conds;
}

/**
 * Documents of a project that pass the metadata filters and the text prefilter, in the
 * search's order: year (unknown last), title, id.
 */
export async function findSearchDocuments(
  db: DbClient,
  projectId: string,
  filters: DocumentSqlFilters,
  prefilter: TextPrefilter,
): Promise<SearchDocumentRow[]> {
  const conds = documentConditions(projectId, filters);
  const text = prefilterSql(prefilter);
  if (text) conds.push(text);
  const rows = await db.$queryRaw<SearchDocumentRow[]>(Prisma.sql`
    SELECT d."id", d."title", d."year", d."region", d."province", d."city", d."docType", d."level"
    FROM "Document" d
    WHERE ${Prisma.join(conds, " AND ")}
    ORDER BY CASE WHEN d."year" IS NULL THEN 1 ELSE 0 END, d."year", d."title", d."id"`);
  return rows.map((r) => ({ ...r, year: r.year === null ? null : Number(r.year) }));
}

export type UnitQueryOptions = {
  /** Also read the jieba tokens (word mode). */
  withTokens?: boolean;
  /** Only sentences overlapping a coding of any of these codes. */
  codedWith?: string[];
  /** Only sentences overlapping no coding of any of these codes. */
  notCodedWith?: string[];
  /** Leave out sentences with a "rejected" suggestion decision for this code. */
  notRejectedFor?: string;
  /** Only sentences whose tokens may satisfy this condition (a superset; see tokensPrefilterSql). */
  prefilter?: TextPrefilter;
  /** Codings an open blind round hides from the asker count for neither coding filter. */
  blind?: BlindScope;
};

function overlapsCoding(codeIds: string[], blind: BlindScope): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Coding" c WHERE c."documentId" = u."documentId"
    AND c."codeId" IN (${inList(codeIds)}) AND c."start" < u."end" AND c."end" > u."start" AND ${visibleCodingSql("c", blind)})`;
}

/** Sentence units of these documents, in document then text order, with the coding filters applied in SQL. */
export async function findSentenceUnits(
  db: DbClient,
  documentIds: string[],
  opts: UnitQueryOptions = {},
): Promise<SearchUnitRow[]> {
  if (documentIds.length === 0) return [];
  const conds: Prisma.Sql[] = [Prisma.sql`u."documentId" IN (${inList(documentIds)})`, Prisma.sql`u."kind" = 'sentence'`];
  if (opts.codedWith && opts.codedWith.length > 0) conds.push(overlapsCoding(opts.codedWith, opts.blind ?? null));
  if (opts.notCodedWith && opts.notCodedWith.length > 0) conds.push(Prisma.sql`NOT ${overlapsCoding(opts.notCodedWith, opts.blind ?? null)}`);
  if (opts.notRejectedFor) {
    conds.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "SuggestionDecision" s
      WHERE s."unitId" = u."id" AND s."codeId" = ${opts.notRejectedFor} AND s."decision" = 'rejected')`);
  }
  const text = opts.prefilter ? tokensPrefilterSql(opts.prefilter) : null;
  if (text) conds.push(text);
  const tokens = opts.withTokens ? Prisma.sql`u."tokens"` : Prisma.sql`'' AS "tokens"`;
  const rows = await db.$queryRaw<SearchUnitRow[]>(Prisma.sql`
    SELECT u."id", u."documentId", u."paragraph", u."start", u."end", ${tokens}
    FROM "Unit" u
    WHERE ${Prisma.join(conds, " AND ")}
    ORDER BY u."documentId", u."start"`);
  return rows.map((r) => ({ ...r, paragraph: Number(r.paragraph), start: Number(r.start), end: Number(r.end) }));
}


// ---------------------------------------------------------------- suggestions

export function findCodeWithKeywords(db: DbClient, codeId: string) {
  return db.code.findUnique({
    where: { id: codeId },
    select: { id: true, projectId: true, shortName: true, labelZh: true, labelEn: true, color: true, keywords: true },
  });
}

/** Records (or overwrites) the decision for each unit of one code. */
export async function upsertSuggestionDecisions(
  db: DbClient,
  rows: { projectId: string; codeId: string; unitId: string; decision: "accepted" | "rejected"; coder: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  const codeIds = [...new Set(rows.map((r) => r.codeId))];
  await db.suggestionDecision.deleteMany({
    where: { codeId: { in: codeIds }, unitId: { in: rows.map((r) => r.unitId) } },
  });
  await db.suggestionDecision.createMany({ data: rows });
}

export function listSuggestionDecisions(db: DbClient, codeId: string) {
  return db.suggestionDecision.findMany({
    where: { codeId },
    select: { unitId: true, decision: true, coder: true, createdAt: true },
  });
}

// ---------------------------------------------------------------- benchmark floor
