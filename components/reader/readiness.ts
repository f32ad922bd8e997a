/**
 * The reader's test and benchmark hooks, in one place: `window.__junctureReaderReady`
 * turns true when the reader is interactive — editor mounted, the highlights of the first
 * screens drawn (where a document opens; the rest follow in idle time, see useReaderEditor),
 * the margin laid out for the codings near the viewport, event handlers attached — and
 * `__junctureReaderReadyMs` records performance.now() at that moment
 * (bench/reader.ts, tests/browser/reader.test.ts and docs/benchmarks.md rely on both).
 * A long text opens with its first screens in the editor and the rest added in idle time
 * right after (useReaderEditor): `__junctureReaderTextComplete` turns true once all of it is.
 */

declare global {
  interface Window {
    __junctureReaderReady?: boolean;
    __junctureReaderReadyMs?: number;
    __junctureReaderTextComplete?: boolean;
  }
}

export function markReaderReady(): void {
  performance.mark("juncture:reader:ready");
  window.__junctureReaderReady = true;
  window.__junctureReaderReadyMs = performance.now();
}

/** The editor holds the whole text (browser find and copy see all of it). */
export function markTextComplete(): void {
  performance.mark("juncture:reader:text-complete");
  window.__junctureReaderTextComplete = true;
}

/** A new document is loading (or the reader left): the flags must not speak for it. */
export function resetReaderReady(): void {
  window.__junctureReaderReady = false;
  window.__junctureReaderTextComplete = false;
}
