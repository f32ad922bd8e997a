"use client";

import { Download, Pencil, Plus, Printer, Trash2 } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiFailure } from "@/components/api/client";
import { useCan } from "@/components/auth/ProjectRole";
import { Button, ErrorNote, inputClass, selectClass } from "@/components/shell/ui";
import type { JunctureView, Normalisation, Scope, ScopePeriods, StageCodeTable, StageView, Timeline } from "@/lib/periods";
import { formatPeriodDate, formatSpan } from "@/lib/periods/period-dates";
import { periodsApi, type SuggestionResult } from "./api";
import { Comparison } from "./Comparison";
import { PassagesPanel } from "./PassagesPanel";
import { JunctureDialog, StageDialog, type JunctureDraft } from "./PeriodForms";
import { TimelineChart } from "./TimelineChart";

export type Grouping = Scope & { label: string; documents: number };
export type DocumentRef = { id: string; title: string; year: number | null; region: string; province: string; city: string };

type Selection = { kind: "year"; year: number } | { kind: "stage"; id: string } | { kind: "juncture"; id: string } | null;
type Tab = "timeline" | "stageCodes" | "suggestions" | "comparison";

/** A year whose documents hold less than this share of the grouping's median year reads as thin. */
const THIN = 0.25;

const scopeKey = (s: Scope) => `${s.field}=${s.value}`;

/**
 * Periods of a project: pick a grouping (a mega-region by default), see its yearly code
 * profile under its stages and junctures, edit them, read the stage × code table, ask for
 * juncture suggestions, and compare groupings on one axis. Every change goes through the
 * routes; a refusal (overlap, stale version…) is shown with the server's reason.
 */
