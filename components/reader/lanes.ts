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
  const order = bars.map((_, i) => i).sort((a, b) => bars[a].top - bars[b].top || bars[b].bottom - bars[a].bottom);
  const lanes = new Int32Array(bars.length);
  const laneEnds: number[] = [];
  let overflow = 0;
  for (const i of order) {
    const { top, bottom } = bars[i];
    let lane = laneEnds.findIndex((end) => end + gap <= top);
    if (lane === -1) {
      if (laneEnds.length < maxLanes) {
        lane = laneEnds.length;
        laneEnds.push(bottom);
      } else {
        lane = laneEnds.indexOf(Math.min(...laneEnds));
        laneEnds[lane] = Math.max(laneEnds[lane], bottom);
        overflow++;
      }
    } else laneEnds[lane] = bottom;
    lanes[i] = lane;
  }
  return { lanes, laneCount: laneEnds.length, overflow };
}
