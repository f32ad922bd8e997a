"use client";

import { useCallback, useSyncExternalStore } from "react";

const RECENT_LIMIT = 8;
const NONE: readonly string[] = [];

/** Where localStorage is unavailable (private mode, quota), recent codes last for this page. */
const memory = new Map<string, readonly string[]>();
/** Keys whose last write to localStorage failed: the in-memory list is the newer one. */
const unsaved = new Set<string>();
const listeners = new Set<() => void>();
/** Parsed lists by their raw stored string, so a snapshot is the same array until it changes. */
let cache: { key: string; raw: string | null; ids: readonly string[] } | null = null;

function read(key: string): readonly string[] {
  if (unsaved.has(key)) return memory.get(key) ?? NONE;
  let raw: string | null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? NONE;
  }
  if (cache && cache.key === key && cache.raw === raw) return cache.ids;
  let ids: readonly string[] = memory.get(key) ?? NONE;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) ids = parsed.filter((x): x is string => typeof x === "string");
  } catch {
    // unreadable entry: keep what this page knows
  }
  cache = { key, raw, ids };
  return ids;
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener("storage", onChange); // another tab coded meanwhile
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The codes used last in this project (most recent first), kept in localStorage. */
export function useRecentCodes(projectId: string): [recent: readonly string[], remember: (codeId: string) => void] {
  const key = `juncture-recent-codes:${projectId}`;
  // The server renders no recent codes; the browser's list replaces it right after hydration.
  const recent = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => NONE,
  );
  const remember = useCallback(
    (codeId: string) => {
      const next = [codeId, ...read(key).filter((x) => x !== codeId)].slice(0, RECENT_LIMIT);
      memory.set(key, next);
      try {
        localStorage.setItem(key, JSON.stringify(next));
        unsaved.delete(key);
      } catch {
        unsaved.add(key);
        // storage unavailable: the in-memory list serves this page
      }
      for (const l of listeners) l();
    },
    [key],
  );
  return [recent, remember];
}
