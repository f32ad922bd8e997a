import { describe, expect, it } from "vitest";
import table41 from "../../lib/periods/table-4-1.json";
import { parsePeriodDate, periodProblems, parsePeriodsText, type StageSpan } from "../../lib/periods";

const y = (year: number, month?: number) => ({ year, month: month ?? null });
const stage = (name: string, start: number, end: number | null): StageSpan => ({ name, start: y(start), end: end === null ? null : y(end) });
const kinds = (stages: StageSpan[], junctures: { title: string; date: { year: number; month?: number | null } }[] = []) =>
  periodProblems(stages, junctures).map((p) => p.kind);

describe("periods rules", () => {
  it("accepts consecutive stages and junctures at a boundary or in a gap", () => {
    const stages = [stage("I", 2006, 2010), stage("II", 2011, 2013), stage("III", 2015, null)];
    expect(kinds(stages, [{ title: "a", date: y(2010) }, { title: "b", date: y(2011) }, { title: "c", date: y(2014) }, { title: "d", date: y(2015) }])).toEqual([]);
  });

  it("refuses overlapping stages, a stage ending before it starts, and a stage after a running one", () => {
    expect(kinds([stage("I", 2006, 2010), stage("II", 2010, 2013)])).toEqual(["overlap"]);
    expect(kinds([stage("I", 2012, 2010)])).toEqual(["order"]);
    const running = periodProblems([stage("I", 2006, null), stage("II", 2012, 2014)], []);
    expect(running.map((p) => p.kind)).toEqual(["overlap"]);
    expect(running[0]!.text.en).toContain("still running");
    // Months separate stages within one year.
    expect(kinds([{ name: "I", start: y(2014, 1), end: y(2014, 5) }, { name: "II", start: y(2014, 6), end: y(2015) }])).toEqual([]);
    expect(kinds([{ name: "I", start: y(2014, 1), end: y(2014, 6) }, { name: "II", start: y(2014, 6), end: y(2015) }])).toEqual(["overlap"]);
  });

  it("refuses a juncture inside a stage, before the first stage, or without stages", () => {
    const stages = [stage("I", 2006, 2010), stage("II", 2011, null)];
    const inside = periodProblems(stages, [{ title: "mid", date: y(2008) }]);
    expect(inside.map((p) => p.kind)).toEqual(["juncture"]);
    expect(inside[0]!.text.en).toBe("juncture “mid” (2008) falls inside stage “I” (2006–2010); a juncture belongs at a stage's end or the next one's start");
    expect(kinds(stages, [{ title: "late", date: y(2016) }])).toEqual(["juncture"]); // inside the running stage
    expect(kinds(stages, [{ title: "early", date: y(2001) }])).toEqual(["juncture"]);
    expect(kinds([], [{ title: "alone", date: y(2001) }])).toEqual(["juncture"]);
    // A dated juncture inside a stage's first year, after its first month, is inside.
    expect(kinds([{ name: "I", start: y(2014, 2), end: y(2016) }], [{ title: "m", date: y(2014, 3) }])).toEqual(["juncture"]);
    expect(kinds([{ name: "I", start: y(2014, 2), end: y(2016) }], [{ title: "m", date: y(2014, 2) }])).toEqual([]);
  });

  it("reads dates written as years or year-months, and nothing else", () => {
    expect(parsePeriodDate("2014")).toEqual({ year: 2014, month: null });
    expect(parsePeriodDate("2014-03")).toEqual({ year: 2014, month: 3 });
    expect(parsePeriodDate("2014年3月")).toEqual({ year: 2014, month: 3 });
    expect(parsePeriodDate("2014-13")).toBeNull();
    expect(parsePeriodDate("14")).toBeNull();
  });

  it("finds the study's Table 4.1 consistent: four stages and three junctures per region", () => {
    const file = parsePeriodsText(JSON.stringify(table41));
    expect(file.groupings.map((g) => g.value)).toEqual(["CC", "BTH", "SCLN"]);
    for (const g of file.groupings) {
      expect(g.stages).toHaveLength(4);
      expect(g.junctures).toHaveLength(3);
      const stages = (g.stages ?? []).map((s) => ({ name: s.nameEn ?? "", start: parsePeriodDate(String(s.start))!, end: s.end == null ? null : parsePeriodDate(String(s.end)) }));
      const junctures = (g.junctures ?? []).map((j) => ({ title: j.titleEn ?? "", date: parsePeriodDate(String(j.date))! }));
      expect(periodProblems(stages, junctures)).toEqual([]);
    }
  });
});
