"use client";

import { useCallback, useSyncExternalStore } from "react";
import { whenIdle } from "./idle";

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

/**
 * Whether this page has opened localStorage yet. Chromium loads a site's whole storage area
 * on its first use (the first getItem or "storage" listener), 15–25 ms on the main thread;
 * the list matters only once the coder selects text or presses a key, so it is read at the
 * first such gesture or when the browser is idle after the reader opened, whichever comes first.
 */
let opened = false;
let scheduled = false;

function open(): void {
  if (opened) return;
  opened = true;
  window.addEventListener("storage", notify); // another tab coded meanwhile
  notify();
}

function notify(): void {
  for (const l of listeners) l();
}

function openSoon(): void {
  if (scheduled) return;
  scheduled = true;
  const gesture = { capture: true, once: true, passive: true } as const;
  window.addEventListener("pointerdown", open, gesture);
  window.addEventListener("keydown", open, gesture);
  whenIdle(open, { timeout: 1_000, fallback: 200 });
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  openSoon();
  return () => {
    listeners.delete(onChange);
  };
}

/** The codes used last in this project (most recent first), kept in localStorage. */
export function useRecentCodes(projectId: string): [recent: readonly string[], remember: (codeId: string) => void] {
  const key = `juncture-recent-codes:${projectId}`;
  // The server renders no recent codes; the browser's list replaces it once storage is open (openSoon).
  const recent = useSyncExternalStore(
    subscribe,
    () => (opened ? read(key) : NONE),
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
