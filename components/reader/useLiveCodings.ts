"use client";

import { useEffect } from "react";
import { api } from "./api";
import type { ReaderCoding } from "./types";
import { useLatest } from "./useLatest";

/** How often an open, visible reader asks whether the document's codings changed. */
export const LIVE_POLL_MS = 1_500;

/**
 * The live view: while the page is visible, the reader asks every LIVE_POLL_MS whether the
 * document's codings changed (a fingerprint the server compares: count, latest edit, versions),
 * and takes the new list when they did — so another coder's work appears within two seconds,
 * without a reload and without touching what this reader is changing (see syncFromServer).
 * A failed poll (network) is simply tried again at the next interval.
 */
export function useLiveCodings(o: {
  documentId: string;
  changeMark: () => number;
  syncFromServer: (fresh: readonly ReaderCoding[], mark: number) => boolean;
}): void {
  const latest = useLatest(o);
  const { documentId } = o;
  useEffect(() => {
    let stopped = false;
    let timer = 0;
    let fingerprint: string | undefined;
    const tick = async () => {
      if (document.visibilityState === "visible") {
        const mark = latest.current.changeMark();
        try {
          const r = await api.codingsSince(documentId, fingerprint);
          if (stopped) return;
          // Remember the fingerprint only once its list is taken: a refused list is fetched again.
          if (r.codings === null || latest.current.syncFromServer(r.codings, mark)) fingerprint = r.fingerprint;
        } catch {
          // unreachable server: the next tick tries again
        }
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), LIVE_POLL_MS);
    };
    timer = window.setTimeout(() => void tick(), LIVE_POLL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [documentId, latest]);
}
