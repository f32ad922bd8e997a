"use client";

import { useEffect } from "react";
import { useLatest } from "./useLatest";
import type { ResizeEdge, ResizeStep } from "./codings";
import type { PendingSpan, PickerCode } from "./types";

function isTyping(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && !!t.closest("input, textarea, select, [contenteditable='true']");
}

export type ShortcutHandlers = {
  /** A viewer's reader: only Escape (deselect) works; every key that would change a coding is left alone. */
  readOnly: boolean;
  /** Whether the code picker is open (it handles its own keys). */
  pickerOpen: () => boolean;
  /** The span waiting for a code, else the live text selection. */
  pendingSpan: () => PendingSpan | null;
  selectedId: () => string | null;
  pinnedCode: (n: number) => PickerCode | undefined;
  undo: () => void;
  codeSpan: (code: PickerCode, span: PendingSpan) => void;
  resize: (edge: ResizeEdge, delta: -1 | 1, step: ResizeStep) => void;
  remove: (id: string) => void;
  recode: (id: string) => void;
  deselect: () => void;
};

/**
 * The reader's keyboard: Ctrl/⌘+Z undo; 1–9 code the selection with a pinned code; on a
 * selected coding, Shift+arrows resize (Alt: the start edge; up/down by sentence),
 * Delete/Backspace delete, Enter re-code, Escape deselect. Keys typed into inputs are left alone.
 */
export function useReaderShortcuts(handlers: ShortcutHandlers): void {
  const h = useLatest(handlers);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const on = h.current;
      const typing = isTyping(e.target);
      if (on.readOnly) {
        if (e.key === "Escape" && !typing) on.deselect();
        return;
      }
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "z") {
        if (typing) return;
        e.preventDefault();
        on.undo();
        return;
      }
      if (typing || on.pickerOpen()) return;
      const mods = e.ctrlKey || e.metaKey || e.altKey;
      if (/^[1-9]$/.test(e.key) && !mods) {
        // A selection that is still there after the picker was dismissed codes directly.
        const p = on.pendingSpan();
        const code = on.pinnedCode(Number(e.key));
        if (p && code) {
          e.preventDefault();
          on.codeSpan(code, { start: p.start, end: p.end, quote: p.quote, unitId: p.unitId });
          return;
        }
        if (p) return;
      }
      const id = on.selectedId();
      if (!id) return;
      if (e.shiftKey && !e.ctrlKey && !e.metaKey && e.key.startsWith("Arrow")) {
        e.preventDefault();
        const delta = e.key === "ArrowLeft" || e.key === "ArrowUp" ? -1 : 1;
        const step = e.key === "ArrowUp" || e.key === "ArrowDown" ? "sentence" : "char";
        on.resize(e.altKey ? "start" : "end", delta, step);
      } else if ((e.key === "Delete" || e.key === "Backspace") && !mods) {
        e.preventDefault();
        on.remove(id);
      } else if (e.key === "Escape") {
        on.deselect();
      } else if (e.key === "Enter" && !mods) {
        e.preventDefault();
        on.recode(id);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [h]);
}
