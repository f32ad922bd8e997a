"use client";

import { Editor } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import Text from "@tiptap/extension-text";
import { DecorationSet, type Decoration } from "@tiptap/pm/view";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { whenIdle } from "./idle";
import { useLatest } from "./useLatest";
import {
  buildCodingDecorations,
  buildOverlayDecorations,
  codingDecorations,
  firstFrom,
  highlightPatch,
  patchCodingDecorations,
  patchStreamedDecorations,
  type OverlayInput,
} from "./decorations";
import { buildDocJson, paragraphsJson } from "./doc";
import { decorationLayer, ReaderParagraph, UnitMark } from "./extensions";
import type { PositionMap } from "./positions";
import { markTextComplete, resetReaderReady } from "./readiness";
import type { ReaderCoding, ReaderSentence } from "./types";

type Layers = { codings: ReturnType<typeof decorationLayer>; overlay: ReturnType<typeof decorationLayer> };

/**
 * Highlights drawn before the reader is ready: the codings starting in the first this many
 * code points (several screens). The rest are added afterwards in idle time, CHUNK code
 * points at a time: each decoration re-renders its stretch of text, and doing that for
 * thousands of off-screen codings before the first paint is what made opening slow.
 */
const FIRST_CHARS = 8_000;
const CHUNK = 10_000;

/**
 * The text itself opens the same way: the editor starts with the paragraphs of the first
 * FIRST_CHARS code points (and of every coding starting there), and the rest is appended
 * after it, TEXT_CHUNK code points per idle period, before any more highlights. Building
 * the DOM of a whole 100,000-character text took a fifth of opening it, for paragraphs
 * far below the screen; appending at the end moves no position, so the code-point map of
 * the whole text holds for every stage. A spacer of the estimated height stands for the
 * text still to come, so the page's length does not jump. Whatever needs a position
 * further on appends up to it first (ensureText), and a jump appends the rest (completeText).
 */
const TEXT_CHUNK = 20_000;

/** The end (code points) of the codings starting before `limit`, or `at least` if further. */
function codedEnd(codings: readonly ReaderCoding[], limit: number, atLeast: number): number {
  let end = atLeast;
  for (const c of codings) if (c.start < limit && c.end > end) end = c.end;
  return end;
}

/** The highlights of the codings that start before `limit` (code points). */
function codedUpTo(doc: Editor["state"]["doc"], map: PositionMap, codings: readonly ReaderCoding[], limit: number) {
  return buildCodingDecorations(doc, map, limit >= map.cpCount ? codings : codings.filter((c) => c.start < limit));
}

/**
 * The highlights being added chunk by chunk: every decoration of `codings` (built once,
 * in position order), the first `shown` of them in `set`. Each chunk adds its own
 * decorations to the set (DecorationSet.add keeps the untouched parts), so the whole
 * stream costs one build, not one per chunk.
 */
type Stream = { codings: readonly ReaderCoding[]; all: Decoration[]; shown: number; set: DecorationSet };

/**
 * While the reader scrolls, adding highlights waits: each chunk re-renders its stretch of
 * text and would cost a frame in the middle of the scroll (long documents stream for
 * seconds after opening). A scroll that stopped this long ago no longer holds them back.
 * They also wait while the coder selects text (a button held down, or a selection in the
 * text made less than SELECT_QUIET_MS ago): re-rendering the stretch under a selection would
 * drop it before the picker has taken its span (in code points; a selection left standing
 * does not hold the highlights back for long).
 */
const SCROLL_QUIET_MS = 150;
const SELECT_QUIET_MS = 1_000;

const idle = (fn: () => void) => whenIdle(fn, { timeout: 200, fallback: 16 });

/**
 * The read-only Tiptap editor showing the text: created once per document with the text
 * and the highlights of its first screens (the rest of both follow in idle time), mounted
 * into `hostRef` in the commit that shows the reader, and kept in step with the codings and
 * the overlay (selected coding, pending span, flash). `onMounted` runs before the browser
 * paints (the margin's first layout). `completeText` puts the rest of the text in at once.
 */
