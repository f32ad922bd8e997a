"use client";

import type { Editor } from "@tiptap/core";
import { useCallback, useRef, useState } from "react";
import type { OverlayInput } from "./decorations";
import type { PositionMap } from "./positions";
import type { ReaderCoding } from "./types";

const FLASH_MS = 1_300;
/** A passage opened from a link stays marked a little longer: the eye has to find it first. */
const LINK_FLASH_MS = 3_000;

/**
 * Bringing a coding into view: scroll to it, select it and flash it; walk through one
 * code's passages (the side panel's "jump") or through the codings whose anchors moved.
 */
export function useJumpToCoding(o: {
  editorRef: { readonly current: Editor | null };
  map: PositionMap;
  codingsRef: { readonly current: readonly ReaderCoding[] };
  anchorIssues: readonly ReaderCoding[];
  select: (id: string | null) => void;
  /** Puts the whole text in the editor (a long one is still being added after opening). */
  completeText: { readonly current: () => void };
}) {
  const { editorRef, map, codingsRef, anchorIssues, select, completeText } = o;
  const [flash, setFlash] = useState<OverlayInput["flash"]>(null);
  const [jump, setJump] = useState<{ codeId: string; index: number; total: number } | null>(null);
  const flashNonce = useRef(0);
  const anchorCursor = useRef(-1);

  /** Scrolls a code point into view, a third down the viewport. */
  const scrollTo = useCallback(
    (at: number) => {
      const view = editorRef.current?.view;
      if (!view) return false;
      completeText.current();
      const cp = Math.max(0, Math.min(at, map.cpCount));
      // Off-screen paragraphs are placeholders (content-visibility: auto) whose heights are
      // estimates: scroll the coding's paragraph in first, so it and its neighbours are laid
      // out, then place the coding itself a third down the viewport.
      view.dom.children[map.paragraphAt(cp)]?.scrollIntoView({ block: "start" });
      try {
        const r = view.coordsAtPos(map.cpToPos(cp), 1);
        window.scrollBy({ top: r.top - window.innerHeight / 3 });
      } catch {
        // position outside the text (orphaned): the paragraph is as close as it gets
      }
      return true;
    },
    [editorRef, map, completeText],
  );

  const flashSpan = useCallback((start: number, end: number, color: string, ms = FLASH_MS) => {
    const nonce = ++flashNonce.current;
    setFlash({ start, end, color, nonce });
    window.setTimeout(() => setFlash((f) => (f && f.nonce === nonce ? null : f)), ms);
  }, []);

  const reveal = useCallback(
    (c: ReaderCoding) => {
      if (!scrollTo(c.start)) return;
      select(c.id);
      flashSpan(c.start, c.end, c.color);
    },
    [scrollTo, select, flashSpan],
  );

  /**
   * A place another page links to (`?at=` a code point, optionally `&end=`): the coding that
   * starts there is selected; otherwise the span (or the sentence holding `at`) is flashed.
   */
  const revealAt = useCallback(
    (at: number, span: { start: number; end: number }) => {
      const c = codingsRef.current.find((x) => x.start === at && x.end === span.end) ?? codingsRef.current.find((x) => x.start === at);
      if (c) return reveal(c);
      if (scrollTo(at)) flashSpan(span.start, span.end, "#f59e0b", LINK_FLASH_MS);
    },
    [codingsRef, reveal, scrollTo, flashSpan],
  );

  /** The code's next passage (the first on a new code), wrapping around. */
  const jumpToCode = useCallback(
    (codeId: string) => {
      const list = codingsRef.current.filter((c) => c.codeId === codeId);
      const index = jump && jump.codeId === codeId ? (jump.index + 1) % Math.max(1, list.length) : 0;
      const c = list[index];
      if (!c) return;
      setJump({ codeId, index, total: list.length });
      reveal(c);
    },
    [codingsRef, jump, reveal],
  );

  const showAnchorIssues = useCallback(() => {
    if (anchorIssues.length === 0) return;
    anchorCursor.current = (anchorCursor.current + 1) % anchorIssues.length;
    const c = anchorIssues[anchorCursor.current];
    if (c) reveal(c);
  }, [anchorIssues, reveal]);

  return { flash, jump, reveal, revealAt, jumpToCode, showAnchorIssues };
}
