import type { ReactNode } from "react";
import type { PositionMap } from "./positions";
import type { ReaderSentence } from "./types";

/**
 * The document's opening as plain markup, rendered by the reader's page on the server and
 * shown while the reader fetches the whole text and until its editor mounts: the same
 * paragraphs and `.unit` spans the editor renders (same classes and data attributes,
 * offsets in code points), so the text is readable and testable at first paint. The reader
 * swaps it for the editor in one commit (see CodingReader.tsx).
 *
 * Only the opening paragraphs are rendered (up to `limit` code points, at least one
 * paragraph): that is what the first screen shows; the whole text would be styled and laid
 * out, and then thrown away when the editor mounts a moment later.
 */
export const STATIC_TEXT_LIMIT = 4_000;

export function StaticText({
  map,
  sentences,
  limit = STATIC_TEXT_LIMIT,
}: {
  map: PositionMap;
  sentences: readonly ReaderSentence[];
  limit?: number;
}) {
  const out: ReactNode[] = [];
  let s = 0;
  for (let i = 0; i < map.paragraphCount; i++) {
    const { start: pStart, end: pEnd } = map.paragraphSpan(i);
    if (i > 0 && pStart >= limit) break;
    const pieces: ReactNode[] = [];
    let at = pStart;
    while ((sentences[s]?.end ?? Infinity) <= pStart) s++;
    for (let u = sentences[s]; u && u.start < pEnd; u = sentences[++s]) {
      const a = Math.max(u.start, pStart, at);
      const b = Math.min(u.end, pEnd);
      if (a > at) pieces.push(map.slice(at, a));
      if (b > a) {
        pieces.push(
          <span
            key={u.id}
            className="unit"
            data-unit-id={u.id}
            data-start={u.start}
            data-end={u.end}
          >
            {map.slice(a, b)}
          </span>,
        );
        at = b;
      }
      if (u.end > pEnd) break;
    }
    if (pEnd > at) pieces.push(map.slice(at, pEnd));
    out.push(
      <p key={i} className="reader-paragraph" data-paragraph={i} data-start={pStart} data-end={pEnd}>
        {pieces}
      </p>,
    );
  }
  return <div className="reader-static">{out}</div>;
}
