/**
 * The reader's test and benchmark hooks, in one place: `window.__junctureReaderReady`
 * turns true when the reader is interactive — editor mounted, the highlights of the first
 * screens drawn (where a document opens; the rest follow in idle time, see useReaderEditor),
 * the margin laid out for the codings near the viewport, event handlers attached — and
 * `__junctureReaderReadyMs` records performance.now() at that moment
 * (bench/reader.ts, tests/browser/reader.test.ts and docs/benchmarks.md rely on both).
 */

declare global {
  interface Window {
    __junctureReaderReady?: boolean;
    __junctureReaderReadyMs?: number;
  }
}

export function markReaderReady(): void {
  performance.mark("juncture:reader:ready");
  window.__junctureReaderReady = true;
  window.__junctureReaderReadyMs = performance.now();
}

/** A new document is loading (or the reader left): the flag must not speak for it. */
export function resetReaderReady(): void {
  window.__junctureReaderReady = false;
}
