/**
 * A grouping's yearly code profile and what the periods make of it: the timeline (coded
 * sentence units per chosen code and year, normalised, with each year's documents and
 * characters so a thin year is not read as a shift), the stage × code table (path
 * dependency: codes present in every stage; change: codes that appear or vanish at a
 * juncture) and juncture suggestions (change points of the yearly shares).
 *
 * A chosen code counts its whole subtree, each sentence unit once: a sentence carrying two
 * sub-themes of CON counts once for CON.
 */
import type { Db } from "../db/client";
import { codingsInYear, codingsWithYear, documentsPerYear, sentenceSpans, type ScopeKey } from "../db/periods";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { findChangePoints } from "./change-points";
import { getScopePeriods, type JunctureView, type StageView } from "./periods";
import { scopeSchema, type Scope } from "./schemas";

export const DEFAULT_PROFILE_CODES = ["COE", "CON", "COO"] as const;
export type Normalisation = "chars" | "documents" | "none";

export type ProfileCode = { id: string; shortName: string; labelZh: string; labelEn: string; color: string };
export type ProfileYear = {
  year: number;
  documents: number;
  chars: number;
  /** Coded sentence units per chosen code (same order as `codes`). */
  units: number[];
  /** `units` per 10,000 characters, per document, or as is. */
  values: number[];
  /** Each code's part of the chosen codes' units that year (0 when none). */
  shares: number[];
};
export type Timeline = {
  scope: Scope;
  per: Normalisation;
  codes: ProfileCode[];
  years: ProfileYear[];
  stages: StageView[];
  junctures: JunctureView[];
};

type CodeRow = { id: string; parentId: string | null; shortName: string; labelZh: string; labelEn: string; color: string };

/** The chosen codes (by short name; default the 3-CO themes the project has) and, per code id, the chosen codes it counts for. */
async function chosenCodes(db: Db, projectId: string, shortNames?: readonly string[]): Promise<{ codes: ProfileCode[]; countsFor: Map<string, number[]> }> {
  const all: CodeRow[] = await db.code.findMany({
    where: { projectId },
    select: { id: true, parentId: true, shortName: true, labelZh: true, labelEn: true, color: true },
  });
  const byName = new Map(all.map((c) => [c.shortName, c]));
  const names = shortNames && shortNames.length > 0 ? shortNames : DEFAULT_PROFILE_CODES.filter((n) => byName.has(n));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0) {
    throw new AppError("not_found", { en: `no code ${unknown.join(", ")} in this project`, zh: `本项目没有编码 ${unknown.join("、")}` });
  }
  if (names.length === 0) {
    throw new AppError("invalid_input", { en: "choose the codes to profile (this project has no COE, CON or COO)", zh: "请选择要统计的编码（本项目没有 COE、CON、COO）" });
  }
  const codes = names.map((n) => byName.get(n)!);
  const parent = new Map(all.map((c) => [c.id, c.parentId]));
  const index = new Map(codes.map((c, i) => [c.id, i]));
  const countsFor = new Map<string, number[]>();
  for (const c of all) {
    const hits: number[] = [];
    for (let at: string | null | undefined = c.id, guard = 0; at && guard < 100; at = parent.get(at), guard++) {
      const i = index.get(at);
      if (i !== undefined) hits.push(i);
    }
    if (hits.length > 0) countsFor.set(c.id, hits);
  }
  return { codes: codes.map((c) => ({ id: c.id, shortName: c.shortName, labelZh: c.labelZh, labelEn: c.labelEn, color: c.color })), countsFor };
}

function normalise(units: number, y: { documents: number; chars: number }, per: Normalisation): number {
  if (per === "chars") return y.chars > 0 ? (units * 10_000) / y.chars : 0;
  if (per === "documents") return y.documents > 0 ? units / y.documents : 0;
  return units;
}

/**
 * Coded sentence units per (year, chosen code), each unit once per code: every coding is
 * mapped to the sentences it overlaps by binary search over its document's sentence spans
 * (sorted, non-overlapping), so a coding spanning two sentences counts for both.
 */
