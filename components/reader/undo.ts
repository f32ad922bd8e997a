/**
 * The reader's undo stack, as pure data: every function returns a new stack and never
 * touches the one it was given. The reader keeps the stack in a ref and replays the top
 * entry through the routes (useCodingMutations); what an entry records is exactly what
 * the reverting request needs. Offsets are code points.
 */

/** The fields an edit can change, as they were before it. */
export type EditBefore = { start: number; end: number; codeId: string; comment: string };

/** A deleted coding, enough to create it again (a re-creation gets a new id). */
export type DeletedCoding = {
  oldId: string;
  codeId: string;
  start: number;
  end: number;
  comment: string;
  quote: string;
  /** Whether the quote is the text at the span (then the re-creation checks it). */
  anchored: boolean;
};

export type CreateEntry = { kind: "create"; label: string; ids: string[] };
export type DeleteEntry = { kind: "delete"; label: string; items: DeletedCoding[] };
export type EditEntry = {
  kind: "edit";
  label: string;
  id: string;
  before: EditBefore;
  /** Consecutive edits with the same key (e.g. "resize") within COALESCE_MS undo as one. */
  coalesce?: string;
  /** Time of the latest edit this entry covers (ms). */
  at: number;
};
export type UndoEntry = CreateEntry | DeleteEntry | EditEntry;
export type UndoStack = readonly UndoEntry[];

export const UNDO_LIMIT = 50;
export const COALESCE_MS = 4_000;

export function topOf(stack: UndoStack): UndoEntry | null {
  return stack[stack.length - 1] ?? null;
}

/** The stack with `entry` on top, keeping the newest `limit` entries. */
export function pushEntry(stack: UndoStack, entry: UndoEntry, limit = UNDO_LIMIT): UndoEntry[] {
  return [...stack, entry].slice(-limit);
}

/**
 * Records an edit. When it continues the top entry's run (same coding, same coalesce key,
 * within COALESCE_MS of its last edit) the run is extended instead, so undo restores the
 * state before the first nudge.
 */
export function recordEdit(stack: UndoStack, entry: EditEntry, limit = UNDO_LIMIT): UndoEntry[] {
  const top = topOf(stack);
  if (
    entry.coalesce &&
    top?.kind === "edit" &&
    top.id === entry.id &&
    top.coalesce === entry.coalesce &&
    entry.at - top.at < COALESCE_MS
  ) {
    return [...stack.slice(0, -1), { ...top, at: entry.at }];
  }
  return pushEntry(stack, entry, limit);
}

/** The stack without `entry` (compared by identity). */
export function withoutEntry(stack: UndoStack, entry: UndoEntry): UndoEntry[] {
  return stack.filter((e) => e !== entry);
}

/** After undoing a delete re-created `oldId` as `newId`, older entries name the new coding. */
export function renameCoding(stack: UndoStack, oldId: string, newId: string): UndoEntry[] {
  return stack.map((e) => {
    if (e.kind === "create" && e.ids.includes(oldId)) return { ...e, ids: e.ids.map((x) => (x === oldId ? newId : x)) };
    if (e.kind === "edit" && e.id === oldId) return { ...e, id: newId };
    return e;
  });
}

/** What the coding looks like now, as far as reverting an edit is concerned. */
export type CodingNow = EditBefore & { version: number };

/**
 * The update that reverts an edit: only the fields that differ from `before`, with the
 * version the client holds; `quoteAt` gives the text of a span (for the server's check).
 */
export function revertPatch(
  now: CodingNow,
  before: EditBefore,
  quoteAt: (start: number, end: number) => string,
): { version: number; start?: number; end?: number; expectQuote?: string; codeId?: string; comment?: string } {
  const spanChanged = now.start !== before.start || now.end !== before.end;
  return {
    version: now.version,
    ...(spanChanged ? { start: before.start, end: before.end, expectQuote: quoteAt(before.start, before.end) } : {}),
    ...(now.codeId !== before.codeId ? { codeId: before.codeId } : {}),
    ...(now.comment !== before.comment ? { comment: before.comment } : {}),
  };
}

/** The short label the toolbar shows for the top entry. */
export function undoSummary(stack: UndoStack): { count: number; label: string | null } {
  return { count: stack.length, label: topOf(stack)?.label ?? null };
}
