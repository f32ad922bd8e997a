"use client";

import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { api, ApiFailure } from "./api";
import { sortCodings } from "./codings";
import type { PositionMap } from "./positions";
import type { PendingSpan, PickerCode, ReaderCoding } from "./types";
import {
  pushEntry,
  recordEdit,
  renameCoding,
  revertPatch,
  topOf,
  undoSummary,
  withoutEntry,
  type EditBefore,
  type UndoEntry,
} from "./undo";

export type CodingPatch = { start?: number; end?: number; codeId?: string; comment?: string };

/**
 * The reader's codings and every change to them: create (a span or a whole sentence),
 * edit, delete and undo, each sent through the routes with the version the reader holds.
 * Changes run one after another (a queue), so each sees the versions the previous one
 * produced; failures become the error the toolbar shows (a 409 offers a reload).
 */
export function useCodingMutations(o: {
  documentId: string;
  text: string;
  map: PositionMap;
  initial: readonly ReaderCoding[];
  /** The selected coding: read when a change removes it, set to what a change created. */
  selectedRef: { readonly current: string | null };
  select: (id: string | null) => void;
}) {
  const { documentId, text, map, selectedRef, select } = o;
  const t = useTranslations("reader.actions");
  const [codings, setCodings] = useState<ReaderCoding[]>(() => sortCodings(o.initial));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [undoView, setUndoView] = useState<{ count: number; label: string | null }>({ count: 0, label: null });
  // Latest values for queued requests, which outlive a render.
  const codingsRef = useRef(codings);
  const undoRef = useRef<UndoEntry[]>([]);
  const queueRef = useRef<Promise<void>>(Promise.resolve());
  // For the live view: changes in flight, and a count that moves with every change made here.
  const inFlight = useRef(0);
  const changes = useRef(0);

  const report = useCallback((e: unknown) => {
    if (e instanceof ApiFailure) setError({ message: e.message, conflict: e.status === 409 });
    else setError({ message: e instanceof Error ? e.message : String(e), conflict: false });
  }, []);

  const run = useCallback(
    (fn: () => Promise<void>): Promise<void> => {
      inFlight.current++;
      changes.current++;
      const next = queueRef.current.then(async () => {
        setBusy(true);
        try {
          await fn();
          setError(null);
        } catch (e) {
          report(e);
        } finally {
          inFlight.current--;
          changes.current++;
          setBusy(false);
        }
      });
      queueRef.current = next;
      return next;
    },
    [report],
  );

  const commit = useCallback((update: (list: ReaderCoding[]) => ReaderCoding[]) => {
    codingsRef.current = sortCodings(update(codingsRef.current));
    setCodings(codingsRef.current);
  }, []);

  const setStack = useCallback((stack: UndoEntry[]) => {
    undoRef.current = stack;
    setUndoView(undoSummary(stack));
  }, []);

  const forget = useCallback(
    (id: string) => {
      commit((list) => list.filter((x) => x.id !== id));
      if (selectedRef.current === id) select(null);
    },
    [commit, selectedRef, select],
  );

  const create = useCallback(
    (code: PickerCode, p: PendingSpan) =>
      run(async () => {
        const label = t("code", { code: code.shortName });
        if (p.unitId) {
          const r = await api.codeUnits({ unitIds: [p.unitId], codeId: code.id });
          const first = r.created[0];
          if (first) {
            commit((list) => [...list, ...r.created]);
            setStack(pushEntry(undoRef.current, { kind: "create", label, ids: r.created.map((c) => c.id) }));
            select(first.id);
            setNotice(null);
          }
          if (r.skipped.length > 0) setNotice(t("alreadyCoded", { code: code.shortName }));
        } else {
          const c = await api.createCoding(documentId, { codeId: code.id, start: p.start, end: p.end, expectQuote: p.quote });
          commit((list) => [...list, c]);
          setStack(pushEntry(undoRef.current, { kind: "create", label, ids: [c.id] }));
          select(c.id);
          setNotice(null);
        }
      }),
    [documentId, run, commit, setStack, select, t],
  );

  /** Edits a coding as it is when the queue reaches it; `patchOf` returns null for "nothing to do". */
  const edit = useCallback(
    (id: string, patchOf: (c: ReaderCoding) => CodingPatch | null, label: string, coalesce?: string) =>
      run(async () => {
        const c = codingsRef.current.find((x) => x.id === id);
        const patch = c ? patchOf(c) : null;
        if (!c || !patch) return;
        const before: EditBefore = { start: c.start, end: c.end, codeId: c.codeId, comment: c.comment };
        const [start, end] = [patch.start ?? c.start, patch.end ?? c.end];
        const spanChanged = start !== c.start || end !== c.end;
        const u = await api.updateCoding(id, { version: c.version, ...patch, ...(spanChanged ? { expectQuote: map.slice(start, end) } : {}) });
        commit((list) => list.map((x) => (x.id === id ? u : x)));
        setStack(recordEdit(undoRef.current, { kind: "edit", label, id, before, coalesce, at: Date.now() }));
      }),
    [run, map, commit, setStack],
  );

  const remove = useCallback(
    (id: string) =>
      run(async () => {
        const c = codingsRef.current.find((x) => x.id === id);
        if (!c) return;
        await api.deleteCoding(id, c.version);
        forget(id);
        const item = { oldId: id, codeId: c.codeId, start: c.start, end: c.end, comment: c.comment, quote: c.quote, anchored: c.anchor !== "orphaned" };
        setStack(pushEntry(undoRef.current, { kind: "delete", label: t("delete", { code: c.shortName }), items: [item] }));
      }),
    [run, forget, setStack, t],
  );

  const undo = useCallback(
    () =>
      run(async () => {
        const entry = topOf(undoRef.current);
        if (!entry) return;
        try {
          if (entry.kind === "create") {
            for (const id of entry.ids) {
              const c = codingsRef.current.find((x) => x.id === id);
              if (!c) continue;
              await api.deleteCoding(id, c.version);
              forget(id);
            }
          } else if (entry.kind === "delete") {
            for (const it of entry.items) {
              const c = await api.createCoding(documentId, {
                codeId: it.codeId,
                start: it.start,
                end: it.end,
                comment: it.comment || undefined,
                expectQuote: it.anchored ? it.quote : undefined,
              });
              commit((list) => [...list, c]);
              undoRef.current = renameCoding(undoRef.current, it.oldId, c.id);
              select(c.id);
            }
          } else {
            const c = codingsRef.current.find((x) => x.id === entry.id);
            if (!c) throw new ApiFailure("not_found", t("goneNoUndo"), 404);
            const u = await api.updateCoding(c.id, revertPatch(c, entry.before, (a, b) => map.slice(a, b)));
            commit((list) => list.map((x) => (x.id === c.id ? u : x)));
            select(c.id);
          }
          setStack(withoutEntry(undoRef.current, entry));
          setNotice(t("undone", { label: entry.label }));
        } catch (e) {
          // Nothing left to undo there: the entry goes.
          if (e instanceof ApiFailure && e.status === 404) setStack(withoutEntry(undoRef.current, entry));
          throw e;
        }
      }),
    [run, documentId, map, commit, forget, select, setStack, t],
  );

  /** Marks the moment a live-view poll starts: its answer applies only if nothing changed here meanwhile. */
  const changeMark = useCallback(() => changes.current, []);

  /**
   * Codings as the server has them now (other coders' work included), from a poll started at
   * `mark`. Refused (false) while a change of ours is in flight or after one happened since the
   * poll started — the next poll brings the state that includes it. Codings whose version did not
   * move keep their object (and anchor state); a selected coding someone deleted is deselected.
   */
  const syncFromServer = useCallback(
    (fresh: readonly ReaderCoding[], mark: number): boolean => {
      if (inFlight.current > 0 || changes.current !== mark) return false;
      const before = new Map(codingsRef.current.map((c) => [c.id, c]));
      // The same codings at the same versions (the first poll, or our own changes): nothing to redraw.
      if (fresh.length === before.size && fresh.every((c) => before.get(c.id)?.version === c.version)) return true;
      commit(() => fresh.map((c) => (before.get(c.id)?.version === c.version ? before.get(c.id)! : c)));
      if (selectedRef.current && !fresh.some((c) => c.id === selectedRef.current)) select(null);
      return true;
    },
    [commit, selectedRef, select],
  );

  /** Loads the codings again (after a conflict); a changed text needs a full page reload. */
  const reload = useCallback(async () => {
    try {
      const fresh = await api.reader(documentId);
      if (fresh.text !== text) {
        window.location.reload();
        return;
      }
      commit(() => fresh.codings);
      setStack([]);
      if (selectedRef.current && !fresh.codings.some((c) => c.id === selectedRef.current)) select(null);
      setError(null);
      setNotice(t("reloaded"));
    } catch (e) {
      report(e);
    }
  }, [documentId, text, commit, setStack, selectedRef, select, report, t]);

  return { codings, codingsRef, busy, error, setError, notice, setNotice, undoView, report, create, edit, remove, undo, reload, changeMark, syncFromServer };
}

