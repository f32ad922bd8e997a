/**
 * Code frequencies rolled up the code tree. A theme counts the units of its sub-themes, but a
 * unit that carries two sub-themes of one theme counts once for the theme: counts are sizes of
 * unions of unit sets, not sums.
 */
export type RollUpCode = { id: string; parentId: string | null };
/** One coding reduced to what counting needs; a coding that spans two units appears once per unit. */
export type CodedUnit = { codeId: string; unitId: string; codingId: string };

export type RolledUpCount = {
  codeId: string;
  /** Codings with exactly this code. */
  codings: number;
  /** Distinct units coded with exactly this code. */
  units: number;
  /** Distinct codings with this code or any descendant. */
  codingsWithDescendants: number;
  /** Distinct units coded with this code or any descendant. */
  unitsWithDescendants: number;
  /** unitsWithDescendants / the parent's unitsWithDescendants; null for a top-level code. */
  shareOfParent: number | null;
  /** unitsWithDescendants / all coded units (of the codes given). */
  shareOfAll: number | null;
};

export function rollUpCounts(codes: readonly RollUpCode[], coded: readonly CodedUnit[]): RolledUpCount[] {
  const known = new Set(codes.map((c) => c.id));
  const parentOf = new Map(codes.map((c) => [c.id, c.parentId !== null && known.has(c.parentId) ? c.parentId : null]));
  const own = new Map<string, { units: Set<string>; codings: Set<string> }>();
  const rolled = new Map<string, { units: Set<string>; codings: Set<string> }>();
  const entry = (map: typeof own, id: string) => {
    let e = map.get(id);
    if (!e) map.set(id, (e = { units: new Set(), codings: new Set() }));
    return e;
  };
  const allUnits = new Set<string>();
  for (const c of coded) {
    if (!known.has(c.codeId)) continue;
    allUnits.add(c.unitId);
    const mine = entry(own, c.codeId);
    mine.units.add(c.unitId);
    mine.codings.add(c.codingId);
    // Walk up the ancestors; a cycle cannot occur in a stored tree, but stop on one anyway.
    const seen = new Set<string>();
    for (let id: string | null = c.codeId; id !== null && !seen.has(id); id = parentOf.get(id) ?? null) {
      seen.add(id);
      const e = entry(rolled, id);
      e.units.add(c.unitId);
      e.codings.add(c.codingId);
    }
  }
  return codes.map((code) => {
    const mine = own.get(code.id);
    const up = rolled.get(code.id);
    const parentId = parentOf.get(code.id) ?? null;
    const parentUnits = parentId === null ? null : (rolled.get(parentId)?.units.size ?? 0);
    const unitsWithDescendants = up?.units.size ?? 0;
    return {
      codeId: code.id,
      codings: mine?.codings.size ?? 0,
      units: mine?.units.size ?? 0,
      codingsWithDescendants: up?.codings.size ?? 0,
      unitsWithDescendants,
      shareOfParent: parentUnits === null ? null : parentUnits === 0 ? null : unitsWithDescendants / parentUnits,
      shareOfAll: allUnits.size === 0 ? null : unitsWithDescendants / allUnits.size,
    };
  });
}
