/** The agreement report as the API sends it (types only: the lib module itself reads the database). */
export type {
  AgreementReportView,
  DisagreementPassage,
  DisputedCode,
  Figures,
  PairFigures,
} from "@/lib/agreement/agreement-report";
export type { AgreementChoices } from "@/lib/agreement/load-agreement-input";

/** The chosen coders (names), codes (ids) and documents (ids); empty codes/documents = all. */
export type AgreementSelection = { coders: string[]; codes: string[]; documents: string[] };

/** The API / page query string of a selection. */
export function selectionQuery(s: AgreementSelection): string {
  const q = new URLSearchParams();
  if (s.coders.length) q.set("coders", s.coders.join(","));
  if (s.codes.length) q.set("codes", s.codes.join(","));
  if (s.documents.length) q.set("documents", s.documents.join(","));
  return q.toString();
}

/** A coefficient to three decimals, or null when undefined. */
export function coefficient(v: number | null): string | null {
  return v === null ? null : v.toFixed(3);
}
