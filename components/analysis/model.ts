/**
 * The analysis views' state and how it becomes API query strings; pure, shared by the
 * components. Types come from lib/analysis (type-only: nothing of the server is bundled).
 */
import type { AnalysisGroupBy, CooccurrenceMode, FrequencyCell, FrequencyGroup } from "@/lib/analysis";
import type { Locale } from "@/lib/i18n/locale";
import { docTypeLabel, levelLabel, regionLabel } from "@/components/documents/labels";

export type { AnalysisGroupBy, CooccurrenceMode };
export type Metric = "codings" | "units" | "per10k" | "shareOfAll" | "shareOfParent";
export const METRICS: readonly Metric[] = ["codings", "units", "per10k", "shareOfAll", "shareOfParent"];
export const GROUPINGS: readonly AnalysisGroupBy[] = ["code", "region", "province", "city", "level", "type", "year", "stage", "document", "coder"];
/** Combined groupings offered in the menu (any two or three document fields or variables work in the API). */
export const COMBINED_GROUPINGS: readonly (readonly AnalysisGroupBy[])[] = [
  ["region", "year"],
  ["type", "year"],
  ["region", "type"],
  ["province", "year"],
];
export const FILTER_FIELDS = ["region", "province", "type", "level", "year"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type Filters = Record<FilterField, string[]>;
export const NO_FILTERS: Filters = { region: [], province: [], type: [], level: [], year: [] };

/** `variables`: a document variable's name → accepted values. */
/** `consensus`: the consensus of `coders` (two or more) instead of their own codings. */
export type Scope = { filters: Filters; variables: Record<string, string[]>; codes: string; coders: string; consensus?: boolean };

/** A document variable as the page receives it. */
export type VariableInfo = { name: string; labelZh: string; labelEn: string; kind: string; categories: string[] };

/** `region=BTH|YRD,type=plan,role=secondary` — the filter spec of the API and the CLI. */
export function filterSpec(f: Filters, variables: Record<string, string[]> = {}): string {
  return [
    ...FILTER_FIELDS.filter((k) => f[k].length > 0).map((k) => `${k}=${f[k].join("|")}`),
    ...Object.entries(variables)
      .filter(([, v]) => v.length > 0)
      .map(([k, v]) => `${k}=${v.join("|")}`),
  ].join(",");
}

export function scopeParams(s: Scope): URLSearchParams {
  const p = new URLSearchParams();
  const spec = filterSpec(s.filters, s.variables);
  if (spec) p.set("filter", spec);
  if (s.codes) p.set("codes", s.codes);
  if (s.coders.trim()) p.set("coders", s.coders.trim());
  if (s.consensus) p.set("consensus", "1");
  return p;
}

/** A number's passages: a code (rolled up), optionally in a group or where it meets another code. */
export type PassageTarget = {
  code: string;
  codeLabel: string;
  rollUp?: boolean;
  /** A built-in grouping or a document variable's name. */
  group?: { by: string; key: string; label: string };
  cooccurrence?: { mode: CooccurrenceMode; with: string; withLabel: string };
  /** A mismatch matrix's cell: only units that also carry this code. */
  within?: string;
};

export function passageParams(s: Scope, target: PassageTarget): URLSearchParams {
  const p = scopeParams(s);
  p.set("code", target.code);
  if (target.rollUp === false) p.set("rollUp", "0");
  if (target.rollUp === true) p.set("rollUp", "1");
  if (target.within) p.set("within", target.within);
  if (target.group && target.group.by !== "code") {
    p.set("groupBy", target.group.by);
    p.set("group", JSON.stringify(target.group.key));
  }
  if (target.cooccurrence) {
    p.set("with", target.cooccurrence.with);
    p.set("mode", target.cooccurrence.mode);
  }
  return p;
}

export function metricValue(cell: FrequencyCell, metric: Metric): number | null {
  return cell[metric];
}

/** The same metric for a whole group (the column total of the code × document table). */
export function groupMetric(g: Pick<FrequencyGroup, "codings" | "codedUnits" | "chars">, metric: Metric): number | null {
  switch (metric) {
    case "codings":
      return g.codings;
    case "units":
      return g.codedUnits;
    case "per10k":
      return g.chars === 0 ? null : (g.codings * 10_000) / g.chars;
    default:
      return null;
  }
}

export function isShare(metric: Metric): boolean {
  return metric === "shareOfAll" || metric === "shareOfParent";
}

type StageInfo = FrequencyGroup["stage"];

/** A group's label in the interface language: region, level and type codes are translated; `outside` names the documents outside stages. */
export function groupLabel(by: string, g: { key: string; label: string; stage?: StageInfo }, locale: Locale, unknown: string, outside = unknown): string {
  if (by.includes("+")) {
    // region+year: each part of the key (joined by U+001F) translated like a single grouping.
    const parts = by.split("+");
    const keys = g.key.split("\u001f");
    return parts.map((p, i) => groupLabel(p, { key: keys[i] ?? "", label: keys[i] ?? "" }, locale, unknown)).join(" · ");
  }
  if (by === "stage") {
    if (!g.stage) return g.key === "" ? outside : g.label;
    const name = locale === "zh" ? g.stage.nameZh || g.stage.nameEn : g.stage.nameEn || g.stage.nameZh;
    return `${regionLabel(g.stage.region)[locale]} ${g.stage.span}${name ? ` ${name}` : ""}`;
  }
  if (g.key === "" && by !== "code") return unknown;
  if (by === "region") return regionLabel(g.key)[locale];
  if (by === "level") return levelLabel(g.key)[locale];
  if (by === "type") return docTypeLabel(g.key)[locale];
  return g.label;
}

export function codeLabel(c: { shortName: string; labelZh: string; labelEn: string }, locale: Locale): string {
  const label = locale === "zh" ? c.labelZh || c.labelEn : c.labelEn || c.labelZh;
  return label && label !== c.shortName ? `${c.shortName} ${label}` : c.shortName;
}

/** The reader at a coding (the reader scrolls to ?at=; ?coding= names the coding itself). */
export function readerHref(projectId: string, p: { documentId: string; start: number; codingId: string }): string {
  return `/projects/${projectId}/documents/${p.documentId}?at=${p.start}&coding=${encodeURIComponent(p.codingId)}`;
}

/** Heat colour of a value against the table's maximum (white → accent blue). */
export function heat(value: number | null, max: number): string | undefined {
  if (value === null || value <= 0 || max <= 0) return undefined;
  const a = Math.min(1, value / max);
  return `rgba(37, 99, 235, ${(0.08 + 0.6 * a).toFixed(3)})`;
}
