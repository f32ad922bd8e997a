"use client";

import "./reader.css";
import * as Tooltip from "@radix-ui/react-tooltip";
import type { Editor } from "@tiptap/core";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useCan } from "@/components/auth/ProjectRole";
import { codeLabel } from "@/components/codebook/tree";
import type { Locale } from "@/lib/i18n/locale";
import { CodePicker } from "./CodePicker";
import { CodingInspector } from "./CodingInspector";
import { codeCountsOf, resizedSpan, type ResizeEdge, type ResizeStep } from "./codings";
import { MarginTooltip } from "./MarginTooltip";
import { MemoPanel } from "./MemoPanel";
import { PositionMap } from "./positions";
import { ReaderToolbar } from "./ReaderToolbar";
import { CodebookList, CoderFilter, coderCounts, DocumentCodes } from "./SidePanel";
import type { PendingSpan, PickerCode, ReaderCoding } from "./types";
import { useCodePicker } from "./useCodePicker";
import { useCodingMutations } from "./useCodingMutations";
import { useFollowLink } from "./useFollowLink";
import { useJumpToCoding } from "./useJumpToCoding";
import { useLatest } from "./useLatest";
import { useLiveCodings } from "./useLiveCodings";
import { useMarginLayout } from "./useMarginLayout";
import { usePinnedCodes } from "./usePinnedCodes";
import { useReaderEditor } from "./useReaderEditor";
import { useReaderShortcuts } from "./useReaderShortcuts";
import { useRecentCodes } from "./useRecentCodes";
import { useTextPointer } from "./useTextPointer";
import { useTextSelection } from "./useTextSelection";
import { ReaderFrame } from "./ReaderFrame";
import type { unpackReader } from "./wire";

const ignore = () => {};
/** Stands for the sentence number in the handle's label (a character no message contains). */
const NUMBER_SLOT = "\u0000";

/**
 * The coding reader on a document whose text has arrived (Reader.tsx loads it). The text is
 * a read-only Tiptap editor (one paragraph node per stored paragraph, sentences as `unit`
 * marks, off-screen paragraphs left unrendered by content-visibility), in place of the
 * server's first screen (Reader.tsx) from the commit that shows it; codings are
 * decorations rebuilt from the stored spans; a margin beside the text draws a bar per coding
 * near the viewport, in overlap lanes. Selecting text (or a sentence's handle) opens the code
 * picker at the selection; every change goes through the routes with the version the reader
 * holds, and can be undone.
 *
 * Offsets: all state is in code points; PositionMap (positions.ts) is the one converter to
 * ProseMirror positions, and back for selections. Each job lives in its own hook: the
 * editor (useReaderEditor), the margin (useMarginLayout), changes and undo
 * (useCodingMutations), the text selection, the picker, navigation and the keyboard.
 */
