"use client";

import "./reader.css";
import * as Tooltip from "@radix-ui/react-tooltip";
import { Editor } from "@tiptap/core";
import { DecorationSet } from "@tiptap/pm/view";
import Document from "@tiptap/extension-document";
import Text from "@tiptap/extension-text";
import { Loader2, RotateCw, Undo2, X } from "lucide-react";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent as ReactFocusEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
} from "react";
import { Button } from "@/components/shell/ui";
import { api, ApiFailure } from "./api";
import { CodePicker, type PickerAnchor } from "./CodePicker";
import { CodingInspector, type ResizeEdge, type ResizeStep } from "./CodingInspector";
import { safeColor } from "./colors";
import { buildCodingDecorations, buildOverlayDecorations, type OverlayInput } from "./decorations";
import { buildDocJson } from "./doc";
import { decorationLayer, ReaderParagraph, UnitMark } from "./extensions";
import { MarginRenderer } from "./margin";
import { formatDate, MemoPanel } from "./MemoPanel";
import { PositionMap } from "./positions";
import { CodebookList, DocumentCodes } from "./SidePanel";
import { StaticText } from "./StaticText";
import type { PendingSpan, PickerCode, ReaderCodeCount, ReaderCoding } from "./types";
import { unpackReader, type PackedReader } from "./wire";

declare global {
  interface Window {
    /** Set once the editor is mounted with its decorations and the margin is laid out (benchmarks wait for it). */
    __junctureReaderReady?: boolean;
    /** performance.now() at that moment. */
    __junctureReaderReadyMs?: number;
  }
}

type EditBefore = { start: number; end: number; codeId: string; comment: string };
type UndoEntry =
  | { kind: "create"; label: string; ids: string[] }
  | {
      kind: "delete";
      label: string;
      items: { oldId: string; codeId: string; start: number; end: number; comment: string; quote: string; anchored: boolean }[];
    }
  | { kind: "edit"; label: string; id: string; before: EditBefore; coalesce?: string; at: number };

type PickerState = { mode: "create" | "recode"; anchor: PickerAnchor; codingId?: string; heading: string };
type Layers = { codings: ReturnType<typeof decorationLayer>; overlay: ReturnType<typeof decorationLayer> };

const UNDO_LIMIT = 50;
const RECENT_LIMIT = 8;

function sortCodings(list: readonly ReaderCoding[]): ReaderCoding[] {
  return list.slice().sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
}

function codeCountsOf(codings: readonly ReaderCoding[]): ReaderCodeCount[] {
  const m = new Map<string, ReaderCodeCount>();
  for (const c of codings) {
    const e = m.get(c.codeId);
    if (e) e.count++;
    else m.set(c.codeId, { codeId: c.codeId, shortName: c.shortName, labelZh: c.labelZh, labelEn: c.labelEn, color: c.color, count: 1 });
  }
  return [...m.values()].sort((a, b) => b.count - a.count || (a.shortName < b.shortName ? -1 : 1));
}

function shorten(s: string, n = 40): string {
  return s.length > n ? s.slice(0, n) + "…" : s;
}

function isTyping(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && !!t.closest("input, textarea, select, [contenteditable='true']");
}

/**
 * The coding reader. The document is a read-only Tiptap editor (one paragraph node per
 * stored paragraph, sentences as `unit` marks); codings are decorations rebuilt from the
 * stored spans; a margin beside the text draws one bar per coding in overlap lanes.
 * Selecting text (or a sentence's handle) opens the code picker at the selection; every
 * change goes through the routes with the version the reader holds, and can be undone.
 *
 * Offsets: all state is in code points; PositionMap (positions.ts) is the one converter to
 * ProseMirror positions, and back for selections.
 */
