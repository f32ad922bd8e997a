import { OffsetMap } from "@/lib/text/offsets";
import type { AnchorStatus, PickerCode, ReaderCoding, ReaderDocument, ReaderParagraph, ReaderPayload, ReaderSentence } from "./types";

/**
 * A compact form of the reader's data for the page → client-component hop, where every
 * byte is serialised into the HTML and parsed before the reader can start. A 100,000
 * character document has thousands of sentences and codings, so:
 *  - sentences travel as columns (ids, starts, ends, paragraphs; ordinals are implied by order);
 *  - a coding does not repeat its code's short name, labels and colour (the codebook has them);
 *  - a coding's quote is omitted when it is exactly the text at its span (anchor ok or
 *    relocated), and restored from the text on arrival.
 * Offsets stay in code points. pack() runs on the server, unpack() in the browser.
 */
export type PackedReader = {
  document: ReaderDocument;
  text: string;
  paragraphs: ReaderParagraph[];
  sentences: { ids: string[]; ordinals: number[]; paragraphs: number[]; starts: number[]; ends: number[] };
  /** [id, codeId, start, end, version, coder, createdAt, updatedAt, comment, anchor, quote?] */
  codings: PackedCoding[];
  /** Display fields of codes used here but missing from the codebook (should not happen; kept safe). */
  extraCodes: Pick<PickerCode, "id" | "shortName" | "labelZh" | "labelEn" | "color">[];
};

type PackedCoding = [string, string, number, number, number, string, string, string, string, AnchorStatus, string?];

type ServerCoding = Omit<ReaderCoding, "createdAt" | "updatedAt"> & { createdAt: Date | string; updatedAt: Date | string };
type ServerReader = Omit<ReaderPayload, "codings"> & { codings: ServerCoding[] };

const iso = (d: Date | string) => (typeof d === "string" ? d : d.toISOString());

export function packReader(data: ServerReader, codes: readonly Pick<PickerCode, "id">[]): PackedReader {
  const map = new OffsetMap(data.text);
  const known = new Set(codes.map((c) => c.id));
  const extra = new Map<string, PackedReader["extraCodes"][number]>();
  const codings: PackedCoding[] = data.codings.map((c) => {
    if (!known.has(c.codeId) && !extra.has(c.codeId)) {
      extra.set(c.codeId, { id: c.codeId, shortName: c.shortName, labelZh: c.labelZh, labelEn: c.labelEn, color: c.color });
    }
    const row: PackedCoding = [c.id, c.codeId, c.start, c.end, c.version, c.coder, iso(c.createdAt), iso(c.updatedAt), c.comment, c.anchor];
    const derivable = c.anchor !== "orphaned" && c.start >= 0 && c.end <= map.cpCount && map.slice(c.start, c.end) === c.quote;
    if (!derivable) row.push(c.quote);
    return row;
  });
  const s = data.sentences;
  return {
    document: data.document,
    text: data.text,
    paragraphs: data.paragraphs,
    sentences: {
      ids: s.map((u) => u.id),
      ordinals: s.map((u) => u.ordinal),
      paragraphs: s.map((u) => u.paragraph),
      starts: s.map((u) => u.start),
      ends: s.map((u) => u.end),
    },
    codings,
    extraCodes: [...extra.values()],
  };
}

export function unpackReader(p: PackedReader, codes: readonly PickerCode[]): { payload: ReaderPayload; offsets: OffsetMap } {
  const map = new OffsetMap(p.text);
  const codeById = new Map<string, Pick<PickerCode, "shortName" | "labelZh" | "labelEn" | "color">>(codes.map((c) => [c.id, c]));
  for (const c of p.extraCodes) codeById.set(c.id, c);
  const cols = p.sentences;
  const sentences: ReaderSentence[] = [];
  for (const [i, id] of cols.ids.entries()) {
    const [ordinal, paragraph, start, end] = [cols.ordinals[i], cols.paragraphs[i], cols.starts[i], cols.ends[i]];
    // Columns of unequal length would be a packing bug: drop the incomplete row rather than invent offsets.
    if (ordinal === undefined || paragraph === undefined || start === undefined || end === undefined) continue;
    sentences.push({ id, ordinal, paragraph, start, end });
  }
  const codings: ReaderCoding[] = p.codings.map(([id, codeId, start, end, version, coder, createdAt, updatedAt, comment, anchor, quote]) => {
    const code = codeById.get(codeId);
    return {
      id,
      codeId,
      shortName: code?.shortName ?? "?",
      labelZh: code?.labelZh ?? "",
      labelEn: code?.labelEn ?? "",
      color: code?.color ?? "#4f7cac",
      start,
      end,
      quote: quote ?? map.slice(start, end),
      comment,
      coder,
      createdAt,
      updatedAt,
      version,
      anchor,
    };
  });
  const counts = new Map<string, number>();
  for (const c of codings) counts.set(c.codeId, (counts.get(c.codeId) ?? 0) + 1);
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
