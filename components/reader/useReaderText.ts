"use client";

import { useCallback, useEffect, useState } from "react";
import { api } from "./api";
import { resetReaderReady } from "./readiness";
import type { PackedText } from "./wire";

type TextState = { url: string; value: PackedText | null; error: string | null };

/**
 * The document's text and units, fetched from `url` (readerTextUrl) once the reader has
 * hydrated. The page preloads the same URL, so the request is usually answered already,
 * from the network while the scripts started or from the browser's cache (the route marks
 * a document's text cacheable for good). On failure: the server's reason, and `retry`.
 */
export function useReaderText(url: string): [TextState, () => void] {
  const [state, setState] = useState<TextState>({ url, value: null, error: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    performance.mark("juncture:reader:hydrated");
    resetReaderReady();
    let live = true;
    api.text(url).then(
      (value) => live && setState({ url, value, error: null }),
      (e: unknown) => live && setState({ url, value: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [url, attempt]);
  const retry = useCallback(() => {
    setState({ url, value: null, error: null });
    setAttempt((n) => n + 1);
  }, [url]);
  // A new URL (another document) shows nothing of the previous one while it loads.
  return [state.url === url ? state : { url, value: null, error: null }, retry];
}