export function PeriodsView({
  projectId,
  groupings,
  initialScope,
  initialPeriods,
  documents,
}: {
  projectId: string;
  groupings: Grouping[];
  initialScope: Scope | null;
  initialPeriods: ScopePeriods[];
  documents: DocumentRef[];
}) {
  const t = useTranslations("periods");
  const locale = useLocale();
  // Viewers read; the buttons that change periods are for coders and owners.
  const canEdit = useCan("code");
  const name = useCallback((zh: string, en: string) => (locale === "zh" ? zh || en : en || zh), [locale]);
  const [scope, setScope] = useState<Scope | null>(initialScope);
  const [codes, setCodes] = useState("");
  const [per, setPer] = useState<Normalisation>("chars");
  const [tab, setTab] = useState<Tab>("timeline");
  const [periods, setPeriods] = useState(initialPeriods);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [table, setTable] = useState<StageCodeTable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [stageDialog, setStageDialog] = useState<{ stage: StageView | null } | null>(null);
  const [junctureDialog, setJunctureDialog] = useState<{ juncture: JunctureView | null; initial?: Partial<JunctureDraft>; evidence?: { kind: "coding"; targetId: string }[] } | null>(null);
  const [generation, setGeneration] = useState(0);

  const fail = (e: unknown) => setError(e instanceof ApiFailure ? e.message : String(e));
  const refresh = () => setGeneration((g) => g + 1);

  useEffect(() => {
    if (!scope) return;
    let live = true;
    Promise.all([periodsApi.timeline(projectId, scope, codes, per), periodsApi.stageCodes(projectId, scope, codes), periodsApi.list(projectId)]).then(
      ([tl, st, list]) => {
        if (!live) return;
        setTimeline(tl);
        setTable(st);
        setPeriods(list);
        setError(null);
      },
      (e: unknown) => live && fail(e),
    );
    return () => {
      live = false;
    };
  }, [projectId, scope, codes, per, generation]);

  const median = useMemo(() => {
    const chars = (timeline?.years ?? []).filter((y) => y.documents > 0).map((y) => y.chars).sort((a, b) => a - b);
    return chars.length ? chars[Math.floor(chars.length / 2)]! : 0;
  }, [timeline]);

  const docsOf = (from: number, to: number | null) =>
    scope ? documents.filter((d) => d.year !== null && d.year >= from && (to === null || d.year <= to) && d[scope.field] === scope.value) : [];
  const reader = (documentId: string, at?: number | null) => `/projects/${projectId}/documents/${documentId}${at != null ? `?at=${at}` : ""}`;

  const saveStage = async (stage: StageView | null, d: Parameters<typeof periodsApi.createStage>[2]) => {
    if (!scope) return;
    if (stage) await periodsApi.updateStage(stage.id, stage.version, d);
    else await periodsApi.createStage(projectId, scope, d);
    refresh();
  };
  const saveJuncture = async (j: JunctureView | null, d: JunctureDraft, evidence: { kind: "coding"; targetId: string }[] = []) => {
    if (!scope) return;
    if (j) await periodsApi.updateJuncture(j.id, j.version, d);
    else {
      await periodsApi.createJuncture(projectId, scope, d, evidence);
      if (evidence.length) setNotice(t("accepted", { count: evidence.length }));
    }
    refresh();
  };
  const remove = async (what: "stage" | "juncture", id: string, version: number) => {
    if (!window.confirm(t(what === "stage" ? "confirmDeleteStage" : "confirmDeleteJuncture"))) return;
    try {
      await (what === "stage" ? periodsApi.deleteStage(id, version) : periodsApi.deleteJuncture(id, version));
      refresh();
    } catch (e) {
      fail(e);
    }
  };

  const current = scope ? periods.find((p) => scopeKey(p.scope) === scopeKey(scope)) : undefined;
  const stages = timeline?.stages ?? current?.stages ?? [];
  const junctures = timeline?.junctures ?? current?.junctures ?? [];

  return (
    <div className="flex flex-col gap-4" data-testid="periods-view">
      <header className="flex flex-col gap-1">
        <h1 className="text-lg font-semibold">{t("title")}</h1>
        <p className="text-[13px] text-stone-600">{t("intro")}</p>
      </header>

      <div className="flex flex-wrap items-end gap-3 rounded-md border border-stone-200 bg-white p-3">
        <label className="flex flex-col gap-1 text-[11px] text-stone-600">
          {t("grouping")}
          <select
            className={selectClass + " w-64"}
            value={scope ? scopeKey(scope) : ""}
            onChange={(e) => {
              const g = groupings.find((x) => scopeKey(x) === e.target.value);
              setScope(g ? { field: g.field, value: g.value } : null);
              setSelection(null);
            }}
            data-testid="grouping-select"
          >
            {groupings.map((g) => (
              <option key={scopeKey(g)} value={scopeKey(g)}>
                {t(`field.${g.field}`)}: {g.label} ({g.documents})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-[11px] text-stone-600" title={t("codesHint")}>
          {t("codes")}
          <input className={inputClass + " w-48"} placeholder="COE,CON,COO" defaultValue={codes} onBlur={(e) => setCodes(e.target.value.trim())} />
        </label>
        <label className="flex flex-col gap-1 text-[11px] text-stone-600">
          {t("per")}
          <select className={selectClass + " w-48"} value={per} onChange={(e) => setPer(e.target.value as Normalisation)}>
            {(["chars", "documents", "none"] as const).map((p) => (
              <option key={p} value={p}>
                {t(`perOption.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="ml-auto flex items-center gap-1 text-[12px]">
          <Download size={13} className="text-stone-500" aria-hidden />
          <span className="text-stone-500">{t("export")}:</span>
          {(["json", "csv", "md"] as const).map((f) => (
            <a key={f} className="rounded px-1.5 py-0.5 text-accent-700 hover:bg-accent-50" href={periodsApi.exportUrl(projectId, f)} download>
              {t(f === "json" ? "exportJson" : f === "csv" ? "exportCsv" : "exportMd")}
            </a>
          ))}
          <Button size="sm" variant="ghost" onClick={() => window.print()}>
            <Printer size={12} /> {t("print")}
          </Button>
          {/* The periods' change history is the audit log filtered to periods (owners and coders). */}
          {canEdit ? (
            <Link className="rounded px-1.5 py-0.5 text-accent-700 hover:bg-accent-50" href={`/projects/${projectId}/audit?kind=period`} data-testid="periods-audit-link">
              {t("auditLink")}
            </Link>
          ) : null}
        </div>
      </div>

      <ErrorNote>{error}</ErrorNote>
      {notice ? (
        <p role="status" className="rounded border border-emerald-200 bg-emerald-50 px-2.5 py-1.5 text-xs text-emerald-800" data-testid="periods-notice">
          {notice}
        </p>
      ) : null}

      <nav className="flex gap-1 border-b border-stone-200 print:hidden" role="tablist">
        {(["timeline", "stageCodes", "suggestions", "comparison"] as const).map((k) => (
          <button
            key={k}
            role="tab"
            aria-selected={tab === k}
            onClick={() => setTab(k)}
            className={`border-b-2 px-3 py-1.5 text-[13px] ${tab === k ? "border-accent-600 font-medium" : "border-transparent text-stone-600 hover:text-stone-900"}`}
          >
            {t(k)}
          </button>
        ))}
      </nav>

      {tab === "comparison" ? (
        <Comparison periods={periods} name={name} groupings={groupings} />
      ) : !scope ? (
        <p className="text-sm text-stone-500">{t("noDocuments")}</p>
      ) : tab === "timeline" ? (
        <section className="flex flex-col gap-4">
          {timeline && timeline.years.length > 0 ? (
            <>
              <TimelineChart
                timeline={timeline}
                name={name}
                onYear={(year) => setSelection({ kind: "year", year })}
                onStage={(id) => setSelection({ kind: "stage", id })}
                onJuncture={(id) => setSelection({ kind: "juncture", id })}
              />
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-[11px] tabular-nums" data-testid="year-table">
                  <tbody>
                    <tr>
                      <th className="pr-2 text-left font-medium text-stone-500">{t("year")}</th>
                      {timeline.years.map((y) => (
                        <td key={y.year} className="px-1 text-center">
                          <button className="hover:underline" onClick={() => setSelection({ kind: "year", year: y.year })} data-year={y.year}>
                            {y.year}
                          </button>
                        </td>
                      ))}
                    </tr>
                    <tr>
                      <th className="pr-2 text-left font-medium text-stone-500">{t("documents")}</th>
                      {timeline.years.map((y) => (
                        <td key={y.year} className={`px-1 text-center ${y.documents === 0 ? "text-stone-300" : ""}`} title={y.documents === 0 ? t("noDocsYear") : undefined}>
                          {y.documents}
                        </td>
                      ))}
                    </tr>
                    <tr>
                      <th className="pr-2 text-left font-medium text-stone-500">{t("chars")}</th>
                      {timeline.years.map((y) => {
                        const thin = y.documents > 0 && median > 0 && y.chars < median * THIN;
                        return (
                          <td key={y.year} className={`px-1 text-center ${thin ? "text-amber-700" : y.documents === 0 ? "text-stone-300" : ""}`} title={thin ? t("thinYear") : undefined} data-thin={thin || undefined}>
                            {y.chars >= 1000 ? `${Math.round(y.chars / 1000)}k` : y.chars}
                          </td>
                        );
                      })}
                    </tr>
                  </tbody>
                </table>
              </div>
            </>
          ) : timeline ? (
            <p className="text-sm text-stone-500">{t("noDocuments")}</p>
          ) : (
            <p className="text-sm text-stone-400">{t("loading")}</p>
          )}

          {selection ? <SelectionPanel canEdit={canEdit} projectId={projectId} scope={scope} codes={timeline?.codes.map((c) => c.shortName) ?? []} selection={selection} stages={stages} junctures={junctures} name={name} docsOf={docsOf} reader={reader} onRemoveEvidence={async (id) => { try { await periodsApi.removeEvidence(id); refresh(); } catch (e) { fail(e); } }} onLinkDocument={async (jid, did) => { try { await periodsApi.addEvidence(jid, { kind: "document", targetId: did }); refresh(); } catch (e) { fail(e); } }} /> : null}

          {canEdit && stages.length > 0 ? (
            <CopyPeriods
              groupings={groupings.filter((g) => scopeKey(g) !== scopeKey(scope))}
              onCopy={async (to) => {
                try {
                  await periodsApi.copy(projectId, scope, to);
                  setNotice(t("copied", { value: to.value }));
                  refresh();
                } catch (e) {
                  fail(e);
                }
              }}
            />
          ) : null}

          <div className="grid gap-4 md:grid-cols-2">
            <section className="flex flex-col gap-2" data-testid="stage-list">
              <div className="flex items-center justify-between">
                <h2 className="text-sm font-semibold">{t("stages")}</h2>
                {canEdit ? (
                  <Button size="sm" onClick={() => setStageDialog({ stage: null })}>
                    <Plus size={12} /> {t("addStage")}
                  </Button>
                ) : null}
              </div>
              {stages.length === 0 ? <p className="text-xs text-stone-500">{t("noStages")}</p> : null}
              {stages.map((s) => (
                <article key={s.id} className="rounded border border-stone-200 bg-white p-2" data-stage-id={s.id}>
                  <div className="flex items-start justify-between gap-2">
                    <button className="text-left text-[13px] font-medium hover:underline" onClick={() => setSelection({ kind: "stage", id: s.id })}>
                      <span className="tabular-nums text-stone-500">{formatSpan(s.start, s.end)}</span> {name(s.nameZh, s.nameEn)}
                    </button>
                    <span className={`flex flex-none gap-0.5 ${canEdit ? "" : "hidden"}`}>
                      <Button size="sm" variant="ghost" aria-label={t("edit")} onClick={() => setStageDialog({ stage: s })}>
                        <Pencil size={12} />
                      </Button>
                      <Button size="sm" variant="ghost" aria-label={t("delete")} onClick={() => void remove("stage", s.id, s.version)}>
                        <Trash2 size={12} />
                      </Button>
                    </span>
                  </div>
                  {s.strategies.length ? (
                    <ul className="mt-1 list-disc pl-5 text-[12px] text-stone-700">
                      {s.strategies.map((b, i) => (
                        <li key={i}>{b}</li>
                      ))}
                    </ul>
                  ) : null}
                  <p className="mt-1 text-[10px] text-stone-400">{t("history", { who: s.updatedBy || s.createdBy, when: s.updatedAt.slice(0, 10) })}</p>
                </article>
              ))}
            </section>
            <section className="flex flex-col gap-2" data-testid="juncture-list">
              <div className="flex items-center justify-between">
                <h2 className="text-sm font-semibold">{t("junctures")}</h2>
                {canEdit ? (
                  <Button size="sm" onClick={() => setJunctureDialog({ juncture: null })}>
                    <Plus size={12} /> {t("addJuncture")}
                  </Button>
                ) : null}
              </div>
              {junctures.map((j) => (
                <article key={j.id} className="rounded border border-orange-200 bg-orange-50/40 p-2" data-juncture-id={j.id}>
                  <div className="flex items-start justify-between gap-2">
                    <button className="text-left text-[13px] font-medium hover:underline" onClick={() => setSelection({ kind: "juncture", id: j.id })}>
                      <span className="tabular-nums text-orange-800">{formatPeriodDate(j.date)}</span> {name(j.titleZh, j.titleEn)}{" "}
                      <span className="text-[11px] font-normal text-stone-500">· {t(`types.${j.type}`)} · {t("evidence")} {j.evidence.length}</span>
                    </button>
                    <span className={`flex flex-none gap-0.5 ${canEdit ? "" : "hidden"}`}>
                      <Button size="sm" variant="ghost" aria-label={t("edit")} onClick={() => setJunctureDialog({ juncture: j })}>
                        <Pencil size={12} />
                      </Button>
                      <Button size="sm" variant="ghost" aria-label={t("delete")} onClick={() => void remove("juncture", j.id, j.version)}>
                        <Trash2 size={12} />
                      </Button>
                    </span>
                  </div>
                  {j.description ? <p className="mt-1 text-[12px] text-stone-700">{j.description}</p> : null}
                </article>
              ))}
            </section>
          </div>
        </section>
      ) : tab === "stageCodes" ? (
        <StageCodes table={table} name={name} projectId={projectId} scope={scope} reader={reader} docsOf={docsOf} />
      ) : (
        <Suggestions
          canAccept={canEdit}
          projectId={projectId}
          scope={scope}
          codes={codes}
          reader={reader}
          onAccept={(s) =>
            setJunctureDialog({
              juncture: null,
              initial: { date: { year: s.year }, titleEn: t("suggestionTitle", { year: s.year }), type: "other" },
              evidence: s.passages.map((p) => ({ kind: "coding" as const, targetId: p.codingId })),
            })
          }
        />
      )}

      {stageDialog ? (
        <StageDialog open stage={stageDialog.stage} onClose={() => setStageDialog(null)} save={(d) => saveStage(stageDialog.stage, d)} />
      ) : null}
      {junctureDialog ? (
        <JunctureDialog
          open
          juncture={junctureDialog.juncture}
          initial={junctureDialog.initial}
          onClose={() => setJunctureDialog(null)}
          save={(d) => saveJuncture(junctureDialog.juncture, d, junctureDialog.evidence)}
        />
      ) : null}
    </div>
  );
}

/** Copies this grouping's stages and junctures (without evidence) to another grouping. */
function CopyPeriods({ groupings, onCopy }: { groupings: Grouping[]; onCopy: (to: Scope) => Promise<void> }) {
  const t = useTranslations("periods");
  const [target, setTarget] = useState("");
  const chosen = groupings.find((g) => scopeKey(g) === target);
  return (
    <div className="flex items-center gap-2 text-[12px] print:hidden">
      <select className={selectClass + " w-72"} value={target} onChange={(e) => setTarget(e.target.value)} aria-label={t("copyTo")}>
        <option value="">{t("copyTo")}</option>
        {groupings.map((g) => (
          <option key={scopeKey(g)} value={scopeKey(g)}>
            {t(`field.${g.field}`)}: {g.label}
          </option>
        ))}
      </select>
      <Button size="sm" disabled={!chosen} onClick={() => chosen && void onCopy({ field: chosen.field, value: chosen.value })}>
        {t("copy")}
      </Button>
    </div>
  );
}

/** What a click on the chart or a list opened: a year's documents, a stage's documents, a juncture's evidence. */
function SelectionPanel({
  canEdit,
  projectId,
  scope,
  codes,
  selection,
  stages,
  junctures,
  name,
  docsOf,
  reader,
  onRemoveEvidence,
  onLinkDocument,
}: {
  canEdit: boolean;
  projectId: string;
  scope: Scope;
  codes: string[];
  selection: NonNullable<Selection>;
  stages: StageView[];
  junctures: JunctureView[];
  name: (zh: string, en: string) => string;
  docsOf: (from: number, to: number | null) => DocumentRef[];
  reader: (documentId: string, at?: number | null) => string;
  onRemoveEvidence: (id: string) => void;
  onLinkDocument: (junctureId: string, documentId: string) => void;
}) {
  const t = useTranslations("periods");
  const docList = (docs: DocumentRef[]) => (
    <ul className="flex flex-col gap-0.5 text-[12px]">
      {docs.map((d) => (
        <li key={d.id}>
          <Link className="text-accent-700 hover:underline" href={reader(d.id)}>
            {d.year} · {d.title}
          </Link>
        </li>
      ))}
    </ul>
  );
  if (selection.kind === "year") {
    return (
      <section className="rounded border border-stone-200 bg-white p-3" data-testid="selection-panel">
        <h3 className="mb-1 text-sm font-semibold">{selection.year}</h3>
        {docList(docsOf(selection.year, selection.year))}
        <PassagesPanel projectId={projectId} scope={scope} codes={codes} years={[selection.year]} label={String(selection.year)} reader={reader} />
      </section>
    );
  }
  if (selection.kind === "stage") {
    const s = stages.find((x) => x.id === selection.id);
    if (!s) return null;
    return (
      <section className="rounded border border-stone-200 bg-white p-3" data-testid="selection-panel">
        <h3 className="mb-1 text-sm font-semibold">
          {formatSpan(s.start, s.end)} {name(s.nameZh, s.nameEn)}
        </h3>
        {docList(docsOf(s.start.year, s.end?.year ?? null))}
        <PassagesPanel
          projectId={projectId}
          scope={scope}
          codes={codes}
          years={yearsOf(docsOf(s.start.year, s.end?.year ?? null))}
          label={formatSpan(s.start, s.end)}
          reader={reader}
        />
      </section>
    );
  }
  const j = junctures.find((x) => x.id === selection.id);
  if (!j) return null;
  const candidates = docsOf(j.date.year - 1, j.date.year + 1);
  return (
    <section className="flex flex-col gap-2 rounded border border-orange-200 bg-white p-3" data-testid="selection-panel">
      <h3 className="text-sm font-semibold">
        {formatPeriodDate(j.date)} {name(j.titleZh, j.titleEn)}
      </h3>
      {j.description ? <p className="text-[12px] text-stone-700">{j.description}</p> : null}
      <h4 className="text-[11px] font-medium text-stone-500">{t("evidence")}</h4>
      {j.evidence.length === 0 ? <p className="text-[12px] text-stone-500">{t("noEvidence")}</p> : null}
      <ul className="flex flex-col gap-1 text-[12px]" data-testid="evidence-list">
        {j.evidence.map((e) => (
          <li key={e.id} className="flex items-start justify-between gap-2">
            <span>
              {e.missing ? (
                <span className="text-stone-400">
                  {e.kind} {t("gone")}
                </span>
              ) : e.documentId ? (
                <Link className="text-accent-700 hover:underline" href={reader(e.documentId, e.start)} title={t("openInReader")}>
                  {e.label}
                </Link>
              ) : (
                e.label
              )}
              {e.note ? <span className="text-stone-500"> — {e.note}</span> : null}
            </span>
            {canEdit ? (
              <button className="text-stone-400 hover:text-red-700" aria-label={t("removeEvidence")} onClick={() => onRemoveEvidence(e.id)}>
                <Trash2 size={12} />
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit && candidates.length ? (
        <select className={selectClass + " w-80"} value="" onChange={(e) => e.target.value && onLinkDocument(j.id, e.target.value)} aria-label={t("addEvidence")}>
          <option value="">{t("chooseDocument")}</option>
          {candidates.map((d) => (
            <option key={d.id} value={d.id}>
              {d.year} · {d.title}
            </option>
          ))}
        </select>
      ) : null}
    </section>
  );
}

function StageCodes({
  table,
  name,
  projectId,
  scope,
  reader,
  docsOf,
}: {
  table: StageCodeTable | null;
  name: (zh: string, en: string) => string;
  projectId: string;
  scope: Scope;
  reader: (documentId: string, at?: number | null) => string;
  docsOf: (from: number, to: number | null) => DocumentRef[];
}) {
  const t = useTranslations("periods");
  const [cell, setCell] = useState<{ code: string; stage: number } | null>(null);
  if (!table) return <p className="text-sm text-stone-400">{t("loading")}</p>;
  if (table.stages.length === 0) return <p className="text-sm text-stone-500">{t("noStages")}</p>;
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-[12px]" data-testid="stage-code-table">
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th className="p-1.5">{t("code")}</th>
            {table.stages.map((s, i) => (
              <th key={s.id} className="p-1.5 font-medium">
                {formatSpan(s.start, s.end)} {name(s.nameZh, s.nameEn)}
                <div className="text-[10px] font-normal text-stone-500">
                  {t("documents")} {table.documents[i]} · {t("chars")} {table.chars[i]?.toLocaleString()}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.code.id} className="border-b border-stone-100" data-code={r.code.shortName}>
              <td className="p-1.5">
                <span className="font-mono font-semibold">{r.code.shortName}</span> {name(r.code.labelZh, r.code.labelEn)}
                {r.persistent ? (
                  <span className="ml-1 rounded bg-stone-200 px-1 text-[10px]" title={t("persistentHint")} data-persistent>
                    {t("persistent")}
                  </span>
                ) : null}
              </td>
              {r.cells.map((c, i) => (
                <td key={i} className="p-1.5 tabular-nums">
                  <button className="hover:underline" onClick={() => setCell({ code: r.code.shortName, stage: i })} data-cell={`${r.code.shortName}:${i}`}>
                    {c.units}
                  </button>{" "}
                  <span className="text-stone-500">({pct(c.share)})</span>
                  {c.change !== null ? (
                    <span className={`ml-1 text-[10px] ${c.change > 0 ? "text-emerald-700" : c.change < 0 ? "text-red-700" : "text-stone-400"}`}>
                      {c.change > 0 ? "+" : ""}
                      {(c.change * 100).toFixed(1)}
                    </span>
                  ) : null}
                  {r.appears.includes(i) ? <span className="ml-1 text-[10px] text-emerald-700">▲ {t("appears")}</span> : null}
                  {r.vanishes.includes(i) ? <span className="ml-1 text-[10px] text-red-700">▼ {t("vanishes")}</span> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {cell && table.stages[cell.stage] ? (
        <div className="mt-3 rounded border border-stone-200 bg-white p-3">
          <PassagesPanel
            projectId={projectId}
            scope={scope}
            codes={table.rows.map((r) => r.code.shortName)}
            code={cell.code}
            years={yearsOf(docsOf(table.stages[cell.stage]!.start.year, table.stages[cell.stage]!.end?.year ?? null))}
            label={`${cell.code} · ${formatSpan(table.stages[cell.stage]!.start, table.stages[cell.stage]!.end)}`}
            reader={reader}
          />
        </div>
      ) : null}
    </div>
  );
}

/** The years of a stage that have documents (a running stage ends with its latest document). */
function yearsOf(docs: DocumentRef[]): number[] {
  return [...new Set(docs.map((d) => d.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
}

function Suggestions({
  canAccept,
  projectId,
  scope,
  codes,
  reader,
  onAccept,
}: {
  canAccept: boolean;
  projectId: string;
  scope: Scope;
  codes: string;
  reader: (documentId: string, at?: number | null) => string;
  onAccept: (s: SuggestionResult["suggestions"][number]) => void;
}) {
  const t = useTranslations("periods");
  const [penalty, setPenalty] = useState("");
  const [minSegment, setMinSegment] = useState("2");
  const [result, setResult] = useState<SuggestionResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    try {
      setResult(await periodsApi.suggestions(projectId, scope, codes, penalty ? Number(penalty) : undefined, minSegment ? Number(minSegment) : undefined));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    }
  };
  const pct = (v: number) => `${(v * 100).toFixed(0)}%`;
  return (
    <section className="flex flex-col gap-3" data-testid="suggestions">
      <p className="text-[12px] text-stone-600">{t("suggestionNote")}</p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-[11px] text-stone-600" title={result ? t("penaltyHint", { value: result.penalty.toFixed(2) }) : undefined}>
          {t("penalty")}
          <input className={inputClass + " w-28"} value={penalty} onChange={(e) => setPenalty(e.target.value)} placeholder={result ? result.penalty.toFixed(2) : ""} inputMode="decimal" />
        </label>
        <label className="flex flex-col gap-1 text-[11px] text-stone-600">
          {t("minSegment")}
          <input className={inputClass + " w-20"} value={minSegment} onChange={(e) => setMinSegment(e.target.value)} inputMode="numeric" />
        </label>
        <Button variant="primary" onClick={() => void run()} data-testid="run-suggestions">
          {t("suggest")}
        </Button>
      </div>
      <ErrorNote>{error}</ErrorNote>
      {result && result.suggestions.length === 0 ? <p className="text-sm text-stone-500">{t("noSuggestions")}</p> : null}
      {result?.suggestions.map((s) => (
        <article key={s.year} className="rounded border border-stone-200 bg-white p-3" data-suggestion-year={s.year}>
          <div className="flex items-start justify-between gap-2">
            <div>
              <h3 className="text-sm font-semibold">{t("suggestionTitle", { year: s.year })}</h3>
              <ul className="text-[12px] text-stone-700">
                {s.moved.slice(0, 3).map((m) => (
                  <li key={m.code.id}>{t("moved", { code: m.code.shortName, before: pct(m.before), after: pct(m.after) })}</li>
                ))}
              </ul>
            </div>
            {canAccept ? (
              <Button size="sm" onClick={() => onAccept(s)} data-testid="accept-suggestion">
                {t("accept")}
              </Button>
            ) : null}
          </div>
          {s.passages.length ? (
            <ul className="mt-2 flex flex-col gap-1 border-t border-stone-100 pt-2 text-[12px]">
              {s.passages.map((p) => (
                <li key={p.codingId}>
                  <span className="font-mono text-[11px] font-semibold">{p.shortName}</span>{" "}
                  <Link className="text-accent-700 hover:underline" href={reader(p.documentId, p.start)}>
                    “{p.quote.length > 80 ? p.quote.slice(0, 80) + "…" : p.quote}”
                  </Link>{" "}
                  <span className="text-stone-500">· {p.title}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </article>
      ))}
    </section>
  );
}
