"use client";

import { useEffect, useRef } from "react";
import type { PositionMap } from "./positions";
import type { ReaderSentence } from "./types";

/**
 * A link from another page (a search hit, a memo, agreement, periods): `?at=<code point>[&end=…]`,
 * followed once, when the reader is ready. Without `end`, the sentence holding `at` is shown.
 */
export function useFollowLink(o: {
  ready: boolean;
  map: PositionMap;
  sentences: readonly ReaderSentence[];
  revealAt: (at: number, span: { start: number; end: number }) => void;
}) {
  const { ready, map, sentences, revealAt } = o;
  const followed = useRef(false);
  useEffect(() => {
    if (!ready || followed.current) return;
    followed.current = true;
    const params = new URLSearchParams(window.location.search);
    const at = Number(params.get("at"));
    if (!params.has("at") || !Number.isInteger(at) || at < 0 || at > map.cpCount) return;
    const end = Number(params.get("end"));
    const sentence = sentences.find((x) => x.start <= at && at < x.end);
    const span =
      Number.isInteger(end) && end > at
        ? { start: at, end: Math.min(end, map.cpCount) }
        : sentence
          ? { start: sentence.start, end: sentence.end }
          : { start: at, end: Math.min(at + 1, map.cpCount) };
    revealAt(at, span);
  }, [ready, map, sentences, revealAt]);
}
