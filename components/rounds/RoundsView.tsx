"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiJson, failureMessage } from "@/components/api/client";
import { Button, inputClass } from "@/components/shell/ui";

export type RoundItem = {
  id: string;
  name: string;
  status: string;
  openedBy: string;
  openedAt: string | Date;
  closedBy: string | null;
  closedAt: string | Date | null;
  documents: { id: string; title: string }[];
  coders: { id: string; name: string }[];
};

/**
 * Blind rounds of a project, for owners: the rounds with their documents, coders and who
 * opened and closed them; a form to open one for chosen documents and coders (members with
 * the coder role); closing an open one. The server checks every choice and says why it refuses.
 */
export function RoundsView({
  projectId,
  initialRounds,
  documents,
  coders,
}: {
  projectId: string;
  initialRounds: RoundItem[];
  documents: { id: string; title: string; year: number | null }[];
  coders: string[];
}) {
  const t = useTranslations("rounds");
  const format = useFormatter();
  const [rounds, setRounds] = useState(initialRounds);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [name, setName] = useState("");
  const [docFilter, setDocFilter] = useState("");
  const [chosenDocs, setChosenDocs] = useState<Set<string>>(new Set());
  const [chosenCoders, setChosenCoders] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const base = `/api/projects/${projectId}/rounds`;
  const when = (d: string | Date) => format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short" });

  async function run(action: () => Promise<void>, success: string) {
    setBusy(true);
    try {
      await action();
      const { rounds: fresh } = await apiJson<{ rounds: RoundItem[] }>(base);
      setRounds(fresh);
      setMessage({ ok: true, text: success });
    } catch (err) {
      setMessage({ ok: false, text: failureMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  function open(e: FormEvent) {
    e.preventDefault();
    const roundName = name.trim();
    void run(async () => {
      await apiJson(base, { method: "POST", body: { name: roundName, documentIds: [...chosenDocs], coders: [...chosenCoders] } });
      setName("");
      setChosenDocs(new Set());
      setChosenCoders(new Set());
    }, t("opened", { name: roundName }));
  }

  function close(r: RoundItem) {
    if (!window.confirm(t("confirmClose", { name: r.name }))) return;
    void run(async () => {
      await apiJson(`${base}/${r.id}`, { method: "PATCH", body: { status: "closed" } });
    }, t("closed", { name: r.name }));
  }

  const toggle = (set: Set<string>, value: string, update: (s: Set<string>) => void) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    update(next);
  };
  const shownDocs = documents.filter((d) => !docFilter || d.title.toLowerCase().includes(docFilter.toLowerCase()) || String(d.year ?? "").includes(docFilter));

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4" data-testid="rounds-view">
      <header className="flex flex-col gap-1">
        <h2 className="text-base font-semibold">{t("title")}</h2>
        <p className="text-[13px] text-stone-600">{t("intro")}</p>
      </header>
      {message ? (
        <p role={message.ok ? "status" : "alert"} data-testid="rounds-message" className={`text-[13px] ${message.ok ? "text-green-700" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}

      <table className="w-full border-collapse text-[13px]" data-testid="rounds-table">
        <thead>
          <tr className="border-b border-stone-200 text-left text-xs text-stone-500">
            <th className="py-1.5 pr-2">{t("name")}</th>
            <th className="py-1.5 pr-2">{t("status")}</th>
            <th className="py-1.5 pr-2">{t("documents")}</th>
            <th className="py-1.5 pr-2">{t("coders")}</th>
            <th className="py-1.5 pr-2">{t("history")}</th>
            <th className="py-1.5" />
          </tr>
        </thead>
        <tbody>
          {rounds.length === 0 ? (
            <tr>
              <td colSpan={6} className="py-2 text-stone-500">
                {t("empty")}
              </td>
            </tr>
          ) : null}
          {rounds.map((r) => (
            <tr key={r.id} className="border-b border-stone-100 align-top" data-round={r.name} data-status={r.status}>
              <td className="py-1.5 pr-2 font-medium">{r.name}</td>
              <td className="py-1.5 pr-2">
                <span className={`rounded px-1.5 py-0.5 text-[11px] ${r.status === "open" ? "bg-amber-100 text-amber-900" : "bg-stone-100 text-stone-600"}`}>
                  {r.status === "open" ? t("open") : t("closedStatus")}
                </span>
              </td>
              <td className="py-1.5 pr-2" data-testid="round-documents">
                {r.documents.map((d) => d.title).join(t("separator"))}
              </td>
              <td className="py-1.5 pr-2" data-testid="round-coders">
                {r.coders.map((c) => c.name).join(t("separator"))}
              </td>
              <td className="py-1.5 pr-2 text-[12px] text-stone-600">
                <div>{t("openedBy", { name: r.openedBy, date: when(r.openedAt) })}</div>
                {r.closedAt ? <div>{t("closedBy", { name: r.closedBy ?? "", date: when(r.closedAt) })}</div> : null}
              </td>
              <td className="py-1.5 text-right">
                {r.status === "open" ? (
                  <Button size="sm" variant="danger" disabled={busy} onClick={() => close(r)} data-testid="close-round">
                    {t("close")}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form onSubmit={open} className="flex flex-col gap-3 border-t border-stone-200 pt-3" data-testid="open-round-form">
        <h3 className="text-sm font-semibold">{t("openTitle")}</h3>
        <label className="flex flex-col gap-1 text-[13px]">
          {t("name")}
          <input className={`${inputClass} w-72`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} data-testid="round-name" />
        </label>
        <fieldset className="flex flex-col gap-1 text-[13px]">
          <legend className="mb-1">{t("chooseCoders")}</legend>
          {coders.length < 2 ? <p className="text-xs text-amber-800">{t("fewCoders")}</p> : null}
          <div className="flex flex-wrap gap-3">
            {coders.map((c) => (
              <label key={c} className="flex items-center gap-1.5">
                <input type="checkbox" checked={chosenCoders.has(c)} onChange={() => toggle(chosenCoders, c, setChosenCoders)} data-coder={c} />
                {c}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="flex flex-col gap-1 text-[13px]">
          <legend className="mb-1">{t("chooseDocuments", { count: chosenDocs.size })}</legend>
          <input className={`${inputClass} w-72`} placeholder={t("filterDocuments")} value={docFilter} onChange={(e) => setDocFilter(e.target.value)} aria-label={t("filterDocuments")} />
          <div className="max-h-64 overflow-y-auto rounded border border-stone-200 p-2">
            {shownDocs.length === 0 ? <p className="text-xs text-stone-500">{t("noDocuments")}</p> : null}
            {shownDocs.map((d) => (
              <label key={d.id} className="flex items-center gap-1.5 py-0.5">
                <input type="checkbox" checked={chosenDocs.has(d.id)} onChange={() => toggle(chosenDocs, d.id, setChosenDocs)} data-document={d.id} />
                <span className="tabular-nums text-stone-500">{d.year ?? ""}</span> {d.title}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <Button type="submit" variant="primary" disabled={busy} data-testid="open-round">
            {t("openRound")}
          </Button>
        </div>
      </form>
    </div>
  );
}
