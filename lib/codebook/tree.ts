import type { CodeSkeleton } from "../db/codes";

/**
 * In-memory walks over a project's code tree. A codebook has hundreds of codes at most, so
 * loading its skeleton once beats recursive SQL (which would also differ between SQLite and
 * PostgreSQL).
 */

export function childrenByParent(codes: readonly CodeSkeleton[]): Map<string | null, CodeSkeleton[]> {
  const m = new Map<string | null, CodeSkeleton[]>();
  for (const c of codes) {
    const list = m.get(c.parentId) ?? [];
    list.push(c);
    m.set(c.parentId, list);
  }
  return m;
}

/** Ids of every descendant of `rootId` (not the root itself), parents before children. */
export function descendantIds(codes: readonly CodeSkeleton[], rootId: string): string[] {
  const byParent = childrenByParent(codes);
  const out: string[] = [];
  const seen = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const child of byParent.get(id) ?? []) {
      if (seen.has(child.id)) continue; // a corrupt cycle must not loop forever
      seen.add(child.id);
      out.push(child.id);
      queue.push(child.id);
    }
  }
  return out;
}

/** True when `candidateId` is `ancestorId` itself or lies anywhere below it. */
export function isSelfOrDescendant(codes: readonly CodeSkeleton[], ancestorId: string, candidateId: string): boolean {
  const parentOf = new Map(codes.map((c) => [c.id, c.parentId]));
  const seen = new Set<string>();
  let cur: string | null | undefined = candidateId;
  while (cur != null && !seen.has(cur)) {
    if (cur === ancestorId) return true;
    seen.add(cur);
    cur = parentOf.get(cur);
  }
  return false;
}

/**
 * Groups ids by depth below `rootId`, deepest first, so that rows can be deleted bottom-up:
 * a parent goes only once its children are gone, whatever referential action (Restrict or
 * Cascade) the database applies to Code.parent.
 */
export function bottomUpLevels(codes: readonly CodeSkeleton[], rootId: string): string[][] {
  const byParent = childrenByParent(codes);
  const levels: string[][] = [[rootId]];
  const seen = new Set<string>([rootId]);
  let last = [rootId];
  for (;;) {
    const next: string[] = [];
    for (const id of last) {
      for (const child of byParent.get(id) ?? []) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        next.push(child.id);
      }
    }
    if (next.length === 0) break;
    levels.push(next);
    last = next;
  }
  return levels.reverse();
}

/** Sort-order writes that make `ordered` read 0, 1, 2…; only rows whose value changes. */
export function renumber(ordered: readonly { id: string; sortOrder: number }[]): { id: string; sortOrder: number }[] {
  return ordered.flatMap((c, i) => (c.sortOrder === i ? [] : [{ id: c.id, sortOrder: i }]));
}
