import type { Db } from "../../db/client";
import { selectTextSpans, type TextSpan } from "../../db/documents";
import {  } from "../../db/memos";
import { findCodeLabels, type CodeLabelRow } from "../../db/codes";
import { findDocumentTitles } from "../../db/documents";
import { listMemos } from "./list-memos";
import type { MemoView } from "./memo-view";

/** A quoted passage is clipped to this many code points (an ellipsis marks the cut). */
export const PASSAGE_QUOTE_MAX = 160;

export type CodeLabel = Omit<CodeLabelRow, "id">;

/** A passage of a document: its title and quote, or null/"" when the document is gone. */
export type ResolvedPassage = TextSpan & { title: string | null; quote: string };

export type ResolvedLink = ({ type: "code"; codeId: string; code: CodeLabel | null }) | ({ type: "passage" } & ResolvedPassage);

export type ResolvedTarget =
  | { kind: "document"; documentId: string; title: string | null }
  | { kind: "code"; codeId: string; code: CodeLabel | null }
  | { kind: "coding"; codingId: string }
  | { kind: "matrix-cell"; cellKey: string }
  | null;

export type ResolvedMemo = MemoView & { target: ResolvedTarget; resolvedLinks: ResolvedLink[] };

const spanKey = (s: TextSpan) => `${s.documentId}\u0000${s.start}\u0000${s.end}`;

/**
 * A project's memos with what they point at resolved: code labels, document titles and the
 * quoted passages of text links. Quotes are cut in SQL (`substr`), one query for all of
 * them, so the memo page never reads whole documents. `passages` are extra spans to quote
 * (the page's draft link from a search hit); only spans inside the project resolve.
 */
export async function resolveMemos(
  db: Db,
  opts: { projectId: string; passages?: readonly TextSpan[] },
): Promise<{ memos: ResolvedMemo[]; passages: ResolvedPassage[] }> {
  const memos = await listMemos(db, opts.projectId);
  const codeIds = new Set<string>();
  const documentIds = new Set<string>();
  const spans = new Map<string, TextSpan>();
  for (const s of opts.passages ?? []) spans.set(spanKey(s), s);
  for (const m of memos) {
    if (m.kind === "code" && m.codeId) codeIds.add(m.codeId);
    if (m.kind === "document" && m.documentId) documentIds.add(m.documentId);
    for (const l of m.links) {
      if ("codeId" in l) codeIds.add(l.codeId);
      else spans.set(spanKey(l), l);
    }
  }
  const [codes, titles, quoted] = await Promise.all([
    findCodeLabels(db, opts.projectId, [...codeIds]),
    findDocumentTitles(db, opts.projectId, [...documentIds]),
    selectTextSpans(db, { spans: [...spans.values()], maxLength: PASSAGE_QUOTE_MAX }),
  ]);
  const codeById = new Map(codes.map(({ id, ...label }) => [id, label]));
  const titleById = new Map(titles.map((d) => [d.id, d.title]));
  const quoteByKey = new Map(
    quoted
      .filter((q) => q.projectId === opts.projectId)
      .map((q) => [spanKey(q), { title: q.title, quote: q.end - q.start > PASSAGE_QUOTE_MAX ? `${q.text}…` : q.text }]),
  );
  const passage = (s: TextSpan): ResolvedPassage => {
    const q = quoteByKey.get(spanKey(s));
    return { documentId: s.documentId, start: s.start, end: s.end, title: q?.title ?? null, quote: q?.quote ?? "" };
  };
  const target = (m: MemoView): ResolvedTarget => {
    if (m.kind === "document" && m.documentId) return { kind: "document", documentId: m.documentId, title: titleById.get(m.documentId) ?? null };
    if (m.kind === "code" && m.codeId) return { kind: "code", codeId: m.codeId, code: codeById.get(m.codeId) ?? null };
    if (m.kind === "coding" && m.codingId) return { kind: "coding", codingId: m.codingId };
    if (m.kind === "matrix-cell" && m.cellKey) return { kind: "matrix-cell", cellKey: m.cellKey };
    return null;
  };
  return {
    memos: memos.map((m) => ({
      ...m,
      target: target(m),
      resolvedLinks: m.links.map((l): ResolvedLink =>
        "codeId" in l
          ? { type: "code", codeId: l.codeId, code: codeById.get(l.codeId) ?? null }
          : { type: "passage", ...passage(l) },
      ),
    })),
    passages: (opts.passages ?? []).map(passage),
  };
}
