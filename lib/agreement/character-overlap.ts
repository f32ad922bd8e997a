import type { AgreementCoding } from "./unit-ratings";

type Span = [start: number, end: number];

/** Sorted, merged spans: the set of characters a coder coded with a code in one document. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Span[] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

function length(spans: readonly Span[]): number {
  return spans.reduce((sum, [s, e]) => sum + (e - s), 0);
}

/** Characters in both merged span lists. */
export function intersectionLength(a: readonly Span[], b: readonly Span[]): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const [as, ae] = a[i] as Span;
    const [bs, be] = b[j] as Span;
    const overlap = Math.min(ae, be) - Math.max(as, bs);
    if (overlap > 0) total += overlap;
    if (ae < be) i++;
    else j++;
  }
  return total;
}

export type CharacterOverlap = {
  /** Characters coded by both coders with the code. */
  both: number;
  /** Characters coded by at least one of them. */
  either: number;
  /** both / either (Jaccard over characters); null when neither coded anything with the code. */
  value: number | null;
};

/**
 * Character-level agreement of two coders on one code: the share of characters coded by
 * either coder that both coded, over the documents both coders took part in.
 */
export function characterOverlap(input: {
  codings: readonly AgreementCoding[];
  codeId: string;
  coderA: string;
  coderB: string;
  documents: ReadonlySet<string>;
}): CharacterOverlap {
  const spans = (coder: string) => {
    const byDocument = new Map<string, Span[]>();
    for (const c of input.codings) {
      if (c.coderId !== coder || c.codeId !== input.codeId || !input.documents.has(c.documentId)) continue;
      let list = byDocument.get(c.documentId);
      if (!list) byDocument.set(c.documentId, (list = []));
      list.push([c.start, c.end]);
    }
    return byDocument;
  };
  const a = spans(input.coderA);
  const b = spans(input.coderB);
  let both = 0;
  let either = 0;
  for (const documentId of input.documents) {
    const ma = mergeSpans(a.get(documentId) ?? []);
    const mb = mergeSpans(b.get(documentId) ?? []);
    const shared = intersectionLength(ma, mb);
    both += shared;
    either += length(ma) + length(mb) - shared;
  }
  return { both, either, value: either === 0 ? null : both / either };
}
