"use client";

import { useCallback, useEffect, useState } from "react";

const RECENT_LIMIT = 8;

/** The codes used last in this project (most recent first), kept in localStorage. */
export function useRecentCodes(projectId: string): [recent: string[], remember: (codeId: string) => void] {
  const [recent, setRecent] = useState<string[]>([]);
  const key = `juncture-recent-codes:${projectId}`;

  useEffect(() => {
    try {
      const raw = localStorage.getItem(key);
      const ids = raw ? (JSON.parse(raw) as unknown) : [];
      if (Array.isArray(ids)) setRecent(ids.filter((x): x is string => typeof x === "string"));
    } catch {
      // ignore unreadable storage
    }
  }, [key]);

  const remember = useCallback(
    (codeId: string) => {
      setRecent((r) => {
        const next = [codeId, ...r.filter((x) => x !== codeId)].slice(0, RECENT_LIMIT);
        try {
          localStorage.setItem(key, JSON.stringify(next));
        } catch {
          // storage unavailable: recent codes last for this page only
        }
        return next;
      });
    },
    [key],
  );
  return [recent, remember];
}
