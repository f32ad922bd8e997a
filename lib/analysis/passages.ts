/**
 * The drill-down: exactly the codings behind a number of any view — a code's frequency (with
 * its descendants or not) in a group, or a co-occurrence cell — with the quote, its context,
 * the document, the coder and the sentence units each coding accounts for. The frequency
 * `codings` of a cell is `passages.length`, its `units` is `units`.
 */
import { countPassages, findUsersByIds, queryPassages } from "../db/analysis";
import type { Db } from "../db/client";
import type { CooccurrenceMode } from "./cooccurrence";
import { findCode, groupSpecOf, resolveScope, withDescendants, type AnalysisScopeInput } from "./scope";

export type PassageQuery = AnalysisScopeInput & {
  /** A code's id or short name. */
  code: string;
  /** Count the code's descendants too (the rolled-up number); default true. */
  rollUp?: boolean;
  /** The cell's group (omit for the row total): a built-in grouping or a document variable's name. */
  group?: { by: string; key: string };
  /** A co-occurrence cell: passages of either code where they meet. */
  cooccurrence?: { mode: CooccurrenceMode; with: string };
  /** A mismatch matrix's cell: unit co-occurrence of `code` and `with` (both rolled up) inside units that also carry this code (rolled up). */
  within?: string;
  /** Characters of context on each side (default 30). */
  context?: number;
  /** Page of passages (all when absent); `total` and `units` always count all. */
  limit?: number;
  offset?: number;
};

export type Passage = {
  codingId: string;
  codeId: string;
  shortName: string;
  documentId: string;
  title: string;
  year: number | null;
  region: string;
  coder: string;
  start: number;
  end: number;
  quote: string;
  before: string;
  after: string;
  /** Sentence units this coding accounts for in the number (in unit co-occurrence: the shared ones). */
  unitIds: string[];
};

export type PassageList = { total: number; units: number; passages: Passage[] };

export async function findPassages(db: Db, q: PassageQuery): Promise<PassageList> {
  const scope = await resolveScope(db, q);
  const code = findCode(scope.allCodes, q.code);
  const all = [...scope.allCodes.values()];
  const inScope = (ids: Iterable<string>) => [...ids].filter((id) => !scope.sql.codeIds || scope.sql.codeIds.includes(id));
  const rollUp = q.rollUp ?? !q.cooccurrence;
  const codeIds = inScope(rollUp ? withDescendants([code.id], all) : [code.id]);
  const other = q.cooccurrence ? findCode(scope.allCodes, q.cooccurrence.with) : undefined;
  const within = q.within !== undefined && q.cooccurrence?.mode === "unit" ? findCode(scope.allCodes, q.within) : undefined;
  // Rolled up, the other code (and the "within" code) count with their descendants too, as in a matrix cell.
  const side = (c: { id: string }) => inScope(rollUp ? withDescendants([c.id], all) : [c.id]);
  const sql = {
    scope: scope.sql,
    codeIds,
    group: q.group && q.group.by !== "code" ? { by: groupSpecOf(scope, q.group.by), key: q.group.key } : undefined,
    cooccurrence:
      q.cooccurrence && other
        ? { mode: q.cooccurrence.mode, withCodeIds: side(other), ...(within ? { withinCodeIds: side(within) } : {}) }
        : undefined,
    context: Math.max(0, Math.min(200, q.context ?? 30)),
  };
  // A page is read as a page (with a count beside it); the whole list (CLI, CSV) in one query.
  const page = q.limit === undefined ? undefined : { limit: q.limit, offset: q.offset ?? 0 };
  const [rows, counted] = await Promise.all([queryPassages(db, sql, page), page ? countPassages(db, sql) : Promise.resolve(null)]);
  const byCoding = new Map<string, Passage>();
  const coderIds = new Set<string>();
  const units = new Set<string>();
  for (const r of rows) {
    let p = byCoding.get(r.codingId);
    if (!p) {
      coderIds.add(r.coderId);
      p = {
        codingId: r.codingId,
        codeId: r.codeId,
        shortName: scope.allCodes.get(r.codeId)?.shortName ?? "",
        documentId: r.documentId,
        title: r.title,
        year: r.year,
        region: r.region,
        coder: r.coderId,
        start: r.start,
        end: r.end,
        quote: r.quote,
        before: r.before,
        after: r.after,
        unitIds: [],
      };
      byCoding.set(r.codingId, p);
    }
    if (r.unitId !== null) {
      p.unitIds.push(r.unitId);
      units.add(r.unitId);
    }
  }
  const names = new Map((await findUsersByIds(db, [...coderIds])).map((u) => [u.id, u.name]));
  const passages = [...byCoding.values()].map((p) => ({ ...p, coder: names.get(p.coder) ?? p.coder }));
  if (counted) return { total: counted.total, units: counted.units, passages };
  const from = q.offset ?? 0;
  return { total: passages.length, units: units.size, passages: passages.slice(from) };
}
