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
