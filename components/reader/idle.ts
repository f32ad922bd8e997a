/**
 * Runs `fn` when the browser is idle, at the latest after `timeout` ms (or after `fallback`
 * ms where requestIdleCallback is missing); returns a cancel function.
 */
export function whenIdle(fn: () => void, { timeout, fallback }: { timeout: number; fallback: number }): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = window.setTimeout(fn, fallback);
  return () => window.clearTimeout(id);
}
