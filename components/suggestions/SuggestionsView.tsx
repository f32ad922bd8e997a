"use client";

import { Check, Loader2, Pencil, RefreshCw, Search, X } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useEffectEvent, useMemo, useState } from "react";
import { apiJson, failureMessage, isConflict } from "@/components/api/client";
import { splitKeywords } from "@/components/codebook/CodeFormDialog";
import { codeLabel, flatten, matchesQuery, type FlatCode } from "@/components/codebook/tree";
import type { CodebookResponse, CodeNode } from "@/components/codebook/types";
import { regionLabel } from "@/components/documents/labels";
import { otherLocale } from "@/lib/i18n/locale";
import { Button, ErrorNote, inputClass } from "@/components/shell/ui";
import { highlightKeywords } from "./highlight";

type Sentence = { unitId: string; start: number; end: number; text: string; keywords: string[] };
type Group = { documentId: string; title: string; year: number | null; region: string; sentences: Sentence[] };
type Suggestions = {
  code: { id: string; shortName: string; labelZh: string; labelEn?: string; color?: string; keywords: string[] };
  total?: number;
  groups: Group[];
};
type DecideResult = { created: number; skipped: number; accepted: number; rejected: number };

/**
 * Keyword suggestions: for a code with keywords, the sentences that contain one of them and
 * are not yet coded with it, grouped by document. Nothing is coded until the researcher
 * accepts; a rejection is remembered by the server, so the sentence does not come back.
 */
