import type { Bilingual } from "../i18n/locale";
import { firstMonth, formatPeriodDate, formatSpan, lastMonth, type PeriodDate } from "./period-dates";

/** What the rules need of a stage: its dates and a name to quote in a refusal. */
export type StageSpan = { id?: string; name: string; start: PeriodDate; end: PeriodDate | null };
export type JuncturePoint = { id?: string; title: string; date: PeriodDate };

export type PeriodProblem = { kind: "order" | "overlap" | "juncture"; text: Bilingual };

const label = (s: StageSpan) => `“${s.name}” (${formatSpan(s.start, s.end)})`;
const labelZh = (s: StageSpan) => `“${s.name}”（${formatSpan(s.start, s.end)}）`;

/** Stages ordered by start (ties by end, a running stage last). */
export function sortStages<T extends { start: PeriodDate; end: PeriodDate | null }>(stages: readonly T[]): T[] {
  return stages
    .slice()
    .sort((a, b) => firstMonth(a.start) - firstMonth(b.start) || (a.end ? lastMonth(a.end) : Infinity) - (b.end ? lastMonth(b.end) : Infinity));
}

/**
 * Every rule a grouping's periods break: a stage ending before it starts; two stages
 * sharing a month (so a stage "2006–2010" and one "2010–2013" overlap, while "2011–2013"
 * follows it); a stage after one that is still running; a juncture inside a stage rather
 * than between two (or after the last one that ended), or before the first stage.
 * Empty when the periods are consistent.
 */
export function periodProblems(stages: readonly StageSpan[], junctures: readonly JuncturePoint[]): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  for (const s of stages) {
    if (s.end && lastMonth(s.end) < firstMonth(s.start)) {
      problems.push({
        kind: "order",
        text: { en: `stage ${label(s)} ends before it starts`, zh: `阶段${labelZh(s)}的结束早于开始` },
      });
    }
  }
  const sorted = sortStages(stages);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    const aLast = a.end ? lastMonth(a.end) : Infinity;
    if (firstMonth(b.start) <= aLast) {
      problems.push({
        kind: "overlap",
        text: a.end
          ? { en: `stages ${label(a)} and ${label(b)} overlap`, zh: `阶段${labelZh(a)}与${labelZh(b)}时间重叠` }
          : {
              en: `stage ${label(a)} is still running, so ${label(b)} cannot follow it; give ${label(a)} an end first`,
              zh: `阶段${labelZh(a)}尚未结束，不能再接${labelZh(b)}；请先为其设定结束时间`,
            },
      });
    }
  }
  for (const j of junctures) {
    const problem = junctureProblem(sorted, j);
    if (problem) problems.push({ kind: "juncture", text: problem });
  }
  return problems;
}

/**
 * A juncture ends one stage and opens the next: it may fall in the last year (or month) of
 * a stage, in the first of the next, or in a gap between them — not inside a stage, and not
 * before the first one.
 */
function junctureProblem(sorted: readonly StageSpan[], j: JuncturePoint): Bilingual | null {
  const what = `“${j.title}” (${formatPeriodDate(j.date)})`;
  const whatZh = `“${j.title}”（${formatPeriodDate(j.date)}）`;
  if (sorted.length === 0) {
    return { en: `juncture ${what} needs the stages it separates: add the stages first`, zh: `关键节点${whatZh}需要前后阶段：请先添加阶段` };
  }
  const first = sorted[0]!;
  if (lastMonth(j.date) < firstMonth(first.start)) {
    return { en: `juncture ${what} falls before the first stage ${label(first)}`, zh: `关键节点${whatZh}早于第一个阶段${labelZh(first)}` };
  }
  for (const s of sorted) {
    // Inside: wholly after the stage's first year (or month) and wholly before its last one.
    const startsAfter = firstMonth(j.date) > lastMonth(s.start);
    const endsBefore = s.end ? lastMonth(j.date) < firstMonth(s.end) : true;
    if (startsAfter && endsBefore) {
      return {
        en: `juncture ${what} falls inside stage ${label(s)}; a juncture belongs at a stage's end or the next one's start`,
        zh: `关键节点${whatZh}位于阶段${labelZh(s)}之中；关键节点应位于阶段的结束或下一阶段的开始`,
      };
    }
  }
  return null;
}
