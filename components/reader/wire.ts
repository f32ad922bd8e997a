import { OffsetMap } from "@/lib/text/offsets";
import type { AnchorStatus, PickerCode, ReaderCoding, ReaderDocument, ReaderParagraph, ReaderPayload, ReaderSentence } from "./types";

/**
 * A compact form of the reader's data for its way to the browser: the text and its units
 * from a route the browser caches (packText), the codings from one it asks on every open
 * (packCodings), both fetched while the page's scripts start, and parsed before the reader
 * can. A 100,000-character document has thousands of sentences and codings, so:
 *  - sentences travel as columns (ids, starts, ends, paragraphs; ordinals are implied by order);
 *  - a coding names its code and its coder by position (in a list of codes: those the client
 *    already holds, or the ones the answer lists in `extraCodes`; and in a list of the document's
 *    coders) and does not repeat the code's short name, labels and colour;
 *  - its times travel as epoch milliseconds (the update as a difference, usually 0);
 *  - its trailing fields are left off at their usual values (no comment, anchor ok), and its
 *    quote is omitted when it is exactly the text at its span (anchor ok or relocated) and
 *    restored from the text on arrival.
 * 2,000 codings took ~306 KB as named ids and ISO times, ~130 KB this way.
 * Offsets stay in code points. pack() runs on the server, unpack() in the browser.
 */
export type PackedReader = PackedText & PackedCodings;

/**
 * The document's text and its units: immutable once imported, so the reader fetches them
 * from a route the browser may cache (app/api/documents/[documentId]/text), in parallel
 * with the page's scripts, instead of carrying them in the page.
 */
export type PackedText = {
  text: string;
  paragraphs: ReaderParagraph[];
  sentences: { ids: string[]; ordinals: number[]; paragraphs: number[]; starts: number[]; ends: number[] };
};

/** Where the reader fetches a document's text (the version keys the browser's cache). */
export const readerTextUrl = (documentId: string, version: number) => `/api/documents/${encodeURIComponent(documentId)}/text?v=${version}`;

