"use client";

import type { MouseEvent as ReactMouseEvent } from "react";
import type { PositionMap } from "./positions";
import type { PendingSpan, ReaderSentence } from "./types";

/**
 * The pointer on the text: a sentence handle opens the picker for its sentence (Shift/Alt-click
 * applies the last code used), a click on coded text selects the innermost coding and walks
 * through the overlapping ones on further clicks, a click elsewhere deselects; drags are
 * left to useTextSelection.
 */
export function useTextPointer(o: {
  map: PositionMap;
  sentenceById: ReadonlyMap<string, ReaderSentence>;
  selectedRef: { readonly current: string | null };
  select: (id: string | null) => void;
  /** False for a viewer: sentence handles then open nothing. */
  canCode: boolean;
  startDrag: () => void;
  /** Codes the last used code at once (Shift/Alt on a handle), if there is one. */
  codeWithLast: ((span: PendingSpan) => void) | null;
  openForSentence: (span: PendingSpan, ordinal: number, at: { top: number; right: number; height: number }) => void;
  handleTitle: (ordinal: string) => string;
}) {
  const onMouseDown = (e: ReactMouseEvent) => {
    if ((e.target as HTMLElement).closest("[data-unit-handle]")) {
      e.preventDefault(); // a handle click must not start a text selection
      return;
    }
    if (e.button === 0) o.startDrag();
  };

  const onMouseOver = (e: ReactMouseEvent) => {
    const h = (e.target as HTMLElement).closest<HTMLElement>("[data-unit-handle]");
    if (h && !h.title && o.canCode) h.title = o.handleTitle(h.getAttribute("data-ordinal") ?? "");
  };

  const onClick = (e: ReactMouseEvent) => {
    const target = e.target as HTMLElement;
    const handle = target.closest<HTMLElement>("[data-unit-handle]");
    if (handle) {
      if (!o.canCode) return;
      const u = o.sentenceById.get(handle.getAttribute("data-unit-handle") ?? "");
      if (!u) return;
      const span: PendingSpan = { start: u.start, end: u.end, quote: o.map.slice(u.start, u.end), unitId: u.id };
      if ((e.shiftKey || e.altKey) && o.codeWithLast) return o.codeWithLast(span);
      const r = handle.getBoundingClientRect();
      return o.openForSentence(span, u.ordinal, { top: r.top, right: r.right, height: r.height });
    }
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // a drag selection, handled by useTextSelection
    const coded = target.closest<HTMLElement>("[data-coding-ids]");
    if (!coded) return o.select(null);
    // Innermost coding first; clicking again walks through the overlapping ones.
    const ids = (coded.getAttribute("data-coding-ids") ?? "").split(" ").filter(Boolean).reverse();
    const at = o.selectedRef.current ? ids.indexOf(o.selectedRef.current) : -1;
    o.select(ids[(at + 1) % ids.length] ?? null);
  };

  return { onMouseDown, onMouseOver, onClick };
}
