import { apiJson } from "@/components/api/client";
import type { EvidenceInput, JunctureInput, JuncturePatch, JunctureSuggestion, JunctureView, Normalisation, Scope, ScopePeriods, StageCodeTable, StageInput, StagePatch, StageView, Timeline } from "@/lib/periods";

/** The periods page's typed calls to its routes, over the shared client (failures are ApiFailure with the server's reason). */
const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;
const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]]))).toString();

export type PeriodPassage = { codingId: string; shortName: string; documentId: string; title: string; year: number | null; coder: string; start: number; quote: string; before: string; after: string };
export type PeriodPassages = { total: number; units: number; passages: PeriodPassage[] };

export type SuggestionResult = { penalty: number; minSegment: number; years: number[]; suggestions: JunctureSuggestion[] };

export const periodsApi = {
  list: (projectId: string) => apiJson<{ periods: ScopePeriods[] }>(`${base(projectId)}/periods`).then((r) => r.periods),
  timeline: (projectId: string, scope: Scope, codes: string, per: Normalisation) =>
    apiJson<Timeline>(`${base(projectId)}/timeline?${q({ field: scope.field, value: scope.value, codes, per })}`),
  stageCodes: (projectId: string, scope: Scope, codes: string) =>
    apiJson<StageCodeTable>(`${base(projectId)}/periods/stage-codes?${q({ field: scope.field, value: scope.value, codes })}`),
  suggestions: (projectId: string, scope: Scope, codes: string, penalty?: number, minSegment?: number) =>
    apiJson<SuggestionResult>(`${base(projectId)}/periods/suggestions?${q({ field: scope.field, value: scope.value, codes, penalty, minSegment })}`),
  createStage: (projectId: string, scope: Scope, stage: StageInput) =>
    apiJson<{ stage: StageView }>(`${base(projectId)}/periods/stages`, { body: { scope, stage } }).then((r) => r.stage),
  updateStage: (id: string, version: number, patch: StagePatch) =>
    apiJson<{ stage: StageView }>(`/api/stages/${encodeURIComponent(id)}`, { method: "PATCH", body: { version, ...patch } }).then((r) => r.stage),
  deleteStage: (id: string, version: number) => apiJson(`/api/stages/${encodeURIComponent(id)}?version=${version}`, { method: "DELETE" }),
  createJuncture: (projectId: string, scope: Scope, juncture: JunctureInput, evidence: EvidenceInput[] = []) =>
    apiJson<{ juncture: JunctureView }>(`${base(projectId)}/periods/junctures`, { body: { scope, juncture, evidence } }).then((r) => r.juncture),
  updateJuncture: (id: string, version: number, patch: JuncturePatch) =>
    apiJson<{ juncture: JunctureView }>(`/api/junctures/${encodeURIComponent(id)}`, { method: "PATCH", body: { version, ...patch } }).then((r) => r.juncture),
  deleteJuncture: (id: string, version: number) => apiJson(`/api/junctures/${encodeURIComponent(id)}?version=${version}`, { method: "DELETE" }),
  addEvidence: (junctureId: string, evidence: EvidenceInput) =>
    apiJson<{ juncture: JunctureView }>(`/api/junctures/${encodeURIComponent(junctureId)}/evidence`, { body: evidence }).then((r) => r.juncture),
  removeEvidence: (id: string) => apiJson(`/api/juncture-evidence/${encodeURIComponent(id)}`, { method: "DELETE" }),
  copy: (projectId: string, from: Scope, to: Scope) => apiJson<{ periods: ScopePeriods }>(`${base(projectId)}/periods/copy`, { body: { from, to } }).then((r) => r.periods),
  /** The codings of a code (with its sub-codes) in some years of a grouping: the analysis drill-down, filtered. */
  passages: (projectId: string, scope: Scope, code: string, years: number[], limit = 100) =>
    apiJson<PeriodPassages>(
      `${base(projectId)}/analysis/passages?${q({ code, filter: `${scope.field}=${scope.value},year=${years.join("|")}`, limit, context: 20 })}`,
    ),
  exportUrl: (projectId: string, format: "json" | "csv" | "md", scope?: Scope) =>
    `${base(projectId)}/periods/export?${q({ format, field: scope?.field, value: scope?.value })}`,
};
