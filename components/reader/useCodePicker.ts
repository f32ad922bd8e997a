"use client";

import type { Editor } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState, type RefObject } from "react";
import type { PickerAnchor } from "./CodePicker";
import { shorten } from "./codings";
import type { PositionMap } from "./positions";
import type { PendingSpan, ReaderCoding } from "./types";

export type PickerState = { mode: "create" | "recode"; anchor: PickerAnchor; codingId?: string; heading: string };
type Rect = { top: number; right: number; height: number };

/**
 * The code picker and the span waiting for a code: opened at a text selection, at a
 * sentence's handle, or at a coding to re-code it; anchored relative to the stage.
 */
export function useCodePicker(o: {
  stageRef: RefObject<HTMLDivElement | null>;
  editorRef: { readonly current: Editor | null };
  map: PositionMap;
}) {
  const { stageRef, editorRef, map } = o;
  const t = useTranslations("reader.picker");
  const [picker, setPicker] = useState<PickerState | null>(null);
  const [pending, setPending] = useState<PendingSpan | null>(null);
  const pickerRef = useRef(picker);
  pickerRef.current = picker;
  const pendingRef = useRef(pending);
  pendingRef.current = pending;

  const anchorFrom = useCallback(
    (r: Rect): PickerAnchor => {
      const stage = stageRef.current?.getBoundingClientRect() ?? { top: 0, left: 0 };
      return { top: r.top - stage.top, left: r.right - stage.left, height: r.height };
    },
    [stageRef],
  );

  const close = useCallback(() => {
    setPicker(null);
    setPending(null);
  }, []);

  /** A new text selection (kept when it is the span the picker is already open for). */
  const openForSelection = useCallback(
    (s: PendingSpan & { rect: Rect }) => {
      const p = pendingRef.current;
      if (p && !p.unitId && p.start === s.start && p.end === s.end && pickerRef.current) return;
      setPending({ start: s.start, end: s.end, quote: s.quote });
      setPicker({ mode: "create", anchor: anchorFrom(s.rect), heading: t("codeSelection", { quote: shorten(s.quote) }) });
    },
    [anchorFrom, t],
  );

  const openForSentence = useCallback(
    (span: PendingSpan, ordinal: number, at: Rect) => {
      setPending(span);
      setPicker({
        mode: "create",
        anchor: anchorFrom(at),
        heading: t("codeSentence", { n: ordinal + 1, quote: shorten(span.quote) }),
      });
    },
    [anchorFrom, t],
  );

  const openRecode = useCallback(
    (c: ReaderCoding) => {
      let anchor: PickerAnchor = { top: 0, left: 0, height: 0 };
      try {
        const r = editorRef.current?.view.coordsAtPos(map.cpToPos(Math.min(c.end, map.cpCount), "end"), -1);
        if (r) anchor = anchorFrom({ top: r.top, right: r.right, height: r.bottom - r.top });
      } catch {
        // keep the default anchor
      }
      setPending(null);
      setPicker({ mode: "recode", codingId: c.id, anchor, heading: t("recode", { code: c.shortName, quote: shorten(c.quote) }) });
    },
    [editorRef, map, anchorFrom, t],
  );

  return { picker, pickerRef, pending, pendingRef, close, openForSelection, openForSentence, openRecode };
}
