"use client";

import { useLayoutEffect, useRef } from "react";

/**
 * A ref that always holds the latest `value`, for listeners and callbacks registered once
 * (window events, editor callbacks). Written after each commit, in a layout effect, because
 * React forbids writing refs during render; layout effects run before any event or
 * effect that reads it.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
