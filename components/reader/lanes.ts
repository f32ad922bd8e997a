/**
 * Greedy interval-lane assignment (interval partitioning): bars sorted by top edge take
 * the first lane whose previous bar has ended, so overlapping bars never share a lane and
 * the number of lanes equals the deepest overlap (capped at `maxLanes`; beyond it a bar
 * goes to the lane that frees first and `overflow` counts it).
 */
export type LaneInput = { top: number; bottom: number };

export function assignLanes(
  bars: readonly LaneInput[],
  opts: { gap?: number; maxLanes?: number } = {},
): { lanes: Int32Array; laneCount: number; overflow: number } {
  const gap = opts.gap ?? 2;
  const maxLanes = opts.maxLanes ?? Infinity;
  const order = bars.map((bar, i) => ({ bar, i })).sort((a, b) => a.bar.top - b.bar.top || b.bar.bottom - a.bar.bottom);
  const lanes = new Int32Array(bars.length);
  const laneEnds: number[] = [];
  let overflow = 0;
  for (const { bar, i } of order) {
    const { top, bottom } = bar;
    let lane = laneEnds.findIndex((end) => end + gap <= top);
    if (lane === -1) {
      if (laneEnds.length < maxLanes) {
        lane = laneEnds.length;
        laneEnds.push(bottom);
      } else {
        // Every lane is taken (maxLanes ≥ 1 here, so laneEnds is not empty): share the one that frees first.
        const freeAt = Math.min(...laneEnds);
        lane = laneEnds.indexOf(freeAt);
        laneEnds[lane] = Math.max(freeAt, bottom);
        overflow++;
      }
    } else laneEnds[lane] = bottom;
    lanes[i] = lane;
  }
  return { lanes, laneCount: laneEnds.length, overflow };
}