async function unitCounts(db: Db, k: ScopeKey, countsFor: Map<string, number[]>, width: number): Promise<Map<number, number[]>> {
  const codings = (await codingsWithYear(db, k)).filter((c) => countsFor.has(c.codeId));
  const docIds = [...new Set(codings.map((c) => c.documentId))];
  const spans = await sentenceSpans(db, docIds);
  // Per document: sentence starts and ends, and a global number per sentence for the sets below.
  const byDoc = new Map<string, { starts: number[]; ends: number[]; base: number }>();
  spans.forEach((s, i) => {
    let d = byDoc.get(s.documentId);
    if (!d) byDoc.set(s.documentId, (d = { starts: [], ends: [], base: i }));
    d.starts.push(s.start);
    d.ends.push(s.end);
  });
  const seen = new Map<number, Set<number>[]>();
  for (const c of codings) {
    const d = byDoc.get(c.documentId);
    if (!d) continue;
    // First sentence ending after the coding's start.
    let lo = 0;
    let hi = d.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (d.ends[mid]! > c.start) hi = mid;
      else lo = mid + 1;
    }
    let perCode = seen.get(c.year);
    if (!perCode) seen.set(c.year, (perCode = Array.from({ length: width }, () => new Set<number>())));
    const targets = countsFor.get(c.codeId)!;
    for (let u = lo; u < d.starts.length && d.starts[u]! < c.end; u++) {
      for (const i of targets) perCode[i]!.add(d.base + u);
    }
  }
  return new Map([...seen].map(([year, sets]) => [year, sets.map((s) => s.size)]));
}

export async function getTimeline(
  db: Db,
  input: { projectId: string; scope: Scope; codes?: readonly string[]; per?: Normalisation },
): Promise<Timeline> {
  return (await profile(db, input)).timeline;
}

/** The timeline and which chosen codes each code counts for (the suggestions reuse both). */
async function profile(
  db: Db,
  input: { projectId: string; scope: Scope; codes?: readonly string[]; per?: Normalisation },
): Promise<{ timeline: Timeline; countsFor: Map<string, number[]> }> {
  const scope = parseInput(scopeSchema, input.scope);
  const per = input.per ?? "chars";
  const k: ScopeKey = { projectId: input.projectId, scopeField: scope.field, scopeValue: scope.value };
  const periods = await getScopePeriods(db, input.projectId, scope);
  const { codes, countsFor } = await chosenCodes(db, input.projectId, input.codes);
  const [docs, counts] = await Promise.all([documentsPerYear(db, k), unitCounts(db, k, countsFor, codes.length)]);
  const years: ProfileYear[] = [];
  if (docs.length > 0) {
    const byYear = new Map(docs.map((d) => [d.year, d]));
    // Every year from the first document to the last, so a gap shows as a gap.
    for (let y = docs[0]!.year; y <= docs[docs.length - 1]!.year; y++) {
      const d = byYear.get(y) ?? { year: y, documents: 0, chars: 0 };
      const units = counts.get(y) ?? codes.map(() => 0);
      const total = units.reduce((a, b) => a + b, 0);
      years.push({
        year: y,
        documents: d.documents,
        chars: d.chars,
        units,
        values: units.map((u) => normalise(u, d, per)),
        shares: units.map((u) => (total > 0 ? u / total : 0)),
      });
    }
  }
  return { timeline: { scope, per, codes, years, stages: periods.stages, junctures: periods.junctures }, countsFor };
}

export type StageCodeCell = { units: number; share: number; change: number | null };
export type StageCodeRow = {
  code: ProfileCode;
  cells: StageCodeCell[];
  /** Present (units > 0) in every stage: path dependency. */
  persistent: boolean;
  /** Stage indexes where the code appears (absent before) or vanishes (present before). */
  appears: number[];
  vanishes: number[];
};
export type StageCodeTable = { scope: Scope; stages: StageView[]; rows: StageCodeRow[]; documents: number[]; chars: number[] };

