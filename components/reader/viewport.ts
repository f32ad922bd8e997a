/**
 * Which paragraphs are near the viewport, found by binary search over their boxes (the
 * paragraphs are stacked in text order, so their tops increase). `rectOf(i)` reads one
 * paragraph's box; only O(log n) of them are read, and with content-visibility: auto an
 * off-screen paragraph's box is its placeholder, so reading it lays out no text.
 */
export function paragraphsInBand(
  count: number,
  rectOf: (i: number) => { top: number; bottom: number },
  band: { top: number; bottom: number },
): { first: number; last: number } | null {
  if (count === 0) return null;
  // Boxes that only touch the band (an edge on its edge) are outside it.
  // First paragraph whose bottom reaches into the band.
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rectOf(mid).bottom <= band.top) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  if (first >= count || rectOf(first).top >= band.bottom) return null;
  // Last paragraph whose top is above the band's bottom.
  lo = first;
  hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rectOf(mid).top < band.bottom) lo = mid;
    else hi = mid - 1;
  }
  return { first, last: lo };
}

/**
 * The paragraphs whose text the browser has laid out, around the viewport: `core` (the
 * paragraphs on screen, always kept) widened towards `limit` while `isRendered` holds.
 * The reader's paragraphs use content-visibility: auto, so the browser lays out only those
 * near the viewport; measuring a position in any other one would make it lay that
 * paragraph out there and then (and, during a scroll, every frame). The rendered ones
 * form one run around the viewport, so each side is found by binary search.
 */
export function renderedAround(
  core: { first: number; last: number },
  limit: { first: number; last: number },
  isRendered: (i: number) => boolean,
): { first: number; last: number } {
  // Lowest i in [limit.first, core.first] with every paragraph from i to core.first rendered.
  let lo = limit.first;
  let hi = core.first;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isRendered(mid)) hi = mid;
    else lo = mid + 1;
  }
  const first = lo;
  lo = core.last;
  hi = limit.last;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isRendered(mid)) lo = mid;
    else hi = mid - 1;
  }
  return { first, last: lo };
}
