import { describe, expect, it } from "vitest";
import { assignLanes } from "../../components/reader/lanes";
import { paragraphsInBand, renderedAround } from "../../components/reader/viewport";

describe("margin lanes", () => {
  it("gives overlapping bars different lanes and reuses a lane once it is free (gap included)", () => {
    const bars = [
      { top: 0, bottom: 50 },
      { top: 10, bottom: 30 },
      { top: 52, bottom: 60 }, // lane 0 ends at 50: free with gap 2
      { top: 31, bottom: 40 }, // lane 1 ends at 30: needs 32 with gap 2 → third lane
    ];
    const { lanes, laneCount, overflow } = assignLanes(bars, { gap: 2 });
    expect(Array.from(lanes)).toEqual([0, 1, 0, 2]);
    expect([laneCount, overflow]).toEqual([3, 0]);
  });

  it("shares the lane that frees first beyond the cap, and counts the overflow", () => {
    const bars = [
      { top: 0, bottom: 100 },
      { top: 0, bottom: 40 },
      { top: 5, bottom: 90 },
    ];
    const { lanes, laneCount, overflow } = assignLanes(bars, { gap: 0, maxLanes: 2 });
    expect(Array.from(lanes)).toEqual([0, 1, 1]);
    expect([laneCount, overflow]).toEqual([2, 1]);
  });
});

describe("paragraphs near the viewport", () => {
  // Ten paragraphs of 100px, the first at y = -300 (scrolled down by 300).
  const rect = (i: number) => ({ top: -300 + 100 * i, bottom: -300 + 100 * (i + 1) });

  it("finds the paragraphs intersecting the band by their boxes", () => {
    expect(paragraphsInBand(10, rect, { top: 0, bottom: 250 })).toEqual({ first: 3, last: 5 });
    // Touching is not intersecting: paragraph 2 ends at 0, paragraph 6 starts at 300.
    expect(paragraphsInBand(10, rect, { top: 0, bottom: 300 })).toEqual({ first: 3, last: 5 });
    expect(paragraphsInBand(10, rect, { top: -1000, bottom: 10_000 })).toEqual({ first: 0, last: 9 });
    expect(paragraphsInBand(10, rect, { top: 650, bottom: 700 })).toEqual({ first: 9, last: 9 });
  });

  it("reads only a logarithmic number of boxes", () => {
    let reads = 0;
    const counted = (i: number) => {
      reads++;
      return { top: 100 * i, bottom: 100 * (i + 1) };
    };
    expect(paragraphsInBand(100_000, counted, { top: 5_000_000, bottom: 5_000_900 })).toEqual({ first: 50_000, last: 50_008 });
    expect(reads).toBeLessThanOrEqual(2 * 18);
  });

  it("finds nothing outside the text or without paragraphs", () => {
    expect(paragraphsInBand(10, rect, { top: 800, bottom: 900 })).toBeNull();
    expect(paragraphsInBand(10, rect, { top: -900, bottom: -400 })).toBeNull();
    expect(paragraphsInBand(0, rect, { top: 0, bottom: 100 })).toBeNull();
  });
});

describe("paragraphs the browser has rendered around the viewport", () => {
  // Paragraphs 40–60 rendered (content-visibility: auto lays out only those near the viewport).
  const rendered = (i: number) => i >= 40 && i <= 60;

  it("widens the on-screen paragraphs to the rendered run, within the limit", () => {
    expect(renderedAround({ first: 48, last: 52 }, { first: 0, last: 99 }, rendered)).toEqual({ first: 40, last: 60 });
    expect(renderedAround({ first: 48, last: 52 }, { first: 45, last: 55 }, rendered)).toEqual({ first: 45, last: 55 });
  });

  it("keeps the on-screen paragraphs even before the browser has rendered them (the first layout)", () => {
    expect(renderedAround({ first: 10, last: 12 }, { first: 0, last: 99 }, () => false)).toEqual({ first: 10, last: 12 });
    // Rendered on one side only.
    expect(renderedAround({ first: 38, last: 39 }, { first: 0, last: 99 }, rendered)).toEqual({ first: 38, last: 60 });
  });

  it("asks about a logarithmic number of paragraphs", () => {
    let asked = 0;
    const counted = (i: number) => {
      asked++;
      return i >= 40_000 && i <= 60_000;
    };
    expect(renderedAround({ first: 50_000, last: 50_010 }, { first: 0, last: 99_999 }, counted)).toEqual({ first: 40_000, last: 60_000 });
    expect(asked).toBeLessThanOrEqual(2 * 17);
  });
});