export function useReaderEditor(o: {
  map: PositionMap;
  sentences: readonly ReaderSentence[];
  codings: readonly ReaderCoding[];
  /** Memoised by the caller: a new object rebuilds the overlay. */
  overlay: OverlayInput;
  hostRef: RefObject<HTMLDivElement | null>;
  /** The editor once mounted (and until destroyed); null otherwise. Shared with the other hooks. */
  editorRef: { current: Editor | null };
  onMounted: () => void;
  onDestroy: () => void;
  /** Accessible names in the interface language: the text, and a sentence handle by its number. */
  labels: { text: string; handle: (n: string) => string };
}): { editor: Editor | null; completeText: () => void } {
  const { map, sentences, codings, overlay, hostRef, editorRef, onMounted, onDestroy } = o;
  const [editor, setEditor] = useState<Editor | null>(null);
  const [layers] = useState<Layers>(() => ({ codings: decorationLayer("junctureCodings"), overlay: decorationLayer("junctureOverlay") }));
  // Updated in a layout effect declared before the mount below, so the mount sees this commit's codings.
  const codingsRef = useLatest(codings);
  const appliedRef = useRef<readonly ReaderCoding[] | null>(null);
  /** Codings starting before this code point have their highlights drawn. */
  const limitRef = useRef(FIRST_CHARS);
  /** Paragraphs in the editor's document: a prefix of the text's, all of them once complete. */
  const mountedRef = useRef(0);
  const spacerRef = useRef<HTMLDivElement | null>(null);
  const streamRef = useRef<Stream | null>(null);
  const callbacks = useLatest({ onMounted, onDestroy });
  const labels = useLatest(o.labels);

  /** Paragraphs needed for the text before `cp` to be in the editor. */
  const paragraphsTo = useCallback((cp: number) => (cp <= 0 ? 0 : Math.min(map.paragraphCount, map.paragraphAt(cp - 1) + 1)), [map]);

  /** The spacer's height: the text still to come, at the mounted text's height per code point. */
  const sizeSpacer = useCallback(
    (ed: Editor) => {
      const spacer = spacerRef.current;
      if (!spacer) return;
      const mounted = mountedRef.current;
      if (mounted >= map.paragraphCount) {
        spacer.remove();
        spacerRef.current = null;
        return;
      }
      const shownTo = map.paragraphSpan(mounted - 1).end;
      spacer.style.height = `${Math.round((ed.view.dom.offsetHeight * (map.cpCount - shownTo)) / Math.max(1, shownTo))}px`;
    },
    [map],
  );

  /** Appends paragraphs up to (not including) `to` to the mounted editor's document. */
  const appendText = useCallback(
    (ed: Editor, to: number) => {
      const from = mountedRef.current;
      if (to <= from) return;
      const nodes = paragraphsJson(map, sentences, from, to).map((json) => ed.schema.nodeFromJSON(json));
      ed.view.dispatch(ed.state.tr.insert(ed.state.doc.content.size, nodes).setMeta("addToHistory", false));
      mountedRef.current = to;
      if (to >= map.paragraphCount) markTextComplete();
      sizeSpacer(ed);
    },
    [map, sentences, sizeSpacer],
  );

  /** The text up to code point `cp` in the editor (positions before it can be drawn and measured). */
  const ensureText = useCallback(
    (ed: Editor, cp: number) => {
      if (mountedRef.current < map.paragraphCount) appendText(ed, paragraphsTo(cp));
    },
    [map, appendText, paragraphsTo],
  );

  const completeText = useCallback(() => {
    const ed = editorRef.current;
    if (ed) appendText(ed, map.paragraphCount);
  }, [editorRef, appendText, map]);

  // Created and mounted in the commit that shows the reader, before the browser paints: no
  // frame shows the reader without its text, and opening waits for no scheduled effect.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    performance.mark("juncture:reader:text-arrived");
    resetReaderReady();
    // The first render must already show highlights (and the units' handles, see UnitMark): one DOM build instead of
    // a plain render followed by two decoration passes. Tiptap's state gets its plugins only
    // at mount (reconfigure), so until then the editor-level `decorations` prop supplies the
    // prebuilt decorations, and the plugins start from the very same Decoration objects —
    // the re-render at reconfigure then finds nothing to change.
    let first: DecorationSet | null = null;
    limitRef.current = FIRST_CHARS;
    mountedRef.current = paragraphsTo(codedEnd(codingsRef.current, FIRST_CHARS, FIRST_CHARS));
    const ed = new Editor({
      element: null, // mounted below, once the first highlights are built
      extensions: [Document, ReaderParagraph, Text, UnitMark.configure({ handleLabel: (n) => labels.current.handle(n) }), layers.codings.extension, layers.overlay.extension],
      content: buildDocJson(map, sentences, mountedRef.current),
      editable: false,
      enableInputRules: false,
      enablePasteRules: false,
      // Tiptap's base styles are in reader.css (loaded with the page): a <style> element
      // injected at mount would invalidate the style of every element of a laid-out text.
      injectCSS: false,
      // Copy gives the canonical text: paragraphs joined by ONE "\n", not Tiptap's blank line.
      coreExtensionOptions: { clipboardTextSerializer: { blockSeparator: "\n" } },
      editorProps: {
        attributes: { class: "reader-editor", "aria-label": labels.current.text, "aria-readonly": "true" },
        decorations: (state) => (first && layers.codings.key.getState(state) === undefined ? first : null),
      },
    });
    const coded = codedUpTo(ed.state.doc, map, codingsRef.current, limitRef.current);
    first = coded;
    layers.codings.setInitial(coded);
    appliedRef.current = codingsRef.current;
    performance.mark("juncture:reader:editor-created");
    ed.mount(host);
    editorRef.current = ed;
    if (mountedRef.current < map.paragraphCount) {
      const spacer = document.createElement("div");
      spacer.setAttribute("aria-hidden", "true");
      spacer.dataset.testid = "reader-text-to-come";
      host.appendChild(spacer);
      spacerRef.current = spacer;
      sizeSpacer(ed);
    } else markTextComplete();
    performance.mark("juncture:reader:editor-mounted");
    // The editor is an external object destroyed with this effect; its instance is state so
    // the hooks that need it (the margin's among them) re-run once it exists, in a render
    // React does before the browser paints (a layout effect's update).
    setEditor(ed);
    const cb = callbacks.current; // onDestroy reads the margin through its own ref
    return () => {
      editorRef.current = null;
      appliedRef.current = null;
      cb.onDestroy();
      spacerRef.current?.remove();
      spacerRef.current = null;
      ed.destroy(); // removes the view's DOM
    };
  }, [map, sentences, layers, hostRef, editorRef, callbacks, codingsRef, labels, paragraphsTo, sizeSpacer]);

  // The margin's first layout, in that same render: its one forced layout is the layout the
  // browser would do for the next frame anyway.
  useLayoutEffect(() => {
    if (editor) callbacks.current.onMounted();
  }, [editor, callbacks]);

  useEffect(() => {
    const ed = editorRef.current;
    const before = appliedRef.current;
    if (!editor || !ed || before === codings) return;
    // A change redraws only the stretch it touches (a coding created in a 300,000-character
    // text with 6,000 codings must not redraw them all): in the drawn highlights once all are
    // drawn, and in the stream while they are still being added in idle time.
    const drawn = layers.codings.key.getState(ed.state);
    const st = streamRef.current;
    let next: DecorationSet | null = null;
    if (before && drawn && limitRef.current >= map.cpCount) {
      next = patchCodingDecorations(drawn, ed.state.doc, map, before, codings);
    } else if (before && st && st.codings === before && st.set === drawn) {
      const p = highlightPatch(map, before, codings);
      if (p === "unchanged") next = drawn;
      else if (p) {
        const patched = patchStreamedDecorations({ all: st.all, set: st.set, shownTo: map.cpToPos(limitRef.current) }, ed.state.doc, p);
        streamRef.current = { codings, ...patched };
        next = patched.set;
      }
    }
    if (next !== drawn) {
      // A coding changed or arriving while the text is still being added may reach beyond it.
      if (!next) ensureText(ed, codedEnd(codings, limitRef.current, 0));
      layers.codings.set(ed.view, next ?? codedUpTo(ed.state.doc, map, codings, limitRef.current));
    }
    appliedRef.current = codings;
  }, [editor, codings, map, layers, editorRef, ensureText]);

  // The rest of the text, then the remaining highlights, a chunk per idle period once the
  // editor is mounted: nothing while the reader selects, and no highlights while it scrolls.
  useEffect(() => {
    if (!editor) return;
    let cancel = () => {};
    let lastScroll = -Infinity;
    let lastSelect = -Infinity;
    let pressed = false;
    const onScroll = (e: Event) => {
      lastScroll = e.timeStamp;
    };
    const onSelect = (e: Event) => {
      lastSelect = e.timeStamp;
    };
    const onDown = () => {
      pressed = true;
    };
    const onUp = () => {
      pressed = false;
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("pointerdown", onDown, { capture: true, passive: true });
    window.addEventListener("pointerup", onUp, { capture: true, passive: true });
    window.addEventListener("pointercancel", onUp, { capture: true, passive: true });
    document.addEventListener("selectionchange", onSelect);
    const selecting = (root: HTMLElement) => {
      if (pressed) return true;
      if (performance.now() - lastSelect >= SELECT_QUIET_MS) return false;
      const sel = window.getSelection();
      return !!sel && !sel.isCollapsed && !!sel.anchorNode && root.contains(sel.anchorNode);
    };
    const step = () => {
      const ed = editorRef.current;
      if (!ed || selecting(ed.view.dom)) {
        cancel = idle(step); // not mounted yet, or selecting
        return;
      }
      // The text first, even while the reader scrolls: the reader is scrolling into it.
      if (mountedRef.current < map.paragraphCount) {
        appendText(ed, paragraphsTo(map.paragraphSpan(mountedRef.current - 1).end + TEXT_CHUNK));
        cancel = idle(step);
        return;
      }
      if (performance.now() - lastScroll < SCROLL_QUIET_MS) {
        cancel = idle(step); // scrolling
        return;
      }
      if (limitRef.current >= map.cpCount) return;
      limitRef.current = Math.min(map.cpCount, limitRef.current + CHUNK);
      const doc = ed.state.doc;
      let st = streamRef.current;
      if (!st || st.codings !== codingsRef.current) {
        // First chunk, or the codings changed meanwhile: start over from the whole list
        // (the first set replaces the partial one; equal decorations leave the DOM alone).
        st = { codings: codingsRef.current, all: codingDecorations(map, codingsRef.current), shown: 0, set: DecorationSet.empty };
        streamRef.current = st;
      }
      const upTo = limitRef.current >= map.cpCount ? st.all.length : firstFrom(st.all, map.cpToPos(limitRef.current));
      st.set = st.shown === 0 ? DecorationSet.create(doc, st.all.slice(0, upTo)) : st.set.add(doc, st.all.slice(st.shown, upTo));
      st.shown = upTo;
      layers.codings.set(ed.view, st.set);
      appliedRef.current = codingsRef.current;
      cancel = idle(step);
    };
    cancel = idle(step);
    return () => {
      cancel();
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("pointerdown", onDown, { capture: true });
      window.removeEventListener("pointerup", onUp, { capture: true });
      window.removeEventListener("pointercancel", onUp, { capture: true });
      document.removeEventListener("selectionchange", onSelect);
    };
  }, [editor, map, layers, editorRef, codingsRef, appendText, paragraphsTo]);

  useEffect(() => {
    const ed = editorRef.current;
    if (!editor || !ed) return;
    ensureText(ed, Math.max(overlay.selected?.end ?? 0, overlay.pending?.end ?? 0, overlay.flash?.end ?? 0));
    // A handful of decorations: cheap to rebuild whenever the selection or the codings change.
    layers.overlay.set(ed.view, buildOverlayDecorations(ed.state.doc, map, overlay));
  }, [editor, overlay, map, layers, editorRef, ensureText]);

  return { editor, completeText };
}
