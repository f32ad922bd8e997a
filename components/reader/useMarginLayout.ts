"use client";

import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { useLatest } from "./useLatest";
import { MarginRenderer, type CpWindow } from "./margin";
import type { PositionMap } from "./positions";
import { markReaderReady, resetReaderReady } from "./readiness";
import type { ReaderCoding } from "./types";
import { paragraphsInBand, renderedAround } from "./viewport";

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
 * Bars are drawn for the paragraphs the browser has rendered within DRAW viewport heights
 * above and below the viewport, and for those on screen. The margin is laid out again when
 * a scroll or newly rendered paragraphs bring the viewport near the edge of the drawn ones;
 * deciding that reads nothing from the page, so a fast scroll forces no layout of its own,
 * and no layout measures text the browser has not laid out anyway.
 */
const DRAW = 1.5;
/**
 * A new layout once the viewport comes within KEEP viewport heights of the drawn
 * paragraphs' edge, so bars are in place before their text scrolls into view, yet a
 * scroll lays the margin out every quarter screen at most.
 */
const KEEP = 0.25;

/** Whether the viewport, widened by KEEP above and below, lies within the drawn paragraphs (unbounded at the text's ends). */
function viewportDrawn(d: Drawn): boolean {
  const margin = KEEP * window.innerHeight;
  const top = d.textStart ? -Infinity : d.top;
  const bottom = d.textEnd ? Infinity : d.bottom;
  return window.scrollY - margin >= top && window.scrollY + window.innerHeight + margin <= bottom;
}

type Band = { first: number; last: number };
/**
 * The first and last drawn paragraphs, where they were (document coordinates) when the
 * margin was laid out, and whether they are the text's first and last.
 */
type Drawn = { first: Element | null; top: number; last: Element | null; bottom: number; textStart: boolean; textEnd: boolean };
const NOTHING_DRAWN: Drawn = { first: null, top: 0, last: null, bottom: 0, textStart: false, textEnd: false };

