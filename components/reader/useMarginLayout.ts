"use client";

import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { useLatest } from "./useLatest";
import { MarginRenderer, type CpWindow } from "./margin";
import type { PositionMap } from "./positions";
import { markReaderReady, resetReaderReady } from "./readiness";
import type { ReaderCoding } from "./types";
import { paragraphsInBand } from "./viewport";

/** reader.css's default for --cpl (characters per line of a paragraph). */
const DEFAULT_CPL = 36;

/**
 * Tells reader.css how many characters fit on a line of the text column, for its estimate
 * of an unrendered paragraph's height. Written only when it differs from the value in
 * place: a change restyles every paragraph.
 */
function setCharsPerLine(host: HTMLElement, paragraph: Element | null): void {
  if (!paragraph) return;
  const em = parseFloat(getComputedStyle(paragraph).fontSize) || 16;
  const cpl = Math.max(8, Math.floor(host.clientWidth / em));
  const current = Number(host.style.getPropertyValue("--cpl")) || DEFAULT_CPL;
  if (cpl !== current) host.style.setProperty("--cpl", String(cpl));
}

/**
 * Bars are drawn for the paragraphs within DRAW viewport heights above and below the
 * viewport; scrolling lays the margin out again only once the paragraphs within KEEP
 * viewport heights are no longer all drawn, so a fast scroll re-measures every couple of
 * screens rather than every frame.
 */
const DRAW = 1.5;
const KEEP = 0.5;

type Band = { first: number; last: number };

/**
 * The margin beside the text, laid out for the codings near the viewport: on mount (the
 * moment the reader becomes ready), when the codings change, when the text reflows or a
 * paragraph takes its real height (the host resizes), and when scrolling brings other
 * paragraphs near. Every layout measures only the paragraphs in the band, so neither
 * opening nor scrolling lays out the whole text.
 */
export function useMarginLayout(o: {
  editor: Editor | null;
  editorRef: { readonly current: Editor | null };
  hostRef: RefObject<HTMLDivElement | null>;
  marginRef: RefObject<HTMLDivElement | null>;
  map: PositionMap;
  codings: readonly ReaderCoding[];
  selectedId: string | null;
  /** A bar's accessible name (code, label, anchor state), in the interface language. */
  barLabel: (c: ReaderCoding) => string;
}) {
  const { editor, editorRef, hostRef, marginRef, map, codings, selectedId } = o;
  const barLabelRef = useLatest(o.barLabel);
  const [ready, setReady] = useState(false);
  const rendererRef = useRef<MarginRenderer | null>(null);
  const frame = useRef(0);
  const readyRef = useRef(false);
  // Latest values for layouts scheduled from observers.
  const codingsRef = useLatest(codings);
  const selectedRef = useLatest(selectedId);
  /** What the margin was last laid out for: the codings, the paragraphs drawn and the host's size. */
  const laidOut = useRef<{ codings: readonly ReaderCoding[] | null; band: Band | null; width: number; height: number }>({
    codings: null,
    band: null,
    width: -1,
    height: -1,
  });

  /** The paragraphs within `margin` viewport heights of the viewport (null when none). */
  const paragraphsNear = useCallback(
    (margin: number): Band | null => {
      const dom = editorRef.current?.view.dom;
      if (!dom) return null;
      const h = window.innerHeight;
      return paragraphsInBand(
        Math.min(map.paragraphCount, dom.children.length),
        (i) => dom.children[i]?.getBoundingClientRect() ?? { top: 0, bottom: 0 },
        { top: -margin * h, bottom: (1 + margin) * h },
      );
    },
    [editorRef, map],
  );

  const layoutNow = useCallback(() => {
    cancelAnimationFrame(frame.current);
    const ed = editorRef.current;
    const host = hostRef.current;
    if (!rendererRef.current && marginRef.current) rendererRef.current = new MarginRenderer(marginRef.current, (c) => barLabelRef.current(c));
    const renderer = rendererRef.current;
    if (!ed || !renderer || !host) return;
    const first = !readyRef.current;
    if (first) performance.mark("juncture:reader:margin-start");
    const band = paragraphsNear(DRAW);
    const near: CpWindow = band ? { start: map.paragraphSpan(band.first).start, end: map.paragraphSpan(band.last).end } : { start: 0, end: 0 };
    renderer.layout(ed.view, map, codingsRef.current, map.paragraphCount === 0 ? null : near);
    renderer.setSelected(selectedRef.current);
    const width = host.clientWidth;
    if (width !== laidOut.current.width) setCharsPerLine(host, ed.view.dom.firstElementChild);
    // Read after the layout's own reads, while layout is clean (the bars' writes come later).
    laidOut.current = { codings: codingsRef.current, band, width, height: host.clientHeight };
    if (first) {
      readyRef.current = true;
      markReaderReady();
      setReady(true);
    }
  }, [editorRef, hostRef, marginRef, map, paragraphsNear, codingsRef, selectedRef, barLabelRef]);

  const scheduleLayout = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(layoutNow);
  }, [layoutNow]);

  useEffect(() => {
    if (editor && readyRef.current && laidOut.current.codings !== codings) scheduleLayout();
  }, [editor, codings, scheduleLayout]);

  useEffect(() => {
    rendererRef.current?.setSelected(selectedId);
  }, [selectedId]);

  useEffect(() => {
    const host = hostRef.current;
    if (!editor || !host) return;
    // The text reflowed or a paragraph took its real height in place of its placeholder:
    // the bars below it moved. (Sizes compared with those of the last layout, so the
    // margin's own writes do not loop.)
    const ro = new ResizeObserver(() => {
      const last = laidOut.current;
      if (host.clientWidth !== last.width || host.clientHeight !== last.height) scheduleLayout();
    });
    ro.observe(host);
    let scrollFrame = 0;
    const onScroll = () => {
      if (scrollFrame) return;
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        const keep = paragraphsNear(KEEP);
        const drawn = laidOut.current.band;
        if (keep && !(drawn && drawn.first <= keep.first && keep.last <= drawn.last)) layoutNow();
      });
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", scheduleLayout);
    // A web font arriving after the first layout moves the text.
    let live = true;
    const fontsLoaded = !document.fonts || document.fonts.status === "loaded";
    void document.fonts?.ready.then(() => {
      if (live && !fontsLoaded) scheduleLayout();
    });
    return () => {
      live = false;
      ro.disconnect();
      cancelAnimationFrame(scrollFrame);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", scheduleLayout);
    };
  }, [editor, hostRef, scheduleLayout, layoutNow, paragraphsNear]);

  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      // Leaving this document (client-side navigation): the flag must not speak for the next one.
      resetReaderReady();
    },
    [],
  );

  /** Drops the bars (the editor they measured is gone). */
  const clear = useCallback(() => {
    rendererRef.current?.clear();
    readyRef.current = false;
  }, []);

  return { ready, layoutNow, clear };
}
