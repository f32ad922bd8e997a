"use client";

import * as Popover from "@radix-ui/react-popover";
import { FilterX, Highlighter, Loader2, Plus, Search, X } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useMemo, useRef, useState, type FormEvent } from "react";
import { apiJson, failureMessage } from "@/components/api/client";
import { CodePicker } from "@/components/codebook/CodePicker";
import { codeTitle, flatten } from "@/components/codebook/tree";
import type { CodeNode } from "@/components/codebook/types";
import { docTypeLabel, levelLabel, regionLabel } from "@/components/documents/labels";
import type { Facets } from "@/components/documents/types";
import { Button, ErrorNote, inputClass, selectClass } from "@/components/shell/ui";
import { KwicTable } from "./KwicTable";
import { MultiSelect } from "./MultiSelect";
import {
  EMPTY_STATE,
  hasFilters,
  hitKey,
  MODES,
  RESULT_LIMIT,
  stateToParams,
  stateToRequest,
  type Mode,
  type SearchResponse,
  type SearchState,
} from "./state";

/**
 * Corpus search: a boolean query (AND / OR / NOT, parentheses, "phrases") in one of three
 * modes, metadata and coding filters, the KWIC concordance, and "code these sentences" —
 * the selected hits' whole sentences are coded with one code in one transaction.
 */
