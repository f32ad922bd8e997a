import type { RatingMatrix } from "./ratings";

/** A sentence unit: the granularity at which coders are compared. Offsets in code points, end exclusive. */
export type AgreementUnit = { id: string; documentId: string; start: number; end: number };
/** A coding reduced to what agreement needs. */
export type AgreementCoding = { coderId: string; codeId: string; documentId: string; start: number; end: number };

export type UnitRatingsInput = {
  units: readonly AgreementUnit[];
  codings: readonly AgreementCoding[];
  coderIds: readonly string[];
  /**
   * Documents each coder took part in. A coder is *missing* (null) on every unit of a document
   * they did not code, rather than counted as "did not apply the code". Defaults to the
   * documents in which the coder has at least one coding.
   */
  documentsByCoder?: ReadonlyMap<string, ReadonlySet<string>>;
};

/** The documents in which each coder has at least one coding. */
export function documentsCodedBy(codings: readonly AgreementCoding[]): Map<string, Set<string>> {
  const byCoder = new Map<string, Set<string>>();
  for (const c of codings) {
    let docs = byCoder.get(c.coderId);
    if (!docs) byCoder.set(c.coderId, (docs = new Set()));
    docs.add(c.documentId);
  }
  return byCoder;
}

/**
 * Binary reliability data for one code: one row per unit, one column per coder; 1 when any
 * of that coder's codings with the code overlaps the unit (a coding across two sentences
 * counts for both), 0 when the coder coded the document but not this unit with the code,
 * null when the coder is missing for the document.
 */
export function unitRatingsForCode(input: UnitRatingsInput & { codeId: string }): RatingMatrix {
  const { units, codings, coderIds, codeId } = input;
  const presence = input.documentsByCoder ?? documentsCodedBy(codings);
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));
  const unitsByDocument = groupUnits(units);
  const rowOf = new Map(units.map((u, i) => [u.id, i]));
  const matrix: (0 | 1 | null)[][] = units.map((u) =>
    coderIds.map((coder) => (presence.get(coder)?.has(u.documentId) ? 0 : null)),
  );
  for (const c of codings) {
    if (c.codeId !== codeId) continue;
    const column = coderIndex.get(c.coderId);
    if (column === undefined) continue;
    for (const unit of overlappingUnits(unitsByDocument.get(c.documentId) ?? [], c.start, c.end)) {
      const row = matrix[rowOf.get(unit.id) as number];
      if (row) row[column] = 1;
    }
  }
  return matrix;
}

/** Units of each document, sorted by start, for binary search. */
function groupUnits(units: readonly AgreementUnit[]): Map<string, AgreementUnit[]> {
  const byDocument = new Map<string, AgreementUnit[]>();
  for (const u of units) {
    let list = byDocument.get(u.documentId);
    if (!list) byDocument.set(u.documentId, (list = []));
    list.push(u);
  }
  for (const list of byDocument.values()) list.sort((a, b) => a.start - b.start);
  return byDocument;
}

/** Units (sorted, non-overlapping) that share at least one character with [start, end). */
export function overlappingUnits(sorted: readonly AgreementUnit[], start: number, end: number): AgreementUnit[] {
  // First unit whose end lies beyond `start`.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as AgreementUnit).end <= start) lo = mid + 1;
    else hi = mid;
  }
  const hits: AgreementUnit[] = [];
  for (let i = lo; i < sorted.length; i++) {
    const u = sorted[i] as AgreementUnit;
    if (u.start >= end) break;
    hits.push(u);
  }
  return hits;
}