/** Where the reader fetches a document's codings (packed, never cached). */
export const readerCodingsUrl = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/reader/codings`;

/** What changes as the team codes: the document's fields and its codings, fetched fresh on every open. */
export type PackedCodings = {
  document: ReaderDocument;
  /** [id, code, start, end, version, coder, created, updated, comment?, anchor?, quote?]: see PackedCoding. */
  codings: PackedCoding[];
  /** The coders' names the codings point to. */
  coders: string[];
  /** Display fields of codes used here but missing from the codebook (should not happen; kept safe). */
  extraCodes: Pick<PickerCode, "id" | "shortName" | "labelZh" | "labelEn" | "color">[];
};

/**
 * code: index into the page's codes, then into extraCodes; coder: index into coders;
 * created: epoch ms (or the ISO string when it is not in canonical form); updated: ms after
 * created (or an ISO string); anchor: index into ANCHORS.
 */
type PackedCoding = [string, number, number, number, number, number, number | string, number | string, string?, number?, string?];

const ANCHORS: readonly AnchorStatus[] = ["ok", "relocated", "orphaned"];

type ServerCoding = Omit<ReaderCoding, "createdAt" | "updatedAt"> & { createdAt: Date | string; updatedAt: Date | string };
type ServerReader = Omit<ReaderPayload, "codings"> & { codings: ServerCoding[] };

const iso = (d: Date | string) => (typeof d === "string" ? d : d.toISOString());

/** Epoch ms when the ISO string is what new Date(ms).toISOString() gives back, else the string itself. */
function packTime(d: Date | string): number | string {
  // A valid Date always round-trips: no string to build and parse back (two per coding, thousands per document).
  if (d instanceof Date && Number.isFinite(d.getTime())) return d.getTime();
  const s = iso(d);
  const ms = Date.parse(s);
  return Number.isFinite(ms) && new Date(ms).toISOString() === s ? ms : s;
}
const unpackTime = (t: number | string) => (typeof t === "number" ? new Date(t).toISOString() : t);

export function packReader(data: ServerReader, codes: readonly Pick<PickerCode, "id">[]): PackedReader {
  return { ...packText(data), ...packCodings(data, codes) };
}

export function packText(data: Pick<ServerReader, "text" | "paragraphs" | "sentences">): PackedText {
  const s = data.sentences;
  return {
    text: data.text,
    paragraphs: data.paragraphs,
    sentences: {
      ids: s.map((u) => u.id),
      ordinals: s.map((u) => u.ordinal),
      paragraphs: s.map((u) => u.paragraph),
      starts: s.map((u) => u.start),
      ends: s.map((u) => u.end),
    },
  };
}

/**
 * `codes` are those the client will unpack with (the page's codebook), named by position;
 * a code not among them travels in `extraCodes`. With no codes, every code used does.
 */
export function packCodings(data: Pick<ServerReader, "document" | "text" | "codings">, codes: readonly Pick<PickerCode, "id">[]): PackedCodings {
  const map = new OffsetMap(data.text);
  const codeIndex = new Map(codes.map((c, i) => [c.id, i]));
  const extra = new Map<string, PackedReader["extraCodes"][number]>();
  const coderIndex = new Map<string, number>();
  const codings: PackedCoding[] = data.codings.map((c) => {
    let code = codeIndex.get(c.codeId);
    if (code === undefined) {
      extra.set(c.codeId, { id: c.codeId, shortName: c.shortName, labelZh: c.labelZh, labelEn: c.labelEn, color: c.color });
      code = codes.length + extra.size - 1;
      codeIndex.set(c.codeId, code);
    }
    let coder = coderIndex.get(c.coder);
    if (coder === undefined) coderIndex.set(c.coder, (coder = coderIndex.size));
    const created = packTime(c.createdAt);
    const updatedFull = packTime(c.updatedAt);
    const updated = typeof created === "number" && typeof updatedFull === "number" ? updatedFull - created : updatedFull;
    const derivable = c.anchor !== "orphaned" && c.start >= 0 && c.end <= map.cpCount && map.slice(c.start, c.end) === c.quote;
    const row: PackedCoding = [c.id, code, c.start, c.end, c.version, coder, created, updated];
    if (!derivable) row.push(c.comment, ANCHORS.indexOf(c.anchor), c.quote);
    else if (c.anchor !== "ok") row.push(c.comment, ANCHORS.indexOf(c.anchor));
    else if (c.comment !== "") row.push(c.comment);
    return row;
  });
  return { document: data.document, codings, coders: [...coderIndex.keys()], extraCodes: [...extra.values()] };
}

export function unpackReader(p: PackedReader, codes: readonly PickerCode[]): { payload: ReaderPayload; offsets: OffsetMap } {
  const map = new OffsetMap(p.text);
  const codeAt: readonly Pick<PickerCode, "id" | "shortName" | "labelZh" | "labelEn" | "color">[] = [...codes, ...p.extraCodes];
  const cols = p.sentences;
  const sentences: ReaderSentence[] = [];
  for (const [i, id] of cols.ids.entries()) {
    const [ordinal, paragraph, start, end] = [cols.ordinals[i], cols.paragraphs[i], cols.starts[i], cols.ends[i]];
    // Columns of unequal length would be a packing bug: drop the incomplete row rather than invent offsets.
    if (ordinal === undefined || paragraph === undefined || start === undefined || end === undefined) continue;
    sentences.push({ id, ordinal, paragraph, start, end });
  }
  const codings: ReaderCoding[] = p.codings.map(([id, codeIdx, start, end, version, coderIdx, created, updated, comment = "", anchorIdx = 0, quote]) => {
    const code = codeAt[codeIdx];
    const createdAt = unpackTime(created);
    const updatedAt = typeof updated === "number" && typeof created === "number" ? unpackTime(created + updated) : unpackTime(updated);
    return {
      id,
      codeId: code?.id ?? "",
      shortName: code?.shortName ?? "?",
      labelZh: code?.labelZh ?? "",
      labelEn: code?.labelEn ?? "",
      color: code?.color ?? "#4f7cac",
      start,
      end,
      quote: quote ?? map.slice(start, end),
      comment,
      coder: p.coders[coderIdx] ?? "",
      createdAt,
      updatedAt,
      version,
      anchor: ANCHORS[anchorIdx] ?? "ok",
    };
  });
  const counts = new Map<string, number>();
  for (const c of codings) counts.set(c.codeId, (counts.get(c.codeId) ?? 0) + 1);
  const codeById = new Map(codeAt.map((c) => [c.id, c]));
  return {
    payload: {
      document: p.document,
      text: p.text,
      paragraphs: p.paragraphs,
      sentences,
      codings,
      codeCounts: [...counts].map(([codeId, count]) => {
        const c = codeById.get(codeId);
        return { codeId, count, shortName: c?.shortName ?? "?", labelZh: c?.labelZh ?? "", labelEn: c?.labelEn ?? "", color: c?.color ?? "#4f7cac" };
      }),
    },
    offsets: map,
  };
}