/** Codes against the grouping's stages: units, share of the stage's coded units, change from the previous stage. */
export async function getStageCodeTable(db: Db, input: { projectId: string; scope: Scope; codes?: readonly string[] }): Promise<StageCodeTable> {
  const t = await getTimeline(db, { ...input, per: "none" });
  // Documents carry a year: a stage holds the years from its start year to its end year.
  const inStage = (s: StageView, year: number) => year >= s.start.year && (s.end === null || year <= s.end.year);
  const units = t.stages.map((s) => t.codes.map((_, i) => t.years.filter((y) => inStage(s, y.year)).reduce((n, y) => n + y.units[i]!, 0)));
  const documents = t.stages.map((s) => t.years.filter((y) => inStage(s, y.year)).reduce((n, y) => n + y.documents, 0));
  const chars = t.stages.map((s) => t.years.filter((y) => inStage(s, y.year)).reduce((n, y) => n + y.chars, 0));
  const totals = units.map((row) => row.reduce((a, b) => a + b, 0));
  const rows = t.codes.map((code, i) => {
    const cells = t.stages.map((_, si) => {
      const share = totals[si]! > 0 ? units[si]![i]! / totals[si]! : 0;
      const prev = si > 0 ? (totals[si - 1]! > 0 ? units[si - 1]![i]! / totals[si - 1]! : 0) : null;
      return { units: units[si]![i]!, share, change: prev === null ? null : share - prev };
    });
    const present = cells.map((c) => c.units > 0);
    return {
      code,
      cells,
      persistent: present.length > 0 && present.every(Boolean),
      appears: present.flatMap((p, si) => (si > 0 && p && !present[si - 1] ? [si] : [])),
      vanishes: present.flatMap((p, si) => (si > 0 && !p && present[si - 1] ? [si] : [])),
    };
  });
  return { scope: t.scope, stages: t.stages, rows, documents, chars };
}

export type JunctureSuggestion = {
  /** The first year of the new profile. */
  year: number;
  gain: number;
  /** The codes whose share moved most, largest first, with the shares before and after. */
  moved: { code: ProfileCode; before: number; after: number; delta: number }[];
  /** Passages behind the shift: codings of the code that moved most, in the first year of the new profile. */
  passages: { codingId: string; documentId: string; title: string; shortName: string; start: number; end: number; quote: string }[];
};

/**
 * Years where the grouping's code profile shifts: change points of the yearly shares of the
 * chosen codes (years without documents left out, each year weighted by its characters).
 * Suggestions only: nothing is saved until the researcher accepts one.
 */
export async function suggestJunctures(
  db: Db,
  input: { projectId: string; scope: Scope; codes?: readonly string[]; penalty?: number; minSegment?: number },
): Promise<{ penalty: number; minSegment: number; years: number[]; suggestions: JunctureSuggestion[] }> {
  // One pass over the codings and the codebook: the profile brings the code mapping it used.
  const { timeline: t, countsFor } = await profile(db, { ...input, per: "none" });
  const k: ScopeKey = { projectId: input.projectId, scopeField: t.scope.field, scopeValue: t.scope.value };
  const rows = t.years.filter((y) => y.documents > 0 && y.units.some((u) => u > 0));
  if (rows.length < 2) return { penalty: input.penalty ?? 0, minSegment: input.minSegment ?? 2, years: rows.map((r) => r.year), suggestions: [] };
  const r = findChangePoints({
    series: rows.map((y) => y.shares),
    labels: rows.map((y) => y.year),
    weights: rows.map((y) => y.chars),
    penalty: input.penalty,
    minSegment: input.minSegment,
  });
  return {
    penalty: r.penalty,
    minSegment: r.minSegment,
    years: rows.map((y) => y.year),
    suggestions: await Promise.all(
      r.changes.map(async (c) => {
        const top = c.moved[0]?.dimension ?? 0;
        const codeIds = [...countsFor].filter(([, dims]) => dims.includes(top)).map(([id]) => id);
        const found = await codingsInYear(db, k, c.label, codeIds, 8);
        return {
          year: c.label,
          gain: c.gain,
          moved: c.moved.map((m) => ({ code: t.codes[m.dimension]!, before: c.before[m.dimension]!, after: c.after[m.dimension]!, delta: m.delta })),
          passages: found.map((f) => ({ codingId: f.id, documentId: f.documentId, title: f.document.title, shortName: f.code.shortName, start: f.start, end: f.end, quote: f.quote })),
        };
      }),
    ),
  };
}