export function Reader({ data, codes: initialCodes }: { data: PackedReader; codes: PickerCode[] }) {
  const unpacked = useMemo(() => unpackReader(data, initialCodes), [data, initialCodes]);
  const initial = unpacked.payload;
  const { document: doc, text, paragraphs, sentences } = initial;
  const map = useMemo(() => new PositionMap(unpacked.offsets, paragraphs), [unpacked, paragraphs]);
  const sentenceById = useMemo(() => new Map(sentences.map((s) => [s.id, s])), [sentences]);

  const [codes, setCodes] = useState<PickerCode[]>(initialCodes);
  const [codings, setCodings] = useState<ReaderCoding[]>(() => sortCodings(initial.codings));
  const [editor, setEditor] = useState<Editor | null>(null);
  const [ready, setReady] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingSpan | null>(null);
  const [picker, setPicker] = useState<PickerState | null>(null);
  const [flash, setFlash] = useState<OverlayInput["flash"]>(null);
  const [undoView, setUndoView] = useState<{ count: number; label: string | null }>({ count: 0, label: null });
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recent, setRecent] = useState<string[]>([]);
  const [jump, setJump] = useState<{ codeId: string; index: number; total: number } | null>(null);
  const [hover, setHover] = useState<{ id: string; top: number; left: number; width: number; height: number } | null>(null);

  const hostRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const marginRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<MarginRenderer | null>(null);
  const layersRef = useRef<Layers | null>(null);
  if (layersRef.current === null) {
    layersRef.current = {
      codings: decorationLayer("junctureCodings"),
      overlay: decorationLayer("junctureOverlay"),
    };
  }
  const layers = layersRef.current;

  // Latest values for event handlers and queued requests (which outlive a render).
  const codingsRef = useRef(codings);
  const appliedCodingsRef = useRef<ReaderCoding[] | null>(null);
  /** The editor once mounted (and until destroyed); null otherwise. */
  const editorRef = useRef<Editor | null>(null);
  const pendingRef = useRef(pending);
  const pickerRef = useRef(picker);
  const selectedRef = useRef(selectedId);
  const undoRef = useRef<UndoEntry[]>([]);
  const queueRef = useRef<Promise<void>>(Promise.resolve());
  const mouseDownRef = useRef(false);
  const readyRef = useRef(false);
  const flashNonce = useRef(0);
  pendingRef.current = pending;
  pickerRef.current = picker;
  selectedRef.current = selectedId;

  const byId = useMemo(() => new Map(codings.map((c) => [c.id, c])), [codings]);
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
  const counts = useMemo(() => codeCountsOf(codings), [codings]);
  const anchorIssues = useMemo(() => codings.filter((c) => c.anchor !== "ok"), [codings]);
  const pinnedCodes = useMemo(() => new Map(codes.filter((c) => c.pinned != null).map((c) => [c.pinned!, c])), [codes]);

  // ------------------------------------------------------------------ editor lifecycle

  useEffect(() => {
    performance.mark("juncture:reader:hydrated");
    readyRef.current = false;
    window.__junctureReaderReady = false;
    // The first render must already show highlights (and the units' handles, see UnitMark): one DOM build instead of
    // a plain render followed by two decoration passes. Tiptap's state gets its plugins only
    // at mount (reconfigure), so until then the editor-level `decorations` prop supplies the
    // prebuilt decorations, and the plugins start from the very same Decoration objects —
    // the re-render at reconfigure then finds nothing to change.
    let first: DecorationSet | null = null;
    const ed = new Editor({
      element: null, // mounted in the layout effect below, in the same commit that drops the static text
      extensions: [Document, ReaderParagraph, Text, UnitMark, layers.codings.extension, layers.overlay.extension],
      content: buildDocJson(map, sentences),
      editable: false,
      enableInputRules: false,
      enablePasteRules: false,
      // Tiptap's base styles are in reader.css (loaded with the page): a <style> element
      // injected at mount would invalidate the style of every element of a laid-out text.
      injectCSS: false,
      // Copy gives the canonical text: paragraphs joined by ONE "\n", not Tiptap's blank line.
      coreExtensionOptions: { clipboardTextSerializer: { blockSeparator: "\n" } },
      editorProps: {
        attributes: { class: "reader-editor", "aria-label": "文档正文 Document text", "aria-readonly": "true" },
        decorations: (state) => (first && layers.codings.key.getState(state) === undefined ? first : null),
      },
    });
    const coded = buildCodingDecorations(ed.state.doc, map, codingsRef.current);
    first = coded;
    layers.codings.setInitial(coded);
    appliedCodingsRef.current = codingsRef.current;
    performance.mark("juncture:reader:editor-created");
    setEditor(ed);
    return () => {
      editorRef.current = null;
      appliedCodingsRef.current = null;
      rendererRef.current?.clear();
      ed.destroy();
    };
  }, [map, sentences, layers]);

  // ------------------------------------------------------------------ margin layout

  const layoutFrame = useRef(0);
  /** The codings the margin was last laid out for (a re-render with the same list needs no layout). */
  const laidOutRef = useRef<ReaderCoding[] | null>(null);
  /** Whether every web font had loaded when the margin was last laid out. */
  const fontsAtLayoutRef = useRef(false);
  /** The text column's width when the margin was last laid out. */
  const widthAtLayoutRef = useRef(-1);
  const layoutNow = useCallback(() => {
    cancelAnimationFrame(layoutFrame.current);
    const ed = editorRef.current;
    const renderer = rendererRef.current;
    if (!ed || !renderer) return;
    const first = !readyRef.current;
    if (first) performance.mark("juncture:reader:margin-start");
    // Forces the layout the measurements below need anyway (before any write).
    widthAtLayoutRef.current = hostRef.current?.clientWidth ?? 0;
    renderer.layout(ed.view, map, codingsRef.current);
    laidOutRef.current = codingsRef.current;
    fontsAtLayoutRef.current = !document.fonts || document.fonts.status === "loaded";
    renderer.setSelected(selectedRef.current);
    if (first) {
      readyRef.current = true;
      performance.mark("juncture:reader:ready");
      window.__junctureReaderReady = true;
      window.__junctureReaderReadyMs = performance.now();
      setReady(true);
    }
  }, [map]);
  const scheduleLayout = useCallback(() => {
    cancelAnimationFrame(layoutFrame.current);
    layoutFrame.current = requestAnimationFrame(layoutNow);
  }, [layoutNow]);

  useLayoutEffect(() => {
    const host = hostRef.current;
    // (Tiptap's isDestroyed is also true before the first mount, so it cannot tell us much here.)
    if (!editor || !host || editorRef.current === editor) return;
    editor.mount(host);
    editorRef.current = editor;
    performance.mark("juncture:reader:editor-mounted");
    if (appliedCodingsRef.current !== codingsRef.current) {
      layers.codings.set(editor.view, buildCodingDecorations(editor.state.doc, map, codingsRef.current));
      appliedCodingsRef.current = codingsRef.current;
    }
    if (marginRef.current && !rendererRef.current) rendererRef.current = new MarginRenderer(marginRef.current);
    // Lay the margin out now, in the commit that puts the editor in place: its one forced
    // layout is the layout the browser would do for the next frame anyway, whereas waiting
    // for passive effects and an animation frame cost a second full style and layout pass.
    layoutNow();
    // editor.destroy() in the effect above removes the view's DOM.
  }, [editor, map, sentences, layers, layoutNow]);

  useEffect(() => {
    codingsRef.current = codings;
    const ed = editorRef.current;
    if (!editor || !ed) return;
    if (appliedCodingsRef.current !== codings) {
      layers.codings.set(ed.view, buildCodingDecorations(ed.state.doc, map, codings));
      appliedCodingsRef.current = codings;
    }
    if (laidOutRef.current !== codings) scheduleLayout();
  }, [editor, codings, map, layers, scheduleLayout]);

  useEffect(() => {
    const host = hostRef.current;
    if (!editor || !host) return;
    const ro = new ResizeObserver(() => {
      // Re-measure when the text reflows (width changes) — not for every height change.
      // Compared with the width the margin was measured at, read while layout was clean
      // (reading it here, in the effect, would force a layout of the whole text again);
      // the first callback also catches a reflow caused by the margin's own new width.
      if (host.clientWidth !== widthAtLayoutRef.current) scheduleLayout();
    });
    ro.observe(host);
    const onResize = () => scheduleLayout();
    window.addEventListener("resize", onResize);
    // A web font arriving after the first layout moves the text; one that had arrived
    // before it (the usual case on a reload) needs no second pass over every coding.
    void document.fonts?.ready.then(() => {
      if (!fontsAtLayoutRef.current) scheduleLayout();
    });
    return () => {
      ro.disconnect();
      window.removeEventListener("resize", onResize);
    };
  }, [editor, scheduleLayout]);

  useEffect(
    () => () => {
      cancelAnimationFrame(layoutFrame.current);
      // Leaving this document (client-side navigation): the flag must not speak for the next one.
      window.__junctureReaderReady = false;
    },
    [],
  );

  // ------------------------------------------------------------------ overlay (selected, pending, flash)

  useEffect(() => {
    const ed = editorRef.current;
    if (!editor || !ed) return;
    // A handful of decorations: cheap to rebuild whenever the selection or the codings change.
    layers.overlay.set(
      ed.view,
      buildOverlayDecorations(ed.state.doc, map, {
        selected:
          selected && selected.anchor !== "orphaned"
            ? { id: selected.id, start: selected.start, end: selected.end, color: selected.color }
            : null,
        pending: pending ? { start: pending.start, end: pending.end } : null,
        flash,
      }),
    );
    rendererRef.current?.setSelected(selected?.id ?? null);
  }, [editor, selected, pending, flash, map, layers]);

  // ------------------------------------------------------------------ feedback, queue, undo stack

  const report = useCallback((e: unknown) => {
    if (e instanceof ApiFailure) setError({ message: e.message, conflict: e.status === 409 });
    else setError({ message: e instanceof Error ? e.message : String(e), conflict: false });
  }, []);

  /** Runs mutations one after another, so each sees the versions the previous one produced. */
  const run = useCallback(
    (fn: () => Promise<void>): Promise<void> => {
      const next = queueRef.current.then(async () => {
        setBusy(true);
        try {
          await fn();
          setError(null);
        } catch (e) {
          report(e);
        } finally {
          setBusy(false);
        }
      });
      queueRef.current = next;
      return next;
    },
    [report],
  );

  const commitCodings = useCallback((update: (list: ReaderCoding[]) => ReaderCoding[]) => {
    codingsRef.current = sortCodings(update(codingsRef.current));
    setCodings(codingsRef.current);
  }, []);

  const syncUndoView = useCallback(() => {
    const top = undoRef.current[undoRef.current.length - 1];
    setUndoView({ count: undoRef.current.length, label: top?.label ?? null });
  }, []);

  const pushUndo = useCallback(
    (entry: UndoEntry) => {
      undoRef.current = [...undoRef.current, entry].slice(-UNDO_LIMIT);
      syncUndoView();
    },
    [syncUndoView],
  );

  const rememberCode = useCallback(
    (codeId: string) => {
      setRecent((r) => {
        const next = [codeId, ...r.filter((x) => x !== codeId)].slice(0, RECENT_LIMIT);
        try {
          localStorage.setItem(`juncture-recent-codes:${doc.projectId}`, JSON.stringify(next));
        } catch {
          // storage unavailable: recent codes last for this page only
        }
        return next;
      });
    },
    [doc.projectId],
  );

  useEffect(() => {
    try {
      const raw = localStorage.getItem(`juncture-recent-codes:${doc.projectId}`);
      const ids = raw ? (JSON.parse(raw) as unknown) : [];
      if (Array.isArray(ids)) setRecent(ids.filter((x): x is string => typeof x === "string"));
    } catch {
      // ignore unreadable storage
    }
  }, [doc.projectId]);

  // ------------------------------------------------------------------ picker

  const closePicker = useCallback(() => {
    setPicker(null);
    setPending(null);
  }, []);

  const anchorFromRect = useCallback((r: { top: number; right: number; height: number }): PickerAnchor => {
    const stage = stageRef.current!.getBoundingClientRect();
    return { top: r.top - stage.top, left: r.right - stage.left, height: r.height };
  }, []);

  /**
   * The DOM selection inside the editor as a code-point span: DOM point → ProseMirror
   * position (posAtDOM) → code points (PositionMap), trimmed of surrounding whitespace.
   */
  const spanFromDomSelection = useCallback((): (PendingSpan & { rect: DOMRect }) | null => {
    const ed = editorRef.current;
    if (!ed) return null;
    const view = ed.view;
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !sel.anchorNode || !sel.focusNode) return null;
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
    const rect = rects.length > 0 ? rects[rects.length - 1] : range.getBoundingClientRect();
    return { start, end, quote: map.slice(start, end), rect };
  }, [map]);

  /** Opens the picker at a new text selection. */
  const readSelection = useCallback(() => {
    if (!stageRef.current) return;
    const s = spanFromDomSelection();
    if (!s) return;
    const p = pendingRef.current;
    if (p && !p.unitId && p.start === s.start && p.end === s.end && pickerRef.current) return;
    setPending({ start: s.start, end: s.end, quote: s.quote });
    setPicker({ mode: "create", anchor: anchorFromRect(s.rect), heading: `编码选区 Code the selection：“${shorten(s.quote)}”` });
  }, [spanFromDomSelection, anchorFromRect]);

  useEffect(() => {
    let timer = 0;
    const onSelectionChange = () => {
      if (mouseDownRef.current) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(readSelection, 120);
    };
    const onMouseUp = () => {
      if (!mouseDownRef.current) return;
      mouseDownRef.current = false;
      window.clearTimeout(timer);
      timer = window.setTimeout(readSelection, 0);
    };
    document.addEventListener("selectionchange", onSelectionChange);
    window.addEventListener("mouseup", onMouseUp);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("selectionchange", onSelectionChange);
      window.removeEventListener("mouseup", onMouseUp);
    };
  }, [readSelection]);

  // ------------------------------------------------------------------ mutations

  const selectCoding = useCallback((id: string | null) => {
    setSelectedId(id);
    selectedRef.current = id;
  }, []);

  const applyToPending = useCallback(
    (code: PickerCode, p: PendingSpan) => {
      rememberCode(code.id);
      window.getSelection()?.removeAllRanges();
      return run(async () => {
        if (p.unitId) {
          const r = await api.codeUnits({ unitIds: [p.unitId], codeId: code.id });
          if (r.created.length > 0) {
            commitCodings((list) => [...list, ...r.created]);
            pushUndo({ kind: "create", label: `编码 code ${code.shortName}`, ids: r.created.map((c) => c.id) });
            selectCoding(r.created[0].id);
            setNotice(null);
          }
          if (r.skipped.length > 0) setNotice(`此句已由你编码为 ${code.shortName} / you already coded this sentence with ${code.shortName}`);
        } else {
          const c = await api.createCoding(doc.id, { codeId: code.id, start: p.start, end: p.end, expectQuote: p.quote });
          commitCodings((list) => [...list, c]);
          pushUndo({ kind: "create", label: `编码 code ${code.shortName}`, ids: [c.id] });
          selectCoding(c.id);
          setNotice(null);
        }
      });
    },
    [doc.id, run, commitCodings, pushUndo, rememberCode, selectCoding],
  );

  /** Edits a coding as it is when the queue reaches it; `patchOf` returns null for "nothing to do". */
  const editCoding = useCallback(
    (
      id: string,
      patchOf: (c: ReaderCoding) => { start?: number; end?: number; codeId?: string; comment?: string } | null,
      label: string,
      coalesce?: string,
    ) =>
      run(async () => {
        const c = codingsRef.current.find((x) => x.id === id);
        if (!c) return;
        const patch = patchOf(c);
        if (!patch) return;
        const before: EditBefore = { start: c.start, end: c.end, codeId: c.codeId, comment: c.comment };
        const spanChanged = (patch.start ?? c.start) !== c.start || (patch.end ?? c.end) !== c.end;
        const u = await api.updateCoding(id, {
          version: c.version,
          ...patch,
          ...(spanChanged ? { expectQuote: map.slice(patch.start ?? c.start, patch.end ?? c.end) } : {}),
        });
        commitCodings((list) => list.map((x) => (x.id === id ? u : x)));
        const top = undoRef.current[undoRef.current.length - 1];
        if (coalesce && top?.kind === "edit" && top.id === id && top.coalesce === coalesce && Date.now() - top.at < 4000) {
          top.at = Date.now(); // consecutive nudges undo as one
        } else {
          pushUndo({ kind: "edit", label, id, before, coalesce, at: Date.now() });
        }
      }),
    [run, map, commitCodings, pushUndo],
  );

  const deleteCoding = useCallback(
    (id: string) =>
      run(async () => {
        const c = codingsRef.current.find((x) => x.id === id);
        if (!c) return;
        await api.deleteCoding(id, c.version);
        commitCodings((list) => list.filter((x) => x.id !== id));
        if (selectedRef.current === id) selectCoding(null);
        pushUndo({
          kind: "delete",
          label: `删除 delete ${c.shortName}`,
          items: [
            {
              oldId: id,
              codeId: c.codeId,
              start: c.start,
              end: c.end,
              comment: c.comment,
              quote: c.quote,
              anchored: c.anchor !== "orphaned",
            },
          ],
        });
      }),
    [run, commitCodings, pushUndo, selectCoding],
  );

  const undo = useCallback(
    () =>
      run(async () => {
        const entry = undoRef.current[undoRef.current.length - 1];
        if (!entry) return;
        const drop = () => {
          undoRef.current = undoRef.current.filter((e) => e !== entry);
          syncUndoView();
        };
        try {
          if (entry.kind === "create") {
            for (const id of entry.ids) {
              const c = codingsRef.current.find((x) => x.id === id);
              if (!c) continue;
              await api.deleteCoding(id, c.version);
              commitCodings((list) => list.filter((x) => x.id !== id));
              if (selectedRef.current === id) selectCoding(null);
            }
          } else if (entry.kind === "delete") {
            for (const it of entry.items) {
              const c = await api.createCoding(doc.id, {
                codeId: it.codeId,
                start: it.start,
                end: it.end,
                comment: it.comment || undefined,
                expectQuote: it.anchored ? it.quote : undefined,
              });
              commitCodings((list) => [...list, c]);
              // Older entries that named the deleted coding now name its re-creation.
              for (const e of undoRef.current) {
                if (e.kind === "create") e.ids = e.ids.map((x) => (x === it.oldId ? c.id : x));
                if (e.kind === "edit" && e.id === it.oldId) e.id = c.id;
              }
              selectCoding(c.id);
            }
          } else {
            const c = codingsRef.current.find((x) => x.id === entry.id);
            if (!c) throw new ApiFailure("not_found", "该编码已不存在，无法撤销 / the coding no longer exists", 404);
            const b = entry.before;
            const spanChanged = c.start !== b.start || c.end !== b.end;
            const u = await api.updateCoding(c.id, {
              version: c.version,
              ...(spanChanged ? { start: b.start, end: b.end, expectQuote: map.slice(b.start, b.end) } : {}),
              ...(c.codeId !== b.codeId ? { codeId: b.codeId } : {}),
              ...(c.comment !== b.comment ? { comment: b.comment } : {}),
            });
            commitCodings((list) => list.map((x) => (x.id === c.id ? u : x)));
            selectCoding(c.id);
          }
          drop();
          setNotice(`已撤销 Undone: ${entry.label}`);
        } catch (e) {
          if (e instanceof ApiFailure && e.status === 404) drop(); // nothing left to undo there
          throw e;
        }
      }),
    [run, doc.id, map, commitCodings, selectCoding, syncUndoView],
  );

  const resize = useCallback(
    (edge: ResizeEdge, delta: -1 | 1, step: ResizeStep) => {
      const id = selectedRef.current;
      if (!id) return;
      void editCoding(
        id,
        (c) => {
          let { start, end } = c;
          if (step === "char") {
            if (edge === "start") start += delta;
            else end += delta;
          } else if (edge === "end") {
            const s =
              delta > 0
                ? sentences.find((u) => u.end > end)
                : [...sentences].reverse().find((u) => u.end < end && u.end > start);
            if (s) end = s.end;
          } else {
            const s =
              delta < 0
                ? [...sentences].reverse().find((u) => u.start < start)
                : sentences.find((u) => u.start > start && u.start < end);
            if (s) start = s.start;
          }
          if (start < 0 || end > map.cpCount || start >= end || (start === c.start && end === c.end)) {
            setNotice("已到可调整的边界 / cannot move that edge further");
            return null;
          }
          return edge === "start" ? { start } : { end };
        },
        `调整范围 resize ${byId.get(id)?.shortName ?? ""}`,
        "resize",
      );
    },
    [editCoding, sentences, map, byId],
  );

  const openRecode = useCallback(
    (id: string) => {
      const ed = editorRef.current;
      const c = codingsRef.current.find((x) => x.id === id);
      if (!ed || !c) return;
      let anchor: PickerAnchor = { top: 0, left: 0, height: 0 };
      try {
        const r = ed.view.coordsAtPos(map.cpToPos(Math.min(c.end, map.cpCount), "end"), -1);
        anchor = anchorFromRect({ top: r.top, right: r.right, height: r.bottom - r.top });
      } catch {
        // keep the default anchor
      }
      setPending(null);
      setPicker({ mode: "recode", codingId: id, anchor, heading: `改码 Re-code ${c.shortName}：“${shorten(c.quote)}”` });
    },
    [map, anchorFromRect],
  );

  const pick = useCallback(
    (code: PickerCode) => {
      const pk = pickerRef.current;
      const p = pendingRef.current;
      setPicker(null);
      setPending(null);
      if (pk?.mode === "recode" && pk.codingId) {
        rememberCode(code.id);
        void editCoding(pk.codingId, (c) => (c.codeId === code.id ? null : { codeId: code.id }), `改码 re-code → ${code.shortName}`);
        return;
      }
      if (p) void applyToPending(code, p);
    },
    [applyToPending, editCoding, rememberCode],
  );

  /** Click in the codebook list: apply to the pending selection, else re-code the selected coding. */
  const pickFromList = useCallback(
    (code: PickerCode) => {
      const p = pendingRef.current;
      if (p) {
        setPicker(null);
        setPending(null);
        void applyToPending(code, p);
      } else if (selectedRef.current) {
        rememberCode(code.id);
        void editCoding(selectedRef.current, (c) => (c.codeId === code.id ? null : { codeId: code.id }), `改码 re-code → ${code.shortName}`);
      }
    },
    [applyToPending, editCoding, rememberCode],
  );

  const pin = useCallback(
    async (code: PickerCode, n: number | null) => {
      try {
        const r = await api.pinCode(code.id, code.version, n);
        setCodes((list) =>
          list.map((c) =>
            c.id === code.id ? { ...c, pinned: r.pinned, version: r.version } : n != null && c.pinned === n ? { ...c, pinned: null } : c,
          ),
        );
        setError(null);
      } catch (e) {
        report(e);
      }
    },
    [report],
  );

  const reload = useCallback(async () => {
    try {
      const fresh = await api.reader(doc.id);
      if (fresh.text !== text) {
        window.location.reload();
        return;
      }
      commitCodings(() => fresh.codings);
      undoRef.current = [];
      syncUndoView();
      if (selectedRef.current && !fresh.codings.some((c) => c.id === selectedRef.current)) selectCoding(null);
      setError(null);
      setNotice("已重新载入 Reloaded");
    } catch (e) {
      report(e);
    }
  }, [doc.id, text, commitCodings, syncUndoView, selectCoding, report]);

  // ------------------------------------------------------------------ navigation

  const reveal = useCallback(
    (c: ReaderCoding) => {
      const ed = editorRef.current;
      if (!ed) return;
      try {
        const r = ed.view.coordsAtPos(map.cpToPos(Math.max(0, Math.min(c.start, map.cpCount))), 1);
        window.scrollBy({ top: r.top - window.innerHeight / 3, behavior: "smooth" });
      } catch {
        // position outside the text (orphaned): nothing to scroll to
      }
      selectCoding(c.id);
      flashNonce.current += 1;
      const nonce = flashNonce.current;
      setFlash({ start: c.start, end: c.end, color: c.color, nonce });
      window.setTimeout(() => setFlash((f) => (f && f.nonce === nonce ? null : f)), 1300);
    },
    [map, selectCoding],
  );

  const jumpToCode = useCallback(
    (codeId: string) => {
      const list = codingsRef.current.filter((c) => c.codeId === codeId);
      if (list.length === 0) return;
      const index = jump && jump.codeId === codeId ? (jump.index + 1) % list.length : 0;
      setJump({ codeId, index, total: list.length });
      reveal(list[index]);
    },
    [jump, reveal],
  );

  const anchorCursor = useRef(-1);
  const showAnchorIssues = useCallback(() => {
    if (anchorIssues.length === 0) return;
    anchorCursor.current = (anchorCursor.current + 1) % anchorIssues.length;
    reveal(anchorIssues[anchorCursor.current]);
  }, [anchorIssues, reveal]);

  // ------------------------------------------------------------------ pointer and keyboard

  const onHostMouseDown = (e: ReactMouseEvent) => {
    if ((e.target as HTMLElement).closest("[data-unit-handle]")) {
      e.preventDefault(); // a handle click must not start a text selection
      return;
    }
    if (e.button === 0) mouseDownRef.current = true;
  };

  /** Handles get their (long, bilingual) tooltip on first hover rather than 3,000 at mount. */
  const onHostMouseOver = (e: ReactMouseEvent) => {
    const h = (e.target as HTMLElement).closest<HTMLElement>("[data-unit-handle]");
    if (h && !h.title) {
      const n = h.getAttribute("data-ordinal");
      h.title = `第 ${n} 句 · 点击编码整句 / click to code this sentence · Shift+点击沿用上次编码 / Shift+click: last code`;
    }
  };

  const onHostClick = (e: ReactMouseEvent) => {
    const target = e.target as HTMLElement;
    const handle = target.closest<HTMLElement>("[data-unit-handle]");
    if (handle) {
      const u = sentenceById.get(handle.getAttribute("data-unit-handle") ?? "");
      if (!u) return;
      const span: PendingSpan = { start: u.start, end: u.end, quote: map.slice(u.start, u.end), unitId: u.id };
      const last = codes.find((c) => c.id === recent[0]);
      if ((e.shiftKey || e.altKey) && last) {
        setPicker(null);
        setPending(null);
        void applyToPending(last, span);
        return;
      }
      const r = handle.getBoundingClientRect();
      setPending(span);
      setPicker({
        mode: "create",
        anchor: anchorFromRect({ top: r.top, right: r.right, height: r.height }),
        heading: `编码第 ${u.ordinal + 1} 句 Code sentence ${u.ordinal + 1}：“${shorten(span.quote)}”`,
      });
      return;
    }
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // a drag selection, handled by readSelection
    const coded = target.closest<HTMLElement>("[data-coding-ids]");
    if (!coded) {
      selectCoding(null);
      return;
    }
    // Innermost coding first; clicking again walks through the overlapping ones.
    const ids = (coded.getAttribute("data-coding-ids") ?? "").split(" ").filter(Boolean).reverse();
    const at = selectedRef.current ? ids.indexOf(selectedRef.current) : -1;
    selectCoding(ids[(at + 1) % ids.length] ?? null);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = isTyping(e.target);
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "z") {
        if (typing) return;
        e.preventDefault();
        void undo();
        return;
      }
      if (typing || pickerRef.current) return;
      const mods = e.ctrlKey || e.metaKey || e.altKey;
      if (/^[1-9]$/.test(e.key) && !mods) {
        // A selection that is still there after the picker was dismissed codes directly.
        const p = pendingRef.current ?? spanFromDomSelection();
        const code = pinnedCodes.get(Number(e.key));
        if (p && code) {
          e.preventDefault();
          setPending(null);
          void applyToPending(code, { start: p.start, end: p.end, quote: p.quote, unitId: p.unitId });
          return;
        }
        if (p) return;
      }
      if (!selectedRef.current) return;
      if (e.shiftKey && !e.ctrlKey && !e.metaKey && e.key.startsWith("Arrow")) {
        e.preventDefault();
        const delta = e.key === "ArrowLeft" || e.key === "ArrowUp" ? -1 : 1;
        const step = e.key === "ArrowUp" || e.key === "ArrowDown" ? "sentence" : "char";
        resize(e.altKey ? "start" : "end", delta, step);
      } else if ((e.key === "Delete" || e.key === "Backspace") && !mods) {
        e.preventDefault();
        void deleteCoding(selectedRef.current);
      } else if (e.key === "Escape") {
        selectCoding(null);
      } else if (e.key === "Enter" && !mods) {
        e.preventDefault();
        openRecode(selectedRef.current);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [undo, pinnedCodes, applyToPending, spanFromDomSelection, resize, deleteCoding, selectCoding, openRecode]);

  const barOf = (t: EventTarget | null) => (t instanceof HTMLElement ? t.closest<HTMLElement>("[data-coding-id]") : null);
  const onMarginClick = (e: ReactMouseEvent) => {
    const bar = barOf(e.target);
    if (bar) selectCoding(bar.getAttribute("data-coding-id"));
  };
  const onMarginKeyDown = (e: ReactKeyboardEvent) => {
    const bar = barOf(e.target);
    if (bar && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      e.stopPropagation();
      selectCoding(bar.getAttribute("data-coding-id"));
    }
  };
  const onMarginOver = (e: ReactMouseEvent | ReactFocusEvent) => {
    const bar = barOf(e.target);
    if (!bar) return;
    const id = bar.getAttribute("data-coding-id")!;
    setHover((h) =>
      h && h.id === id
        ? h
        : { id, top: bar.offsetTop, left: bar.offsetLeft, width: bar.offsetWidth, height: Math.min(bar.offsetHeight, 48) },
    );
  };
  const hovered = hover ? byId.get(hover.id) : undefined;

  const target: "selection" | "coding" | null = pending ? "selection" : selected ? "coding" : null;

  return (
    <Tooltip.Provider delayDuration={150}>
      <div
        className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]"
        data-testid="reader"
        data-ready={ready ? "true" : "false"}
        data-document-id={doc.id}
      >
        <div className="flex min-w-0 flex-col gap-2">
          <div className="sticky top-10 z-20 flex flex-wrap items-center gap-2 rounded-md border border-stone-200 bg-white/95 px-3 py-1.5 shadow-sm backdrop-blur">
            <Button
              size="sm"
              onClick={() => void undo()}
              disabled={undoView.count === 0}
              title="撤销 Undo (Ctrl/⌘+Z)"
              data-testid="undo"
            >
              <Undo2 size={12} /> 撤销 Undo
            </Button>
            <span className="min-w-0 flex-1 truncate text-[11px] text-stone-500" data-testid="reader-status">
              {busy ? (
                <span className="inline-flex items-center gap-1">
                  <Loader2 size={11} className="animate-spin" /> 保存中 Saving…
                </span>
              ) : notice ? (
                notice
              ) : undoView.label ? (
                `可撤销 Can undo: ${undoView.label}`
              ) : (
                "选中文字或点击句号标编码 Select text, or click a sentence number, to code it · 1–9 快捷编码 pinned codes"
              )}
            </span>
            <span className="text-[11px] text-stone-400 tabular-nums">
              {codings.length} 处编码 codings
            </span>
          </div>
          {error ? (
            <div
              role="alert"
              className="flex items-start gap-2 rounded border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800"
              data-testid="reader-error"
            >
              <span className="flex-1">{error.message}</span>
              {error.conflict ? (
                <Button size="sm" onClick={() => void reload()}>
                  <RotateCw size={12} /> 重新载入 Reload
                </Button>
              ) : null}
              <button type="button" aria-label="关闭 Dismiss" onClick={() => setError(null)} className="p-0.5 hover:text-red-950">
                <X size={12} />
              </button>
            </div>
          ) : null}

          <article className="rounded-md border border-stone-200 bg-white py-6 pr-3 pl-8" lang="zh-Hans">
            <div ref={stageRef} className="relative flex gap-3">
              <div
                ref={hostRef}
                className="min-w-0 max-w-[46em] flex-1"
                data-testid="reader-text"
                data-document-id={doc.id}
                onMouseDown={onHostMouseDown}
                onClick={onHostClick}
                onMouseOver={onHostMouseOver}
              >
                {editor ? null : <StaticText map={map} sentences={sentences} />}
                {paragraphs.length === 0 ? <p className="text-stone-500">（无文本 No text）</p> : null}
              </div>
              <div className="relative flex-none border-l border-stone-100 pl-1">
                <div
                  ref={marginRef}
                  className="reader-margin h-full"
                  data-testid="reader-margin"
                  aria-label="编码边栏 Coding margin"
                  onClick={onMarginClick}
                  onKeyDown={onMarginKeyDown}
                  onMouseOver={onMarginOver}
                  onFocus={onMarginOver}
                  onMouseLeave={() => setHover(null)}
                  onBlur={() => setHover(null)}
                />
                <Tooltip.Root open={!!hovered} onOpenChange={(o) => (o ? undefined : setHover(null))}>
                  <Tooltip.Trigger asChild>
                    <div
                      aria-hidden
                      className="pointer-events-none absolute"
                      style={
                        hover
                          ? { top: hover.top, left: hover.left + 4, width: hover.width, height: hover.height }
                          : { top: 0, left: 0, width: 0, height: 0 }
                      }
                    />
                  </Tooltip.Trigger>
                  {hovered ? (
                    <Tooltip.Portal>
                      <Tooltip.Content
                        key={hovered.id}
                        side="left"
                        sideOffset={8}
                        collisionPadding={8}
                        className="z-50 max-w-xs rounded-md border border-stone-200 bg-white px-3 py-2 text-xs shadow-lg"
                        data-testid="coding-tooltip"
                      >
                        <p className="flex items-center gap-1.5 font-semibold">
                          <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: safeColor(hovered.color) }} />
                          <span className="font-mono">{hovered.shortName}</span>
                        </p>
                        <p className="text-stone-800">{hovered.labelZh}</p>
                        <p className="text-stone-500">{hovered.labelEn}</p>
                        <p className="mt-1 text-[11px] text-stone-500">
                          {hovered.coder} · {formatDate(hovered.createdAt)}
                        </p>
                        {hovered.comment ? <p className="mt-1 border-t border-stone-100 pt-1 text-stone-700">{hovered.comment}</p> : null}
                        {hovered.anchor !== "ok" ? (
                          <p className="mt-1 text-[11px] text-amber-800">
                            {hovered.anchor === "orphaned" ? "⚠ 锚点丢失 orphaned" : "↻ 已重新定位 relocated"}
                          </p>
                        ) : null}
                      </Tooltip.Content>
                    </Tooltip.Portal>
                  ) : null}
                </Tooltip.Root>
              </div>
              <CodePicker
                open={picker !== null}
                anchor={picker?.anchor ?? null}
                codes={codes}
                recentIds={recent}
                heading={picker?.heading ?? ""}
                onPick={pick}
                onClose={closePicker}
              />
            </div>
          </article>
        </div>

        <aside className="flex flex-col gap-4 lg:sticky lg:top-12 lg:max-h-[calc(100vh-3.5rem)] lg:overflow-y-auto lg:pr-1">
          {selected ? (
            <CodingInspector
              coding={selected}
              projectId={doc.projectId}
              busy={busy}
              onClose={() => selectCoding(null)}
              onRecode={() => openRecode(selected.id)}
              onDelete={() => void deleteCoding(selected.id)}
              onResize={resize}
              onComment={(comment) => void editCoding(selected.id, () => ({ comment }), `评论 comment ${selected.shortName}`)}
            />
          ) : null}
          <DocumentCodes
            counts={counts}
            orphaned={anchorIssues.filter((c) => c.anchor === "orphaned").length}
            relocated={anchorIssues.filter((c) => c.anchor === "relocated").length}
            jump={jump}
            onJump={jumpToCode}
            onShowAnchors={showAnchorIssues}
          />
          <MemoPanel projectId={doc.projectId} target={{ kind: "document", documentId: doc.id }} label="文档备忘 Document memos" />
          <CodebookList codes={codes} target={target} onPick={pickFromList} onPin={pin} />
        </aside>
      </div>
    </Tooltip.Provider>
  );
}