export function SuggestionsView({
  projectId,
  initialCodebook,
  initialCodeId,
}: {
  projectId: string;
  initialCodebook: CodeNode[];
  initialCodeId: string | null;
}) {
  const t = useTranslations("suggestions");
  const locale = useLocale();
  const format = useFormatter();
  const fmt = (n: number) => format.number(n);
  const router = useRouter();
  const pathname = usePathname();
  const [codebook, setCodebook] = useState(initialCodebook);
  const [codeId, setCodeId] = useState<string | null>(initialCodeId);
  const [filter, setFilter] = useState("");
  const [data, setData] = useState<Suggestions | null>(null);
  // A code given in the URL loads at once (see the arrival effect below).
  const [loading, setLoading] = useState(initialCodeId !== null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [tally, setTally] = useState({ accepted: 0, rejected: 0 });

  const flat = useMemo(() => flatten(codebook), [codebook]);
  const code = codeId ? (flat.find((c) => c.id === codeId) ?? null) : null;
  const withKeywords = flat.filter((c) => c.keywords.length > 0 && matchesQuery(c, filter));
  const without = flat.filter((c) => c.keywords.length === 0 && matchesQuery(c, filter));

  const reloadCodebook = useCallback(async () => {
    const r = await apiJson<CodebookResponse>(`/api/projects/${encodeURIComponent(projectId)}/codes`);
    setCodebook(r.codebook);
  }, [projectId]);

  /**
   * Fetches a code's suggestions. Every state change happens in the promise's callbacks, once
   * the answer (or the failure) is in, so the arrival effect below may start it too.
   */
  const fetchSuggestions = useCallback(
    (id: string) =>
      apiJson<Suggestions>(`/api/projects/${encodeURIComponent(projectId)}/suggestions?codeId=${encodeURIComponent(id)}`)
        .then(setData, (e: unknown) => {
          setError(failureMessage(e));
          setData(null);
        })
        .finally(() => setLoading(false)),
    [projectId],
  );

  const load = useCallback(
    async (id: string) => {
      setLoading(true);
      setError(null);
      await fetchSuggestions(id);
    },
    [fetchSuggestions],
  );

  // The code given in the URL (?codeId=…) loads once, on arrival. An effect event, because the
  // new `initialCodeId` that choose's router.replace brings must not load again.
  const loadOnArrival = useEffectEvent(() => {
    if (initialCodeId) void fetchSuggestions(initialCodeId);
  });
  useEffect(() => {
    loadOnArrival();
  }, []);

  function choose(c: FlatCode) {
    // Another code: its suggestions replace the last one's, and the tally starts again.
    if (c.id !== codeId) {
      setCodeId(c.id);
      setData(null);
      setTally({ accepted: 0, rejected: 0 });
      void load(c.id);
    }
    router.replace(`${pathname}?codeId=${encodeURIComponent(c.id)}`, { scroll: false });
  }

  const pending = data ? data.groups.reduce((s, g) => s + g.sentences.length, 0) : 0;
  const total = data ? Math.max(data.total ?? pending, pending) : 0;

  async function decide(accept: string[], reject: string[]) {
    if (!codeId || !data) return;
    const ids = [...accept, ...reject];
    setBusy((b) => new Set([...b, ...ids]));
    setError(null);
    try {
      const r = await apiJson<DecideResult>(`/api/projects/${encodeURIComponent(projectId)}/suggestions`, {
        body: { codeId, accept, reject },
      });
      const gone = new Set(ids);
      const groups = data.groups
        .map((g) => ({ ...g, sentences: g.sentences.filter((s) => !gone.has(s.unitId)) }))
        .filter((g) => g.sentences.length > 0);
      setData({ ...data, total: Math.max(0, total - ids.length), groups });
      setTally((t) => ({ accepted: t.accepted + r.accepted, rejected: t.rejected + r.rejected }));
      // Coding counts in the code list change with each acceptance.
      if (accept.length > 0) void reloadCodebook().catch(() => undefined);
      // The page held only the first suggestions: fetch more once it runs dry.
      if (groups.length === 0 && total - ids.length > 0) void load(codeId);
    } catch (e) {
      setError(failureMessage(e));
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        ids.forEach((id) => next.delete(id));
        return next;
      });
    }
  }

  return (
    <div className="grid grid-cols-[17rem_minmax(0,1fr)] gap-4">
      <aside className="flex flex-col gap-2">
        <label className="relative">
          <span className="sr-only">{t("findCode")}</span>
          <Search size={14} className="pointer-events-none absolute top-2 left-2 text-stone-400" aria-hidden />
          <input type="search" className={`${inputClass} pl-7`} placeholder={t("findCode")} value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <CodeList title={t("withKeywords")} codes={withKeywords} activeId={codeId} onChoose={choose} />
        {without.length > 0 ? (
          <CodeList title={t("withoutKeywords")} codes={without} activeId={codeId} onChoose={choose} muted />
        ) : null}
      </aside>

      <section className="flex min-w-0 flex-col gap-3">
        {!code ? (
          <p className="rounded-md border border-dashed border-stone-300 p-6 text-center text-xs text-stone-500">
            {t("intro")}
          </p>
        ) : (
          <>
            <KeywordEditor
              key={`${code.id}:${code.version}`}
              code={code}
              onSave={async (keywords) => {
                try {
                  await apiJson(`/api/codes/${encodeURIComponent(code.id)}`, {
                    method: "PATCH",
                    body: { expectedVersion: code.version, keywords },
                  });
                } catch (e) {
                  if (isConflict(e)) await reloadCodebook().catch(() => undefined);
                  throw e;
                }
                await reloadCodebook();
                await load(code.id);
              }}
            />
            <div className="flex flex-wrap items-center gap-3 text-[13px]" data-testid="suggestion-counts">
              <span>
                {t("pending")} <b data-testid="suggestion-pending">{fmt(total)}</b>
              </span>
              <span className="text-emerald-800">
                {t("accepted")} <b data-testid="suggestion-accepted">{fmt(tally.accepted)}</b>
              </span>
              <span className="text-stone-600">
                {t("rejected")} <b data-testid="suggestion-rejected">{fmt(tally.rejected)}</b>
              </span>
              <span className="text-stone-500">
                {t("existing", { name: code.shortName, count: fmt(code.codingCount) })}
              </span>
              <Button size="sm" variant="ghost" className="ml-auto" onClick={() => void load(code.id)} disabled={loading}>
                {loading ? <Loader2 size={12} className="animate-spin" /> : <RefreshCw size={12} />} {t("refresh")}
              </Button>
            </div>
            <ErrorNote>{error}</ErrorNote>
            {data && data.groups.length === 0 && !loading ? (
              <p className="rounded-md border border-stone-200 bg-white p-6 text-center text-stone-500" data-testid="suggestions-empty">
                {code.keywords.length === 0 ? t("noKeywordsYet") : t("nonePending")}
              </p>
            ) : null}
            {data?.groups.map((g) => (
              <article key={g.documentId} className="rounded-md border border-stone-200 bg-white" data-testid="suggestion-group" data-document-id={g.documentId}>
                <header className="flex flex-wrap items-center gap-2 border-b border-stone-100 px-3 py-2">
                  <Link href={`/projects/${projectId}/documents/${g.documentId}`} className="font-medium text-accent-700 hover:underline">
                    {g.title}
                  </Link>
                  <span className="text-xs text-stone-500">
                    {g.year ?? "—"} ·{" "}
                    <span title={regionLabel(g.region)[otherLocale(locale)]}>{g.region === "other" ? "—" : regionLabel(g.region)[locale]}</span> ·{" "}
                    {t("sentences", { count: g.sentences.length })}
                  </span>
                  <span className="ml-auto flex gap-1">
                    <Button size="sm" onClick={() => void decide(g.sentences.map((s) => s.unitId), [])} data-testid="accept-all">
                      <Check size={12} /> {t("acceptAll")}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => void decide([], g.sentences.map((s) => s.unitId))} data-testid="reject-all">
                      <X size={12} /> {t("rejectAll")}
                    </Button>
                  </span>
                </header>
                <ul className="divide-y divide-stone-100">
                  {g.sentences.map((s) => (
                    <li key={s.unitId} className="flex items-start gap-3 px-3 py-2" data-testid="suggestion" data-unit-id={s.unitId}>
                      <p className="flex-1 font-serif text-[15px] leading-relaxed">
                        {highlightKeywords(s.text, s.keywords.length > 0 ? s.keywords : code.keywords, "rounded-sm bg-amber-200 px-0.5 text-stone-950")}
                      </p>
                      <span className="flex shrink-0 gap-1 pt-0.5">
                        <Link
                          href={`/projects/${projectId}/documents/${g.documentId}?at=${s.start}`}
                          className="rounded px-1.5 py-1 text-[11px] text-stone-500 hover:bg-stone-100"
                          title={t("contextTitle")}
                        >
                          {t("context")}
                        </Link>
                        <Button size="sm" variant="primary" disabled={busy.has(s.unitId)} onClick={() => void decide([s.unitId], [])} aria-label={t("accept")} data-testid="accept">
                          <Check size={12} /> {t("accept")}
                        </Button>
                        <Button size="sm" disabled={busy.has(s.unitId)} onClick={() => void decide([], [s.unitId])} aria-label={t("reject")} data-testid="reject">
                          <X size={12} /> {t("reject")}
                        </Button>
                      </span>
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </>
        )}
      </section>
    </div>
  );
}

function CodeList({
  title,
  codes,
  activeId,
  onChoose,
  muted,
}: {
  title: string;
  codes: FlatCode[];
  activeId: string | null;
  onChoose: (c: FlatCode) => void;
  muted?: boolean;
}) {
  const locale = useLocale();
  return (
    <div className="rounded-md border border-stone-200 bg-white">
      <h2 className="border-b border-stone-100 px-2 py-1.5 text-[11px] font-medium text-stone-500">{title}</h2>
      <ul className="max-h-[40vh] overflow-y-auto py-1" data-testid={muted ? "codes-without-keywords" : "codes-with-keywords"}>
        {codes.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              onClick={() => onChoose(c)}
              aria-current={c.id === activeId ? "true" : undefined}
              className={`flex w-full items-center gap-1.5 px-2 py-1 text-left text-[13px] ${
                c.id === activeId ? "bg-accent-50 text-accent-700" : muted ? "text-stone-500 hover:bg-stone-50" : "hover:bg-stone-50"
              }`}
              data-code={c.shortName}
            >
              <span className="h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: c.color }} aria-hidden />
              <span className="font-medium">{c.shortName}</span>
              <span className="truncate text-stone-500" title={codeLabel(c, locale).other || undefined}>
                {codeLabel(c, locale).label}
              </span>
              {c.keywords.length > 0 ? <span className="ml-auto text-[10px] text-stone-400">{c.keywords.length}</span> : null}
            </button>
          </li>
        ))}
        {codes.length === 0 ? <li className="px-2 py-2 text-xs text-stone-400">—</li> : null}
      </ul>
    </div>
  );
}

/** The chosen code's keywords, editable in place (a versioned edit of the code). */
function KeywordEditor({ code, onSave }: { code: FlatCode; onSave: (keywords: string[]) => Promise<void> }) {
  const t = useTranslations("suggestions");
  const tc = useTranslations("common");
  const locale = useLocale();
  const labels = locale === "zh" ? [code.labelZh, code.labelEn] : [code.labelEn, code.labelZh];
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(code.keywords.join("、"));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  return (
    <div className="rounded-md border border-stone-200 bg-white p-3">
      <div className="flex items-center gap-2">
        <span className="h-3 w-3 rounded-sm" style={{ background: code.color }} aria-hidden />
        <h2 className="text-sm font-semibold">{code.shortName}</h2>
        <span className="text-[13px]">{labels[0]}</span>
        <span className="text-xs text-stone-500">{labels[1]}</span>
        {!editing ? (
          <Button size="sm" variant="ghost" className="ml-auto" onClick={() => setEditing(true)} data-testid="edit-keywords">
            <Pencil size={12} /> {t("editKeywords")}
          </Button>
        ) : null}
      </div>
      {editing ? (
        <form
          className="mt-2 flex flex-col gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            setSaving(true);
            setError(null);
            try {
              await onSave(splitKeywords(text));
              setEditing(false);
            } catch (err) {
              setError(failureMessage(err));
            } finally {
              setSaving(false);
            }
          }}
        >
          <textarea
            className="min-h-16 w-full rounded border border-stone-300 px-2 py-1.5 text-[13px] focus:border-accent-500 focus:ring-1 focus:ring-accent-500 focus:outline-none"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoFocus
            aria-label={t("keywords")}
            data-testid="keywords-input"
          />
          <p className="text-[11px] text-stone-500">{t("keywordsHint")}</p>
          <ErrorNote>{error}</ErrorNote>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setEditing(false)}>{tc("cancel")}</Button>
            <Button type="submit" variant="primary" disabled={saving} data-testid="save-keywords">
              {tc("save")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="mt-2 flex flex-wrap gap-1" data-testid="keyword-list">
          {code.keywords.length > 0 ? (
            code.keywords.map((k) => (
              <span key={k} className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">
                {k}
              </span>
            ))
          ) : (
            <span className="text-xs text-stone-400">{t("noKeywords")}</span>
          )}
        </div>
      )}
    </div>
  );
}