export function SearchView({
  projectId,
  facets,
  codebook,
  initial,
}: {
  projectId: string;
  facets: Facets;
  codebook: CodeNode[];
  initial: SearchState;
}) {
  const t = useTranslations("search");
  const locale = useLocale();
  const format = useFormatter();
  const fmt = (n: number) => format.number(n);
  const router = useRouter();
  const pathname = usePathname();
  const [form, setForm] = useState<SearchState>(initial);
  const [result, setResult] = useState<SearchResponse | null>(null);
  const [ran, setRan] = useState<SearchState | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A search given in the URL starts at once (see the arrival effect below).
  const [loading, setLoading] = useState(initial.q.trim() !== "");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const abortRef = useRef<AbortController | null>(null);

  const flat = useMemo(() => flatten(codebook), [codebook]);
  const codeById = useMemo(() => new Map(flat.map((c) => [c.id, c])), [flat]);

  /** A new request; the one still in flight is cancelled (the newer search wins). */
  function startRequest(): AbortController {
    abortRef.current?.abort();
    const ctrl = new AbortController();
    abortRef.current = ctrl;
    return ctrl;
  }

  async function run(s: SearchState) {
    if (s.q.trim() === "") {
      setError(t("typeQuery"));
      return;
    }
    const ctrl = startRequest();
    setLoading(true);
    setError(null);
    setNotice(null);
    setCodeError(null);
    await fetchHits(s, ctrl);
  }

  /** Fetches the concordance; state changes only once the answer (or the failure) is in. */
  async function fetchHits(s: SearchState, ctrl: AbortController) {
    try {
      const r = await apiJson<SearchResponse>(`/api/projects/${encodeURIComponent(projectId)}/search`, {
        body: stateToRequest(s),
        signal: ctrl.signal,
      });
      setResult(r);
      setRan(s);
      setSelected(new Set());
    } catch (e) {
      if (ctrl.signal.aborted) return;
      setError(failureMessage(e));
      setResult(null);
    } finally {
      if (!ctrl.signal.aborted) setLoading(false);
    }
  }

  // A bookmarked or shared search (?q=…) runs once, on arrival. An effect event, because later
  // form edits, and the new `initial` that submit's router.replace brings, must not re-run it.
  const searchOnArrival = useEffectEvent(() => {
    if (initial.q.trim() !== "") void fetchHits(initial, startRequest());
  });
  useEffect(() => {
    searchOnArrival();
    return () => abortRef.current?.abort();
  }, []);

  function submit(e?: FormEvent) {
    e?.preventDefault();
    const qs = stateToParams(form).toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    void run(form);
  }

  const set = <K extends keyof SearchState>(k: K, v: SearchState[K]) => setForm((f) => ({ ...f, [k]: v }));

  const selectedHits = useMemo(() => (result ? result.hits.filter((h) => selected.has(hitKey(h))) : []), [result, selected]);
  const selectedUnits = useMemo(() => [...new Set(selectedHits.map((h) => h.unitId))], [selectedHits]);

  async function codeSelected(codeId: string) {
    setPickerOpen(false);
    setCodeError(null);
    setNotice(null);
    const code = codeById.get(codeId);
    try {
      const r = await apiJson<{ created: number; skipped: number }>(
        `/api/projects/${encodeURIComponent(projectId)}/search/code`,
        { body: { unitIds: selectedUnits, codeId } },
      );
      setNotice(
        t("coded", { code: code ? codeTitle(code, locale) : codeId, count: r.created }) +
          (r.skipped > 0 ? t("codedSkipped", { count: r.skipped }) : ""),
      );
      setSelected(new Set());
      // Coding filters depend on what was just coded: refresh the concordance.
      if (ran && (ran.codedWith.length > 0 || ran.notCodedWith.length > 0)) void run(ran);
    } catch (e) {
      setCodeError(failureMessage(e));
    }
  }

  const yearOptions = facets.years.slice().sort((a, b) => a - b);
  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={submit} className="flex flex-col gap-2 rounded-md border border-stone-200 bg-white p-3" role="search">
        <div className="flex flex-wrap items-center gap-2">
          <label className="relative min-w-72 flex-1">
            <span className="sr-only">{t("query")}</span>
            <Search size={14} className="pointer-events-none absolute top-2 left-2 text-stone-400" aria-hidden />
            <input
              type="search"
              name="q"
              className={`${inputClass} pl-7 text-[14px]`}
              placeholder={form.mode === "regex" ? t("placeholderRegex") : t("placeholder")}
              value={form.q}
              onChange={(e) => set("q", e.target.value)}
              autoFocus
              data-testid="search-query"
            />
          </label>
          <div role="radiogroup" aria-label={t("mode")} className="inline-flex overflow-hidden rounded border border-stone-300">
            {MODES.map((m) => (
              <button
                key={m.value}
                type="button"
                role="radio"
                aria-checked={form.mode === m.value}
                onClick={() => set("mode", m.value as Mode)}
                className={`h-8 px-2.5 text-[13px] ${form.mode === m.value ? "bg-stone-800 text-white" : "bg-white text-stone-700 hover:bg-stone-100"}`}
                data-mode={m.value}
              >
                {t(`modes.${m.value}`)}
              </button>
            ))}
          </div>
          <Button type="submit" variant="primary" disabled={loading} data-testid="search-submit">
            {loading ? <Loader2 size={14} className="animate-spin" /> : <Search size={14} />} {t("submit")}
          </Button>
        </div>
        <p className="text-[11px] text-stone-500">
          {t("syntaxHint")}
        </p>
        <div className="flex flex-wrap items-center gap-2" aria-label={t("filters")}>
          <MultiSelect
            label={t("region")}
            options={facets.regions.map((r) => ({ value: r, label: r === "other" ? regionLabel(r)[locale] : `${regionLabel(r)[locale]} (${r})` }))}
            value={form.region}
            onChange={(v) => set("region", v)}
            testId="filter-region"
          />
          <MultiSelect
            label={t("province")}
            options={facets.provinces.map((p) => ({ value: p, label: p }))}
            value={form.province}
            onChange={(v) => set("province", v)}
            testId="filter-province"
          />
          {facets.cities.length > 0 ? (
            <MultiSelect
              label={t("city")}
              options={facets.cities.map((c) => ({ value: c, label: c }))}
              value={form.city}
              onChange={(v) => set("city", v)}
              testId="filter-city"
            />
          ) : null}
          <MultiSelect
            label={t("type")}
            options={facets.docTypes.map((d) => ({ value: d, label: docTypeLabel(d)[locale] }))}
            value={form.docType}
            onChange={(v) => set("docType", v)}
            testId="filter-doctype"
          />
          <MultiSelect
            label={t("level")}
            options={facets.levels.map((l) => ({ value: l, label: levelLabel(l)[locale] }))}
            value={form.level}
            onChange={(v) => set("level", v)}
            testId="filter-level"
          />
          <span className="inline-flex items-center gap-1 text-[11px] text-stone-500">
            {t("year")}
            <select className={`${selectClass} w-20`} value={form.yearFrom} onChange={(e) => set("yearFrom", e.target.value)} aria-label={t("yearFrom")}>
              <option value="">{t("from")}</option>
              {yearOptions.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
            –
            <select className={`${selectClass} w-20`} value={form.yearTo} onChange={(e) => set("yearTo", e.target.value)} aria-label={t("yearTo")}>
              <option value="">{t("to")}</option>
              {yearOptions.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          </span>
          <CodeFilter label={t("codedWith")} codes={codebook} value={form.codedWith} onChange={(v) => set("codedWith", v)} testId="filter-coded" />
          <CodeFilter label={t("notCodedWith")} codes={codebook} value={form.notCodedWith} onChange={(v) => set("notCodedWith", v)} testId="filter-not-coded" />
          {hasFilters(form) ? (
            <Button variant="ghost" size="sm" onClick={() => setForm((f) => ({ ...EMPTY_STATE, q: f.q, mode: f.mode }))}>
              <FilterX size={12} /> {t("clearFilters")}
            </Button>
          ) : null}
        </div>
      </form>

      {error ? (
        <div data-testid="search-error">
          <ErrorNote>{error}</ErrorNote>
        </div>
      ) : null}

      {result ? (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <p className="text-[13px]" data-testid="search-summary">
              {t.rich("hits", { count: result.total, total: fmt(result.total), b: (s) => <b data-testid="search-total">{s}</b> })}
              {result.units !== undefined ? <> · {t("sentences", { count: result.units })}</> : null}
              {result.documents !== undefined ? <> · {t("documents", { count: result.documents })}</> : null}
              {result.total > result.hits.length ? (
                <span className="text-stone-500">
                  {" "}
                  · {t("showingFirst", { count: fmt(Math.min(result.hits.length, RESULT_LIMIT)) })}
                </span>
              ) : null}
            </p>
            <span className="ml-auto text-xs text-stone-600" data-testid="selection-count">
              {t("selection", { hits: selectedHits.length, sentences: selectedUnits.length })}
            </span>
            <Popover.Root open={pickerOpen} onOpenChange={setPickerOpen}>
              <Popover.Trigger asChild>
                <Button variant="primary" disabled={selectedUnits.length === 0} data-testid="code-selected">
                  <Highlighter size={14} /> {t("codeSelected")}
                </Button>
              </Popover.Trigger>
              <Popover.Portal>
                <Popover.Content align="end" sideOffset={6} className="z-50 w-96 rounded-md border border-stone-200 bg-white p-2 shadow-lg">
                  <p className="mb-2 text-xs text-stone-600">
                    {t("codeSelectedTitle", { count: selectedUnits.length })}
                  </p>
                  {flat.length === 0 ? (
                    <p className="text-xs text-stone-500">{t("emptyCodebook")}</p>
                  ) : (
                    <CodePicker codes={codebook} onPick={(c) => void codeSelected(c.id)} testId="apply-code-picker" />
                  )}
                </Popover.Content>
              </Popover.Portal>
            </Popover.Root>
          </div>
          {notice ? (
            <p role="status" className="rounded border border-emerald-200 bg-emerald-50 px-2.5 py-1.5 text-xs text-emerald-900" data-testid="search-notice">
              {notice}
            </p>
          ) : null}
          <ErrorNote>{codeError}</ErrorNote>
          {result.hits.length > 0 ? (
            <KwicTable projectId={projectId} hits={result.hits} selected={selected} onSelectedChange={setSelected} />
          ) : (
            <p className="rounded-md border border-stone-200 bg-white px-3 py-8 text-center text-stone-500" data-testid="search-empty">
              {ran && hasFilters(ran) ? t("noHitsFiltered") : t("noHits")}
            </p>
          )}
        </>
      ) : !error && !loading ? (
        <p className="rounded-md border border-dashed border-stone-300 px-3 py-8 text-center text-xs text-stone-500">
          {t("intro")}
        </p>
      ) : null}
    </div>
  );
}

/** Chips of chosen codes plus a picker to add one; used for "coded with" / "not coded with". */
function CodeFilter({
  label,
  codes,
  value,
  onChange,
  testId,
}: {
  label: string;
  codes: CodeNode[];
  value: string[];
  onChange: (v: string[]) => void;
  testId: string;
}) {
  const t = useTranslations("search");
  const [open, setOpen] = useState(false);
  const flat = useMemo(() => flatten(codes), [codes]);
  const chosen = new Set(value);
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid={testId}>
      <span className="text-[11px] text-stone-500">{label}</span>
      {value.map((id) => {
        const c = flat.find((x) => x.id === id);
        return (
          <span key={id} className="inline-flex items-center gap-1 rounded-full border border-stone-300 bg-white py-0.5 pr-1 pl-2 text-xs">
            <span className="h-2 w-2 rounded-sm" style={{ background: c?.color ?? "#999" }} aria-hidden />
            {c?.shortName ?? "?"}
            <button type="button" aria-label={t("removeCode", { name: c?.shortName ?? id })} onClick={() => onChange(value.filter((v) => v !== id))} className="rounded-full p-0.5 text-stone-400 hover:text-stone-800">
              <X size={10} />
            </button>
          </span>
        );
      })}
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <button type="button" className="inline-flex h-6 items-center gap-0.5 rounded border border-dashed border-stone-300 px-1.5 text-xs text-stone-600 hover:bg-stone-50" aria-label={t("addCode", { label })}>
            <Plus size={11} /> {t("code")}
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content align="start" sideOffset={4} className="z-50 w-96 rounded-md border border-stone-200 bg-white p-2 shadow-lg">
            <CodePicker
              codes={codes}
              disabled={chosen}
              disabledReason={t("alreadyChosen")}
              onPick={(c) => {
                onChange([...value, c.id]);
                setOpen(false);
              }}
            />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </span>
  );
}