/**
 * The margin beside the text, laid out for the codings near the viewport: on mount (the
 * moment the reader becomes ready), when the codings change, when the text reflows or a
 * paragraph takes its real height (the host resizes), when scrolling brings other
 * paragraphs near and when the browser renders more of them. Every layout measures only
 * rendered paragraphs in the band, so neither opening nor scrolling lays out more text
 * than the browser shows.
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
  /**
   * The paragraphs whose text the browser has rendered, as its content-visibility events
   * report them (asking an element with checkVisibility() makes the browser update style
   * and layout first, which cost more than the measuring it would spare).
   */
  const rendered = useRef(new WeakSet<Element>());
  /** What the margin was last laid out for: the codings, the paragraphs drawn and the host's size. */
  const laidOut = useRef<{ codings: readonly ReaderCoding[] | null; drawn: Drawn; width: number; height: number }>({
    codings: null,
    drawn: NOTHING_DRAWN,
    width: -1,
    height: -1,
  });

  /**
   * The rendered paragraphs within DRAW viewport heights of the viewport, with those on
   * screen, and where they are on the page (null when no paragraph is that near).
   */
  const paragraphsNear = useCallback((): { band: Band; drawn: Drawn } | null => {
    const dom = editorRef.current?.view.dom;
    if (!dom) return null;
    const h = window.innerHeight;
    // An array, not `dom.children[i]`: an HTMLCollection read out of order walks the
    // siblings from the last one it returned (seconds over a scroll of a long text).
    const paragraphs = Array.from(dom.children);
    const count = Math.min(map.paragraphCount, paragraphs.length);
    const rectOf = (i: number) => paragraphs[i]?.getBoundingClientRect() ?? { top: 0, bottom: 0 };
    const limit = paragraphsInBand(count, rectOf, { top: -DRAW * h, bottom: (1 + DRAW) * h });
    if (!limit) return null;
    // No paragraph on screen (the text starts below it or ended above it): the nearest one.
    const below = rectOf(limit.first).top >= h;
    const core = paragraphsInBand(count, rectOf, { top: 0, bottom: h }) ?? (below ? { first: limit.first, last: limit.first } : { first: limit.last, last: limit.last });
    const shown = rendered.current;
    const band = renderedAround(core, limit, (i) => {
      const p = paragraphs[i];
      return p !== undefined && shown.has(p);
    });
    const y = window.scrollY;
    const drawn = {
      first: paragraphs[band.first] ?? null,
      top: rectOf(band.first).top + y,
      last: paragraphs[band.last] ?? null,
      bottom: rectOf(band.last).bottom + y,
      textStart: band.first === 0,
      textEnd: band.last === count - 1,
    };
    return { band, drawn };
  }, [editorRef, map]);

  const layoutNow = useCallback(() => {
    cancelAnimationFrame(frame.current);
    const ed = editorRef.current;
    const host = hostRef.current;
    if (!rendererRef.current && marginRef.current) rendererRef.current = new MarginRenderer(marginRef.current, (c) => barLabelRef.current(c));
    const renderer = rendererRef.current;
    if (!ed || !renderer || !host) return;
    const first = !readyRef.current;
    if (first) performance.mark("juncture:reader:margin-start");
    const found = paragraphsNear();
    const band = found?.band;
    const near: CpWindow = band ? { start: map.paragraphSpan(band.first).start, end: map.paragraphSpan(band.last).end } : { start: 0, end: 0 };
    renderer.layout(ed.view, map, codingsRef.current, map.paragraphCount === 0 ? null : near);
    renderer.setSelected(selectedRef.current);
    const width = host.clientWidth;
    if (width !== laidOut.current.width) setCharsPerLine(host, ed.view.dom.firstElementChild);
    // Read after the layout's own reads, while layout is clean (the bars' writes come later).
    laidOut.current = {
      codings: codingsRef.current,
      drawn: found?.drawn ?? NOTHING_DRAWN,
      width,
      height: host.clientHeight,
    };
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

  const scheduleLayoutRef = useLatest(() => {
    if (readyRef.current) scheduleLayout();
  });

  useEffect(() => {
    if (editor && readyRef.current && laidOut.current.codings !== codings) scheduleLayout();
  }, [editor, codings, scheduleLayout]);

  useEffect(() => {
    rendererRef.current?.setSelected(selectedId);
  }, [selectedId]);

  useEffect(() => {
    const host = hostRef.current;
    if (!editor || !host) return;
    // The text reflowed, or a paragraph took its real height in place of its placeholder,
    // which moves the bars below it. (Sizes compared with those of the last layout, so the
    // margin's own writes do not loop.) A scroll renders paragraphs beyond the drawn ones
    // every frame; those move no bar, so the drawn edges are checked first: observers run
    // after the browser's layout, so reading boxes here forces none.
    const ro = new ResizeObserver(() => {
      const last = laidOut.current;
      if (host.clientWidth !== last.width) return scheduleLayout();
      if (host.clientHeight === last.height) return;
      const y = window.scrollY;
      const { first, top, last: lastEl, bottom } = last.drawn;
      const moved =
        !first || !lastEl || Math.abs(first.getBoundingClientRect().top + y - top) > 0.5 || Math.abs(lastEl.getBoundingClientRect().bottom + y - bottom) > 0.5;
      if (moved) scheduleLayout();
      else last.height = host.clientHeight;
    });
    ro.observe(host);
    // A scroll near the edge of the drawn paragraphs lays the margin out (compared with the
    // place saved by the last layout: nothing is read from the page). Paragraphs resized
    // since then resized the host, which the observer above handles.
    const onScroll = () => {
      if (!viewportDrawn(laidOut.current.drawn)) scheduleLayout();
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
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", scheduleLayout);
    };
  }, [editor, hostRef, scheduleLayout]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // The browser rendered a paragraph it skipped (it came near the viewport): its codings
    // can be drawn now, which matters when the viewport is near the drawn edge; or it
    // skipped one again. Listened to from the first commit, before the editor mounts, so
    // the first reports are not missed. (The event does not bubble: caught on the way down.)
    const onRenderedChange = (e: Event) => {
      const skipped = (e as Event & { skipped?: boolean }).skipped;
      if (!(e.target instanceof Element) || skipped === undefined) return;
      if (skipped) {
        rendered.current.delete(e.target);
      } else {
        rendered.current.add(e.target);
        if (!viewportDrawn(laidOut.current.drawn)) scheduleLayoutRef.current();
      }
    };
    host.addEventListener("contentvisibilityautostatechange", onRenderedChange, { capture: true });
    return () => host.removeEventListener("contentvisibilityautostatechange", onRenderedChange, { capture: true });
  }, [hostRef, scheduleLayoutRef]);

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
