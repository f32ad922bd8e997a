"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ApiFailure } from "@/components/api/client";
import { ErrorNote, selectClass } from "@/components/shell/ui";
import type { Scope } from "@/lib/periods";
import { periodsApi, type PeriodPassages } from "./api";

/**
 * The passages behind a year, a stage or a stage × code cell: the codings of one of the
 * profiled codes (with its sub-codes) in those years of the grouping, each opening in the reader.
 */
export function PassagesPanel({
  projectId,
  scope,
  codes,
  code: initialCode,
  years,
  label,
  reader,
}: {
  projectId: string;
  scope: Scope;
  codes: string[];
  code?: string;
  years: number[];
  label: string;
  reader: (documentId: string, at?: number | null) => string;
}) {
  const t = useTranslations("periods");
  const [code, setCode] = useState(initialCode ?? codes[0] ?? "");
  const [shownFor, setShownFor] = useState(initialCode);
  if (shownFor !== initialCode) {
    // Another cell chose another code.
    setShownFor(initialCode);
    setCode(initialCode ?? codes[0] ?? "");
  }
  const [result, setResult] = useState<{ key: string; list: PeriodPassages } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Props arrive as fresh arrays and objects on every render: the request depends on their values.
  const yearList = years.join(",");
  const { field, value } = scope;
  const key = `${code}|${yearList}|${field}=${value}`;
  useEffect(() => {
    if (!code || yearList === "") return;
    let live = true;
    periodsApi.passages(projectId, { field, value }, code, yearList.split(",").map(Number)).then(
      (list) => {
        if (!live) return;
        setResult({ key, list });
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof ApiFailure ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [projectId, field, value, code, yearList, key]);
  const list = result?.key === key ? result.list : null;
  return (
    <section className="flex flex-col gap-2" data-testid="period-passages">
      <div className="flex items-center gap-2">
        <h4 className="text-[12px] font-semibold">{t("passagesOf", { label })}</h4>
        <select className={selectClass + " w-40"} value={code} onChange={(e) => setCode(e.target.value)} aria-label={t("code")}>
          {codes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {list ? (
          <span className="text-[11px] text-stone-500" data-total={list.total}>
            {t("passageCount", { count: list.total })}
          </span>
        ) : null}
      </div>
      <ErrorNote>{error}</ErrorNote>
      {list === null && !error ? <p className="text-[12px] text-stone-400">{t("loading")}</p> : null}
      <ul className="flex max-h-80 flex-col gap-1.5 overflow-y-auto text-[12px]">
        {list?.passages.map((p) => (
          <li key={p.codingId} className="border-l-2 border-stone-200 pl-2">
            <Link className="hover:underline" href={reader(p.documentId, p.start)}>
              <span className="text-stone-400">{p.before}</span>
              <mark className="bg-amber-100 text-stone-900">{p.quote}</mark>
              <span className="text-stone-400">{p.after}</span>
            </Link>
            <div className="text-[10px] text-stone-500">
              <span className="font-mono font-semibold">{p.shortName}</span> · {p.year ?? ""} · {p.title} · {p.coder}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
