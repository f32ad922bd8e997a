"use client";

import { ExternalLink, X } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { apiJson, failureMessage } from "@/components/api/client";
import { Button, ErrorNote, inputClass } from "@/components/shell/ui";
import type { KeynessTable, StopWordList, WordPassageList, WordTable } from "@/lib/analysis";
import { EChart } from "./EChart";
import type { EChartsOption } from "./echarts-setup";
import { scopeParams, type Scope } from "./model";
import { useAnalysisData } from "./useAnalysisData";

/**
 * A word cloud as an ECharts scatter of labels: words placed on a spiral, largest first,
 * each where its box meets no earlier one (echarts-wordcloud 2.1 wants echarts 5; this one
 * renders through the installed echarts and so saves as PNG and SVG like the other charts).
 */
function cloudOption(words: { word: string; count: number }[]): EChartsOption {
  const W = 800;
  const H = 340;
  const max = Math.max(1, ...words.map((w) => w.count));
  const boxes: { x: number; y: number; w: number; h: number }[] = [];
  const data: { value: [number, number]; name: string; label: { fontSize: number } }[] = [];
  for (const w of words.slice(0, 80)) {
    const size = Math.round(12 + 30 * Math.sqrt(w.count / max));
    const bw = size * Array.from(w.word).length + 4;
    const bh = size + 4;
    for (let i = 0; i < 2000; i++) {
      const a = i * 0.35;
      const x = W / 2 + 2.2 * a * Math.cos(a) * 1.6;
      const y = H / 2 + 2.2 * a * Math.sin(a);
      const box = { x: x - bw / 2, y: y - bh / 2, w: bw, h: bh };
      if (box.x < 0 || box.y < 0 || box.x + bw > W || box.y + bh > H) continue;
      if (boxes.some((b) => box.x < b.x + b.w && b.x < box.x + bw && box.y < b.y + b.h && b.y < box.y + bh)) continue;
      boxes.push(box);
      data.push({ value: [x, H - y], name: w.word, label: { fontSize: size } });
      break;
    }
  }
  return {
    animation: false,
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: "value", min: 0, max: W, show: false },
    yAxis: { type: "value", min: 0, max: H, show: false },
    tooltip: { formatter: (p: { name: string }) => p.name },
    series: [
      {
        type: "scatter",
        symbolSize: 1,
        itemStyle: { opacity: 0 },
        label: { show: true, formatter: "{b}", color: "#1d4ed8", position: "inside" },
        data,
      },
    ],
  };
}

