import { apiJson, type ApiInit } from "@/components/api/client";
import type { AnchorStatus, MemoKind, ReaderCoding, ReaderMemo, ReaderPayload } from "./types";
import type { PackedCodings, PackedText } from "./wire";

/**
 * The reader's typed calls to its route handlers, over the shared client: every failure is
 * an ApiFailure carrying the server's user-facing message, shown as is.
 */
export { ApiFailure } from "@/components/api/client";

function call<T>(method: NonNullable<ApiInit["method"]>, url: string, body?: unknown): Promise<T> {
  return apiJson<T>(url, { method, body });
}

type RawCoding = Omit<ReaderCoding, "anchor" | "createdAt" | "updatedAt"> & {
  anchor?: AnchorStatus;
  createdAt: string | Date;
  updatedAt: string | Date;
};

/** A coding as the routes return it (CodingView) in the reader's shape; fresh codings are anchored. */
export function toReaderCoding(raw: RawCoding): ReaderCoding {
  return {
    id: raw.id,
    codeId: raw.codeId,
    shortName: raw.shortName,
    labelZh: raw.labelZh,
    labelEn: raw.labelEn,
    color: raw.color,
    start: raw.start,
    end: raw.end,
    quote: raw.quote,
    comment: raw.comment,
    coder: raw.coder,
    createdAt: String(raw.createdAt),
    updatedAt: String(raw.updatedAt),
    version: raw.version,
    anchor: raw.anchor ?? "ok",
  };
}

export const api = {
  /** The document's codings unless they are still those `since` names (the live view's poll). */
  codingsSince: async (documentId: string, since: string | undefined) => {
    const q = since ? `?since=${encodeURIComponent(since)}` : "";
    const r = await call<{ fingerprint: string; unchanged: boolean; codings?: RawCoding[] }>("GET", `/api/documents/${encodeURIComponent(documentId)}/codings${q}`);
    return { fingerprint: r.fingerprint, codings: r.unchanged ? null : (r.codings ?? []).map(toReaderCoding) };
  },

  /** The document's text and units (readerTextUrl): cacheable, and preloaded by the reader's page. */
  text: (url: string) => apiJson<PackedText>(url, { cache: "default" }),

  /**
   * The document's codings (readerCodingsUrl), preloaded by the reader's page. The route
   * forbids storing them; the default cache mode lets this request take the preloaded answer.
   */
  readerCodings: (url: string) => apiJson<PackedCodings>(url, { cache: "default" }),

  reader: (documentId: string) => call<ReaderPayload>("GET", `/api/documents/${encodeURIComponent(documentId)}/reader`),

  createCoding: async (
    documentId: string,
    body: { codeId: string; start: number; end: number; comment?: string; expectQuote?: string },
  ) =>
    toReaderCoding(
      (await call<{ coding: RawCoding }>("POST", `/api/documents/${encodeURIComponent(documentId)}/codings`, body)).coding,
    ),

  codeUnits: async (body: { unitIds: string[]; codeId: string }) => {
    const r = await call<{ created: RawCoding[]; skipped: string[] }>("POST", "/api/codings/units", body);
    return { created: r.created.map(toReaderCoding), skipped: r.skipped };
  },

  updateCoding: async (
    codingId: string,
    body: { version: number; start?: number; end?: number; codeId?: string; comment?: string; expectQuote?: string },
  ) => toReaderCoding((await call<{ coding: RawCoding }>("PATCH", `/api/codings/${encodeURIComponent(codingId)}`, body)).coding),

  deleteCoding: async (codingId: string, version: number) =>
    toReaderCoding(
      (await call<{ deleted: RawCoding }>("DELETE", `/api/codings/${encodeURIComponent(codingId)}?version=${version}`))
        .deleted,
    ),

  /** Sets or clears a code's 1–9 shortcut (the codebook's own route; the number moves off any other code). */
  pinCode: async (codeId: string, expectedVersion: number, pinned: number | null) =>
    (
      await call<{ code: { id: string; pinned: number | null; version: number } }>(
        "PATCH",
        `/api/codes/${encodeURIComponent(codeId)}`,
        { expectedVersion, pinned },
      )
    ).code,

  listMemos: async (projectId: string, filter: { kind: MemoKind; documentId?: string; codeId?: string; codingId?: string }) => {
    const q = new URLSearchParams({ projectId, kind: filter.kind });
    if (filter.documentId) q.set("documentId", filter.documentId);
    if (filter.codeId) q.set("codeId", filter.codeId);
    if (filter.codingId) q.set("codingId", filter.codingId);
    return (await call<{ memos: ReaderMemo[] }>("GET", `/api/memos?${q}`)).memos;
  },

  createMemo: async (body: {
    projectId: string;
    kind: MemoKind;
    documentId?: string;
    codeId?: string;
    codingId?: string;
    title?: string;
    body: string;
  }) => (await call<{ memo: ReaderMemo }>("POST", "/api/memos", body)).memo,

  updateMemo: async (memoId: string, body: { version: number; title?: string; body?: string }) =>
    (await call<{ memo: ReaderMemo }>("PATCH", `/api/memos/${encodeURIComponent(memoId)}`, body)).memo,

  deleteMemo: async (memoId: string, version: number) =>
    (await call<{ deleted: ReaderMemo }>("DELETE", `/api/memos/${encodeURIComponent(memoId)}?version=${version}`)).deleted,
};
