import { describe, expect, it } from "vitest";
import {
  COALESCE_MS,
  pushEntry,
  recordEdit,
  renameCoding,
  revertPatch,
  topOf,
  undoSummary,
  withoutEntry,
  type EditEntry,
  type UndoEntry,
} from "../../components/reader/undo";
import { cpIndexOf, cpSlice } from "./fixtures";

const create = (label: string, ids: string[]): UndoEntry => ({ kind: "create", label, ids });
const before = { start: 3, end: 9, codeId: "code-a", comment: "" };
const edit = (over: Partial<EditEntry> = {}): EditEntry => ({ kind: "edit", label: "调整范围 resize CON-1", id: "k1", before, coalesce: "resize", at: 1_000, ...over });

describe("undo stack", () => {
  it("pushes on top and keeps only the newest entries", () => {
    let stack: UndoEntry[] = [];
    for (let i = 0; i < 5; i++) stack = pushEntry(stack, create(`e${i}`, [`k${i}`]), 3);
    expect(stack.map((e) => e.label)).toEqual(["e2", "e3", "e4"]);
    expect(topOf(stack)?.label).toBe("e4");
    expect(topOf([])).toBeNull();
    expect(undoSummary(stack)).toEqual({ count: 3, label: "e4" });
    expect(undoSummary([])).toEqual({ count: 0, label: null });
  });

  it("never changes the stack it was given", () => {
    const stack = [create("a", ["k1"])];
    const frozen = structuredClone(stack);
    pushEntry(stack, create("b", ["k2"]));
    recordEdit(stack, edit());
    renameCoding(stack, "k1", "k9");
    withoutEntry(stack, stack[0]!);
    expect(stack).toEqual(frozen);
  });

  it("folds consecutive nudges of one coding into one entry that restores the state before the first", () => {
    let stack = recordEdit([], edit({ at: 1_000 }));
    stack = recordEdit(stack, edit({ at: 2_000, before: { ...before, end: 10 } }));
    stack = recordEdit(stack, edit({ at: 2_000 + COALESCE_MS - 1, before: { ...before, end: 11 } }));
    expect(stack).toEqual([edit({ at: 2_000 + COALESCE_MS - 1 })]);
  });

  it("starts a new entry after a pause, for another coding, or without a coalesce key", () => {
    const first = recordEdit([], edit({ at: 1_000 }));
    expect(recordEdit(first, edit({ at: 1_000 + COALESCE_MS })).length).toBe(2);
    expect(recordEdit(first, edit({ at: 1_001, id: "k2" })).length).toBe(2);
    expect(recordEdit(first, edit({ at: 1_001, coalesce: undefined })).length).toBe(2);
  });

  it("renames a re-created coding in older entries and removes an entry by identity", () => {
    const a = create("a", ["k1", "k2"]);
    const b = edit({ id: "k1" });
    const c: UndoEntry = { kind: "delete", label: "删除 delete CON-1", items: [] };
    const renamed = renameCoding([a, b, c], "k1", "k7");
    expect(renamed).toEqual([create("a", ["k7", "k2"]), edit({ id: "k7" }), c]);
    expect(renamed[2]).toBe(c);
    expect(withoutEntry(renamed, c)).toEqual([create("a", ["k7", "k2"]), edit({ id: "k7" })]);
  });

  it("reverts only the fields an edit changed, with the current version and the quote at the old span (after 𠮷)", () => {
    const s = cpIndexOf("京津冀协同");
    const old = { start: s, end: s + 5, codeId: "code-a", comment: "" };
    const quoteAt = (a: number, b: number) => cpSlice(a, b);
    expect(revertPatch({ ...old, end: s + 7, version: 4 }, old, quoteAt)).toEqual({ version: 4, start: s, end: s + 5, expectQuote: "京津冀协同" });
    expect(revertPatch({ ...old, codeId: "code-b", version: 2 }, old, quoteAt)).toEqual({ version: 2, codeId: "code-a" });
    expect(revertPatch({ ...old, comment: "新", version: 2 }, old, quoteAt)).toEqual({ version: 2, comment: "" });
    expect(revertPatch({ ...old, version: 9 }, old, quoteAt)).toEqual({ version: 9 });
  });
});
