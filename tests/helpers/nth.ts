/**
 * `items[i]`, or a failed test saying which element is missing: for tests that go on to read
 * an element's fields (under noUncheckedIndexedAccess an index may be out of range).
 */
export function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`expected an element at index ${i}, but there are ${items.length}`);
  return item;
}
