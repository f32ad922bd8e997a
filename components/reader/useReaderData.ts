"use client";

import { useCallback, useEffect, useState } from "react";
import { api } from "./api";
import { resetReaderReady } from "./readiness";
import type { PackedCodings, PackedText } from "./wire";

type DataState = { key: string; value: { text: PackedText; codings: PackedCodings } | null; error: string | null };

/**
 * The reader's data, fetched once the reader has hydrated, both at once: the document's
 * text and units from `textUrl` (readerTextUrl: the browser may keep it for good, so a
 * document opened again reads it from its cache) and its codings from `codingsUrl`
 * (readerCodingsUrl, fresh). The page preloads both URLs, so the answers are usually on their
 * way, or there, by the time the scripts ask. On failure: the server's reason, and `retry`.
 */
export function useReaderData(textUrl: string, codingsUrl: string): [DataState, () => void] {
  const key = `${textUrl} ${codingsUrl}`;
  const [state, setState] = useState<DataState>({ key, value: null, error: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    performance.mark("juncture:reader:hydrated");
    resetReaderReady();
    let live = true;
    Promise.all([api.text(textUrl), api.readerCodings(codingsUrl)]).then(
      ([text, codings]) => {
        performance.mark("juncture:reader:data-arrived");
        if (live) setState({ key, value: { text, codings }, error: null });
      },
      (e: unknown) => live && setState({ key, value: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [key, textUrl, codingsUrl, attempt]);
  const retry = useCallback(() => {
    setState({ key, value: null, error: null });
    setAttempt((n) => n + 1);
  }, [key]);
  // Another document shows nothing of the previous one while it loads.
  return [state.key === key ? state : { key, value: null, error: null }, retry];
}
