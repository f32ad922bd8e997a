"use client";

import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useRef } from "react";
import type { PositionMap } from "./positions";
import { useLatest } from "./useLatest";
import type { PendingSpan } from "./types";

export type SelectedSpan = PendingSpan & { rect: DOMRect };

/**
 * The user's text selection in the editor as a code-point span. `onSpan` is called when a
 * selection is finished (mouse released, or the selection settled after keyboard or
 * programmatic changes); `mouseDown` marks a drag in progress (the host's onMouseDown).
 */
export function useTextSelection(o: {
  editorRef: { readonly current: Editor | null };
  map: PositionMap;
  onSpan: (s: SelectedSpan) => void;
}) {
  const { editorRef, map } = o;
  const mouseDownRef = useRef(false);
  const onSpanRef = useLatest(o.onSpan);

  /**
   * The DOM selection inside the editor as a code-point span: DOM point → ProseMirror
   * position (posAtDOM) → code points (PositionMap), trimmed of surrounding whitespace.
   * A selection across paragraphs maps each end on its own, so the separator between
   * them counts exactly once, as in the stored text.
   */
  const spanFromDomSelection = useCallback((): SelectedSpan | null => {
    const view = editorRef.current?.view;
    const sel = window.getSelection();
    if (!view || !sel || sel.rangeCount === 0 || sel.isCollapsed || !sel.anchorNode || !sel.focusNode) return null;
    if (!view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null;
    let a: number;
    let b: number;
    try {
      a = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
      b = view.posAtDOM(sel.focusNode, sel.focusOffset);
    } catch {
      return null;
    }
    let { start, end } = map.rangeToCp(a, b);
    while (start < end && /\s/u.test(map.slice(start, start + 1))) start++;
    while (end > start && /\s/u.test(map.slice(end - 1, end))) end--;
    if (start >= end) return null;
    const range = sel.getRangeAt(0);
    const rects = range.getClientRects();
    const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
    return { start, end, quote: map.slice(start, end), rect };
  }, [editorRef, map]);

  useEffect(() => {
    let timer = 0;
    const read = () => {
      const s = spanFromDomSelection();
      if (s) onSpanRef.current(s);
    };
    const onSelectionChange = () => {
      if (mouseDownRef.current) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(read, 120);
    };
    const onMouseUp = () => {
      if (!mouseDownRef.current) return;
      mouseDownRef.current = false;
      window.clearTimeout(timer);
      timer = window.setTimeout(read, 0);
    };
    document.addEventListener("selectionchange", onSelectionChange);
    window.addEventListener("mouseup", onMouseUp);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("selectionchange", onSelectionChange);
      window.removeEventListener("mouseup", onMouseUp);
    };
  }, [spanFromDomSelection, onSpanRef]);

  /** The host's onMouseDown: a drag starts, the selection is read when the mouse is released. */
  const startDrag = useCallback(() => {
    mouseDownRef.current = true;
  }, []);

  return { spanFromDomSelection, startDrag };
}
