"use client";

import { Loader2, Upload } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { apiJson, failureMessage, upload } from "@/components/api/client";
import { ErrorNote } from "@/components/shell/ui";

type Report = {
  projectId: string;
  name: string;
  origin: string;
  offsets: { convention: string; detected: string };
  imported: { users: number; codes: number; groups: number; documents: number; codings: number; memos: number };
  notes: string[];
};

type QdcReport = {
  projectId: string;
  imported: { codes: number; reused: number; groups: number; memberships: number };
  notes: string[];
};

const isQdc = (f: File | null) => !!f && /\.qdc$/i.test(f.name);

/**
 * Import of a REFI-QDA project (.qdpx) into a new project, or of a codebook (.qdc) into an
 * existing one (preselected by `projectId`), with the report of what came in, was adjusted or left out.
 */
export function ImportQdpx({ projectId }: { projectId?: string }) {
  const t = useTranslations("exchange.import");
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [offsets, setOffsets] = useState("auto");
  const [target, setTarget] = useState(projectId ?? "");
  const [projects, setProjects] = useState<{ id: string; name: string }[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [qdcReport, setQdcReport] = useState<QdcReport | null>(null);
  const qdc = isQdc(file);
  useEffect(() => {
    if (!qdc || projects) return;
    apiJson<{ projects: { id: string; name: string }[] }>("/api/projects")
      .then((r) => {
        setProjects(r.projects);
        setTarget((cur) => cur || r.projects[0]?.id || "");
      })
      .catch((err: unknown) => setError(failureMessage(err)));
  }, [qdc, projects]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.set("file", file);
    setBusy(true);
    setError(null);
    setReport(null);
    setQdcReport(null);
    try {
      if (qdc) {
        const r = await upload<{ report: QdcReport }>(`/api/projects/${encodeURIComponent(target)}/import-qdc`, form, () => {});
        setQdcReport(r.report);
      } else {
        const r = await upload<{ report: Report }>(`/api/projects/import-qdpx?${new URLSearchParams({ name, offsets })}`, form, () => {});
        setReport(r.report);
      }
    } catch (err) {
      setError(failureMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mx-auto max-w-2xl space-y-4 p-6">
      <h1 className="text-lg font-semibold text-stone-900">{t("title")}</h1>
      <p className="text-sm text-stone-600">{t("intro")}</p>
      <form onSubmit={submit} className="space-y-3">
        <input type="file" accept=".qdpx,.zip,.qdc" data-testid="qdpx-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="block text-sm" />
        {qdc ? (
          <label className="block text-sm text-stone-700">
            {t("qdcProject")}
            <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="qdc-project" className="mt-1 block w-full rounded border border-stone-300 px-2 py-1">
              {(projects ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <label className="block text-sm text-stone-700">
              {t("name")}
              <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="qdpx-name" className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
            </label>
            <label className="block text-sm text-stone-700">
              {t("offsets")}
              <select value={offsets} onChange={(e) => setOffsets(e.target.value)} className="mt-1 block rounded border border-stone-300 px-2 py-1">
                <option value="auto">{t("offsetsAuto")}</option>
                <option value="codepoints">{t("offsetsCodepoints")}</option>
                <option value="utf16">{t("offsetsUtf16")}</option>
              </select>
            </label>
          </>
        )}
        <button type="submit" disabled={!file || (qdc ? !target : !name.trim()) || busy} data-testid="qdpx-import" className="inline-flex items-center gap-1.5 rounded bg-accent-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {busy ? <Loader2 size={14} className="animate-spin" aria-hidden /> : <Upload size={14} aria-hidden />} {t("submit")}
        </button>
      </form>
      {error ? <ErrorNote>{error}</ErrorNote> : null}
      {qdcReport ? (
        <div data-testid="qdc-report" className="space-y-2 rounded border border-stone-200 p-3 text-sm">
          <p>{t("qdcDone", qdcReport.imported)}</p>
          {qdcReport.notes.length ? (
            <ul className="list-disc pl-5 text-xs text-stone-600">
              {qdcReport.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
          <Link href={`/projects/${qdcReport.projectId}/codebook`} data-testid="qdc-open" className="text-accent-700 underline">
            {t("qdcOpen")}
          </Link>
        </div>
      ) : null}
      {report ? (
        <div data-testid="qdpx-report" className="space-y-2 rounded border border-stone-200 p-3 text-sm">
          <p>{t("done", { ...report.imported, convention: report.offsets.convention })}</p>
          {report.notes.length ? (
            <ul className="list-disc pl-5 text-xs text-stone-600">
              {report.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
          <Link href={`/projects/${report.projectId}`} data-testid="qdpx-open" className="text-accent-700 underline">
            {t("open", { name: report.name })}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
