"use client";

import { useEffect, useState } from "react";
import { apiJson, failureMessage } from "@/components/api/client";

/** GET a JSON analysis; a newer URL cancels the older request, and stale answers are ignored. */
export function useAnalysisData<T>(url: string): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ url: string; data?: T; error?: string } | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    apiJson<T>(url, { signal: ctrl.signal }).then(
      (data) => setState({ url, data }),
      (e: unknown) => {
        if (!ctrl.signal.aborted) setState({ url, error: failureMessage(e) });
      },
    );
    return () => ctrl.abort();
  }, [url]);
  const current = state?.url === url ? state : null;
  // While a new request runs, the previous table stays on screen (no flicker), marked as loading.
  const shown = current ?? state;
  return { data: shown?.data ?? null, error: current?.error ?? null, loading: current === null };
}