/** The Words tab: frequencies or keyness of the scope's sentences, a cloud, stop words, and each word's occurrences. */
export function WordsPanel({ projectId, scope }: { projectId: string; scope: Scope }) {
  const t = useTranslations("analysis.words");
  const [minLength, setMinLength] = useState(2);
  const [compare, setCompare] = useState("");
  const [compareDraft, setCompareDraft] = useState("");
  const [query, setQuery] = useState("");
  const [queryDraft, setQueryDraft] = useState("");
  const [stop, setStop] = useState<StopWordList | null>(null);
  const [stopDraft, setStopDraft] = useState("");
  const [stopError, setStopError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [word, setWord] = useState<{ word: string; side?: "a" | "b" } | null>(null);
  const base = `/api/projects/${encodeURIComponent(projectId)}/analysis`;
  const params = scopeParams(scope);
  params.set("minLength", String(minLength));
  params.set("top", "200");
  if (query.trim()) params.set("query", query.trim());
  if (compare.trim()) params.set("compare", compare.trim());
  params.set("v", String(version));
  const { data, error } = useAnalysisData<WordTable | KeynessTable>(`${base}/words?${params}`);
  const keyness = data !== null && "threshold" in data ? data : null;
  const table = data !== null && !("threshold" in data) ? data : null;
  const option = useMemo(() => (table ? cloudOption(table.words) : null), [table]);

  useEffect(() => {
    apiJson<StopWordList>(`${base}/stopwords`).then(setStop, (e: unknown) => setStopError(failureMessage(e)));
  }, [base]);

  const editStop = (action: "add" | "remove", words: string[]) => {
    setStopError(null);
    apiJson<StopWordList>(`${base}/stopwords`, { method: "POST", body: action === "add" ? { add: words } : { remove: words } }).then(
      (list) => {
        setStop(list);
        setVersion((v) => v + 1);
      },
      (e: unknown) => setStopError(failureMessage(e)),
    );
  };

  return (
    <div className="flex flex-col gap-2" data-testid="words-panel">
      <div className="flex flex-wrap items-end gap-2 text-[11px] text-stone-500">
        <label className="flex items-center gap-1">
          {t("minLength")}
          <input type="number" min={1} max={20} className={`${inputClass} w-14`} value={minLength} onChange={(e) => setMinLength(Math.max(1, Number(e.target.value) || 1))} data-testid="words-min-length" />
        </label>
        <form className="flex items-center gap-1" onSubmit={(e) => { e.preventDefault(); setQuery(queryDraft); }}>
          {t("query")}
          <input className={`${inputClass} w-36`} value={queryDraft} onChange={(e) => setQueryDraft(e.target.value)} onBlur={() => setQuery(queryDraft)} />
        </form>
        <form className="flex items-center gap-1" onSubmit={(e) => { e.preventDefault(); setCompare(compareDraft); }}>
          {t("compare")}
          <input className={`${inputClass} w-56`} value={compareDraft} onChange={(e) => setCompareDraft(e.target.value)} onBlur={() => setCompare(compareDraft)} placeholder="region=BTH:region=YRD" data-testid="words-compare" />
        </form>
      </div>
      <ErrorNote>{error}</ErrorNote>
      {table ? (
        <>
          <p className="text-xs text-stone-500">{t("summary", { tokens: table.tokens, types: table.types, units: table.units, documents: table.documents })}</p>
          {option ? <EChart option={option} height={340} fileName="words" testId="word-cloud" onClick={(e) => setWord({ word: (e.data as { name: string }).name })} /> : null}
          <table className="w-full text-xs" data-testid="words-table">
            <thead>
              <tr className="text-left text-stone-500">
                <th>{t("word")}</th><th className="text-right">{t("count")}</th><th className="text-right">{t("per10k")}</th><th className="text-right">{t("documents")}</th><th />
              </tr>
            </thead>
            <tbody>
              {table.words.map((w) => (
                <tr key={w.word} className="border-t border-stone-100">
                  <td><button type="button" className="text-accent-700 hover:underline" onClick={() => setWord({ word: w.word })} data-testid="word-open">{w.word}</button></td>
                  <td className="text-right tabular-nums">{w.count}</td>
                  <td className="text-right tabular-nums">{w.per10k.toFixed(1)}</td>
                  <td className="text-right tabular-nums">{w.documents}</td>
                  <td className="text-right"><button type="button" className="text-stone-400 hover:text-red-600" title={t("addStop")} onClick={() => editStop("add", [w.word])}><X size={12} /></button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {keyness ? (
        <>
          <p className="text-xs text-stone-500">{t("keynessSummary", { a: keyness.a.label, ta: keyness.a.tokens, b: keyness.b.label, tb: keyness.b.tokens, threshold: keyness.threshold })}</p>
          <table className="w-full text-xs" data-testid="keyness-table">
            <thead>
              <tr className="text-left text-stone-500">
                <th>{t("word")}</th><th className="text-right">A</th><th className="text-right">B</th><th className="text-right">G²</th><th className="text-right">{t("logRatio")}</th>
              </tr>
            </thead>
            <tbody>
              {keyness.words.map((w) => (
                <tr key={w.word} className={`border-t border-stone-100 ${w.significant ? "font-medium" : "text-stone-500"}`}>
                  <td>{w.word}{w.significant ? " *" : ""}</td>
                  <td className="text-right"><button type="button" className="text-accent-700 hover:underline" onClick={() => setWord({ word: w.word, side: "a" })}>{w.countA}</button></td>
                  <td className="text-right"><button type="button" className="text-accent-700 hover:underline" onClick={() => setWord({ word: w.word, side: "b" })}>{w.countB}</button></td>
                  <td className="text-right tabular-nums">{w.logLikelihood.toFixed(3)}</td>
                  <td className="text-right tabular-nums">{w.logRatio.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <details className="text-xs">
        <summary className="cursor-pointer text-stone-600">{t("stopWords", { n: stop?.words.length ?? 0 })}</summary>
        <form className="mt-1 flex items-center gap-1" onSubmit={(e) => { e.preventDefault(); const ws = stopDraft.split(/[\s,，、]+/).filter((x) => x !== ""); if (ws.length) editStop("add", ws); setStopDraft(""); }}>
          <input className={`${inputClass} w-48`} value={stopDraft} onChange={(e) => setStopDraft(e.target.value)} placeholder={t("stopPlaceholder")} data-testid="stop-add" />
          <Button size="sm" type="submit">{t("add")}</Button>
        </form>
        <ErrorNote>{stopError}</ErrorNote>
        <div className="mt-1 flex flex-wrap gap-1">
          {stop?.words.map((w) => (
            <button key={w} type="button" className="rounded bg-stone-100 px-1 hover:bg-red-100" title={t("removeStop")} onClick={() => editStop("remove", [w])}>{w} ×</button>
          ))}
        </div>
      </details>
      {word ? <WordPassages base={base} params={params} target={word} projectId={projectId} onClose={() => setWord(null)} /> : null}
    </div>
  );
}

function WordPassages({ base, params, target, projectId, onClose }: { base: string; params: URLSearchParams; target: { word: string; side?: "a" | "b" }; projectId: string; onClose: () => void }) {
  const t = useTranslations("analysis.words");
  const p = new URLSearchParams(params);
  p.delete("top");
  p.set("word", target.word);
  if (target.side) p.set("side", target.side);
  p.set("limit", "200");
  const { data, error } = useAnalysisData<WordPassageList>(`${base}/words/passages?${p}`);
  return (
    <section className="rounded-md border border-stone-200 bg-white px-3 py-2" data-testid="word-passages">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-medium">{t("passages", { word: target.word, n: data?.total ?? 0 })}</h3>
        <Button size="sm" variant="ghost" onClick={onClose}><X size={12} /></Button>
      </div>
      <ErrorNote>{error}</ErrorNote>
      <ul className="flex flex-col gap-1 text-xs">
        {data?.passages.map((x) => (
          <li key={`${x.documentId}-${x.start}`} className="flex items-start gap-2">
            <span className="flex-1">…{x.left}<mark>{x.match}</mark>{x.right}… <span className="text-stone-400">{x.title} {x.year ?? ""} {x.region}</span></span>
            <Link href={`/projects/${projectId}/documents/${x.documentId}?at=${x.start}&end=${x.end}`} className="inline-flex items-center gap-1 text-accent-700 hover:underline" data-testid="word-passage-open">
              <ExternalLink size={12} /> {t("open")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
