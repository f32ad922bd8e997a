/**
 * Dates of stages and junctures: a year with an optional month, as the sources give them
 * ("2014", "2014-02"). A stage's start without a month means January, its end December;
 * a stage without an end is still running.
 */
export type PeriodDate = { year: number; month?: number | null };

/** Months since year 0 of the first month a date can mean. */
export function firstMonth(d: PeriodDate): number {
  return d.year * 12 + ((d.month ?? 1) - 1);
}

/** Months since year 0 of the last month a date can mean. */
export function lastMonth(d: PeriodDate): number {
  return d.year * 12 + ((d.month ?? 12) - 1);
}

export function formatPeriodDate(d: PeriodDate): string {
  return d.month ? `${d.year}-${String(d.month).padStart(2, "0")}` : String(d.year);
}

/** "2006–2010", "2018–" (still running). */
export function formatSpan(start: PeriodDate, end: PeriodDate | null): string {
  return `${formatPeriodDate(start)}–${end ? formatPeriodDate(end) : ""}`;
}

/** "2014" or "2014-02" → PeriodDate; null when it is neither. */
export function parsePeriodDate(text: string): PeriodDate | null {
  const m = /^\s*(\d{4})(?:[-./年](\d{1,2})月?)?\s*$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  return { year, month };
}