export function CodingReader({
  unpacked,
  codes: initialCodes,
  me,
}: {
  unpacked: ReturnType<typeof unpackReader>;
  codes: PickerCode[];
  me?: string;
}) {
  const { document: doc, text, paragraphs, sentences } = unpacked.payload;
  const map = useMemo(() => new PositionMap(unpacked.offsets, paragraphs), [unpacked, paragraphs]);
  const sentenceById = useMemo(() => new Map(sentences.map((s) => [s.id, s])), [sentences]);

  const t = useTranslations("reader");
  const locale = useLocale() as Locale;
  // A viewer reads: no picker, no coding controls (the server would answer 403).
  const canCode = useCan("code");
  const canEditCodebook = useCan("edit-codebook");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selectedRef = useRef(selectedId);
  const select = useCallback((id: string | null) => {
    selectedRef.current = id;
    setSelectedId(id);
  }, []);
  const [recent, rememberCode] = useRecentCodes(doc.projectId);

  const hostRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const marginRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);

  const m = useCodingMutations({ documentId: doc.id, text, map, initial: unpacked.payload.codings, selectedRef, select });
  const { codings, codingsRef } = m;
  useLiveCodings({ documentId: doc.id, changeMark: m.changeMark, syncFromServer: m.syncFromServer });
  // Whose codings the text shows: everyone's, or one coder's (e.g. "mine" while coding as a team).
  const [coder, setCoder] = useState<string | null>(null);
  const coders = useMemo(() => coderCounts(codings), [codings]);
  const shown = useMemo(() => (coder === null ? codings : codings.filter((c) => c.coder === coder)), [codings, coder]);
  const shownRef = useLatest(shown);
  const byId = useMemo(() => new Map(shown.map((c) => [c.id, c])), [shown]);
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
  const counts = useMemo(() => codeCountsOf(shown), [shown]);
  const anchorIssues = useMemo(() => shown.filter((c) => c.anchor !== "ok"), [shown]);
  const { codes, pinned: pinnedCodes, pin } = usePinnedCodes(initialCodes, { onDone: () => m.setError(null), onError: m.report });

  const picker = useCodePicker({ stageRef, editorRef, map });
  // A jump may lead beyond the text added so far (useReaderEditor adds a long text's rest after opening).
  const completeTextRef = useRef(() => {});
  const nav = useJumpToCoding({ editorRef, map, codingsRef: shownRef, anchorIssues, select, completeText: completeTextRef });
  const selection = useTextSelection({ editorRef, map, onSpan: canCode ? picker.openForSelection : ignore });

  const overlay = useMemo(
    () => ({
      selected: selected && selected.anchor !== "orphaned" ? { id: selected.id, start: selected.start, end: selected.end, color: selected.color } : null,
      pending: picker.pending ? { start: picker.pending.start, end: picker.pending.end } : null,
      flash: nav.flash,
    }),
    [selected, picker.pending, nav.flash],
  );
  // Thousands of handles: the message is formatted once and the number filled in (formatting
  // it per handle was a twentieth of opening a 100,000-character document).
  const handleLabel = useMemo(() => {
    const parts = t("handleLabel", { n: NUMBER_SLOT }).split(NUMBER_SLOT);
    return (n: string) => parts.join(n);
  }, [t]);
  // The margin's first layout runs in the commit that mounts the editor (see useReaderEditor).
  const marginHooks = useRef({ layoutNow: () => {}, clear: () => {} });
  const { editor, completeText } = useReaderEditor({
    map,
    sentences,
    codings: shown,
    overlay,
    hostRef,
    editorRef,
    onMounted: () => marginHooks.current.layoutNow(),
    onDestroy: () => marginHooks.current.clear(),
    labels: { text: t("textLabel"), handle: handleLabel },
  });
  const barLabel = (c: ReaderCoding) =>
    [`${c.shortName} ${codeLabel(c, locale).label}`, c.anchor === "ok" ? "" : t(`margin.${c.anchor}`), t("margin.clickToSelect")]
      .filter(Boolean)
      .join(" — ");
  const margin = useMarginLayout({ editor, editorRef, hostRef, marginRef, map, codings: shown, selectedId, barLabel });
  useLayoutEffect(() => {
    marginHooks.current = margin;
    completeTextRef.current = completeText;
  });

  useFollowLink({ ready: margin.ready, map, sentences, revealAt: nav.revealAt });

  // ------------------------------------------------------------------ actions

  const codeSpan = useCallback(
    (code: PickerCode, span: PendingSpan) => {
      picker.close();
      rememberCode(code.id);
      window.getSelection()?.removeAllRanges();
      void m.create(code, span);
    },
    [picker, rememberCode, m],
  );

  const recodeTo = useCallback(
    (id: string, code: PickerCode) => {
      rememberCode(code.id);
      void m.edit(id, (c) => (c.codeId === code.id ? null : { codeId: code.id }), t("actions.recode", { code: code.shortName }));
    },
    [rememberCode, m, t],
  );

  /** From the picker: code the pending span, or re-code the coding it was opened for. */
  const pick = (code: PickerCode) => {
    const [pk, pending] = [picker.pickerRef.current, picker.pendingRef.current];
    picker.close();
    if (pk?.mode === "recode" && pk.codingId) recodeTo(pk.codingId, code);
    else if (pending) codeSpan(code, pending);
  };

  /** Click in the codebook list: apply to the pending selection, else re-code the selected coding. */
  const pickFromList = (code: PickerCode) => {
    const pending = picker.pendingRef.current;
    if (pending) codeSpan(code, pending);
    else if (selectedRef.current) recodeTo(selectedRef.current, code);
  };

  const resize = useCallback(
    (edge: ResizeEdge, delta: -1 | 1, step: ResizeStep) => {
      const id = selectedRef.current;
      if (!id) return;
      const patchOf = (c: { start: number; end: number }) => {
        const next = resizedSpan({ span: c, edge, delta, step, sentences, cpCount: map.cpCount });
        if (!next) m.setNotice(t("actions.edgeLimit"));
        return next && (edge === "start" ? { start: next.start } : { end: next.end });
      };
      void m.edit(id, patchOf, t("actions.resize", { code: byId.get(id)?.shortName ?? "" }), "resize");
    },
    [m, sentences, map, byId, t],
  );

  const openRecode = (id: string) => {
    const c = codingsRef.current.find((x) => x.id === id);
    if (c && editorRef.current) picker.openRecode(c);
  };

  useReaderShortcuts({
    readOnly: !canCode,
    pickerOpen: () => picker.pickerRef.current !== null,
    pendingSpan: () => picker.pendingRef.current ?? selection.spanFromDomSelection(),
    selectedId: () => selectedRef.current,
    pinnedCode: (n) => pinnedCodes.get(n),
    undo: () => void m.undo(),
    codeSpan,
    resize,
    remove: (id) => void m.remove(id),
    recode: openRecode,
    deselect: () => select(null),
  });

  const lastCode = codes.find((c) => c.id === recent[0]);
  const pointer = useTextPointer({
    map,
    sentenceById,
    selectedRef,
    select,
    canCode,
    startDrag: selection.startDrag,
    codeWithLast: lastCode ? (span) => codeSpan(lastCode, span) : null,
    openForSentence: picker.openForSentence,
    handleTitle: (n) => t("handleTitle", { n }),
  });

  return (
    <Tooltip.Provider delayDuration={150}>
      <ReaderFrame
        documentId={doc.id}
        ready={margin.ready}
        toolbar={
          <ReaderToolbar
            busy={m.busy}
            notice={m.notice}
            undoLabel={m.undoView.label}
            undoCount={m.undoView.count}
            codingCount={codings.length}
            error={m.error}
            onUndo={() => void m.undo()}
            onReload={() => void m.reload()}
            onDismissError={() => m.setError(null)}
          />
        }
        stageRef={stageRef}
        text={
          <div
            ref={hostRef}
            className="min-w-0 max-w-[46em] flex-1"
            data-testid="reader-text"
            data-document-id={doc.id}
            data-readonly={canCode ? undefined : "true"}
            onMouseDown={pointer.onMouseDown}
            onClick={pointer.onClick}
            onMouseOver={pointer.onMouseOver}
          >
            {paragraphs.length === 0 ? <p className="text-stone-500">{t("noText")}</p> : null}
          </div>
        }
        beside={
          <>
            <MarginTooltip marginRef={marginRef} codingOf={(id) => byId.get(id)} onSelect={select} />
            {canCode ? (
              <CodePicker
                open={picker.picker !== null}
                anchor={picker.picker?.anchor ?? null}
                codes={codes}
                recentIds={recent}
                heading={picker.picker?.heading ?? ""}
                onPick={pick}
                onClose={picker.close}
              />
            ) : null}
          </>
        }
        aside={
          <>
            {selected ? (
              <CodingInspector
                coding={selected}
                projectId={doc.projectId}
                busy={m.busy}
                readOnly={!canCode}
                onClose={() => select(null)}
                onRecode={() => openRecode(selected.id)}
                onDelete={() => void m.remove(selected.id)}
                onResize={resize}
                onComment={(comment) => void m.edit(selected.id, () => ({ comment }), t("actions.comment", { code: selected.shortName }))}
              />
            ) : null}
            <CoderFilter coders={coders} me={me ?? null} value={coder} onChange={(c) => { setCoder(c); select(null); }} />
            <DocumentCodes
              counts={counts}
              orphaned={anchorIssues.filter((c) => c.anchor === "orphaned").length}
              relocated={anchorIssues.filter((c) => c.anchor === "relocated").length}
              jump={nav.jump}
              onJump={nav.jumpToCode}
              onShowAnchors={nav.showAnchorIssues}
            />
            <MemoPanel projectId={doc.projectId} target={{ kind: "document", documentId: doc.id }} label={t("side.documentMemos")} />
            <CodebookList
              codes={codes}
              target={!canCode ? null : picker.pending ? "selection" : selected ? "coding" : null}
              readOnly={!canCode}
              onPick={pickFromList}
              onPin={canEditCodebook ? pin : undefined}
            />
          </>
        }
      />
    </Tooltip.Provider>
  );
}
