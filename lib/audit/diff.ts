/**
 * The `detail` of a change event: only the fields that changed, before and after, so a long
 * definition edited in one word does not repeat the untouched fields.
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  keys: readonly (keyof T & string)[],
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of keys) {
    if (!(k in after)) continue;
    // Values are scalars or small JSON-able values (keywords): compare as JSON.
    if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    b[k] = before[k];
    a[k] = after[k];
  }
  return { before: b, after: a };
}

/** Whether a change detail records any field change at all. */
export function isEmptyChange(d: { before: object; after: object }): boolean {
  return Object.keys(d.before).length === 0 && Object.keys(d.after).length === 0;
}
