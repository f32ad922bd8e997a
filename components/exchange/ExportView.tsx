"use client";

import { Download, LoaderCircle } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { download, failureMessage, saveBlob } from "@/components/api/client";
import { MultiSelect } from "@/components/search/MultiSelect";
import { formatBytes } from "@/components/shell/ui";

export const EXPORT_FORMATS = ["csv", "xlsx", "json", "matrix", "qdpx", "qdc"] as const;
export type ExportFormatChoice = (typeof EXPORT_FORMATS)[number];

export type ExportChoices = {
  coders: { name: string }[];
  codes: { id: string; shortName: string; labelZh: string; labelEn: string; depth: number }[];
  documents: { id: string; title: string }[];
};

/** The download URL of an export: filters left out when nothing is chosen (= everything). */
export function exportHref(projectId: string, s: { format: ExportFormatChoice; codes: string[]; coders: string[]; documents: string[]; utf16: boolean }): string {
  const q = new URLSearchParams({ format: s.format });
  if (s.codes.length) q.set("codes", s.codes.join(","));
  if (s.coders.length) q.set("coders", s.coders.join(","));
  if (s.documents.length) q.set("documents", s.documents.join(","));
  if (s.format === "qdpx" && s.utf16) q.set("positions", "utf16");
  return `/api/projects/${encodeURIComponent(projectId)}/export?${q.toString()}`;
}

type Progress = { phase: "idle" } | { phase: "preparing" } | { phase: "receiving"; bytes: number } | { phase: "done"; bytes: number; name: string } | { phase: "failed"; message: string };

function ProgressLine({ progress }: { progress: Progress }) {
  const t = useTranslations("exchange.progress");
  switch (progress.phase) {
    case "idle":
      return null;
    case "preparing":
      return (
        <span role="status" data-testid="export-progress" data-phase="preparing" className="text-sm text-stone-600">
          {t("preparing")}
        </span>
      );
    case "receiving":
      return (
        <span role="status" data-testid="export-progress" data-phase="receiving" className="text-sm tabular-nums text-stone-600">
          {t("receiving", { size: formatBytes(progress.bytes) })}
        </span>
      );
    case "done":
      return (
        <span role="status" data-testid="export-progress" data-phase="done" className="text-sm tabular-nums text-stone-600">
          {t("done", { name: progress.name, size: formatBytes(progress.bytes) })}
        </span>
      );
    case "failed":
      return (
        <span role="alert" data-testid="export-progress" data-phase="failed" className="text-sm text-red-700">
          {t("failed", { message: progress.message })}
        </span>
      );
  }
}

/**
 * The export page: choose a format and, optionally, codes (each with its subtree), coders and
 * documents. The button fetches the file itself so that a large export shows its progress
 * ("preparing" until the first byte, then the bytes received) and a refused one its reason;
 * the received file is then saved under the server's file name.
 */
export function ExportView({ projectId, choices }: { projectId: string; choices: ExportChoices }) {
  const t = useTranslations("exchange");
  const locale = useLocale();
  const [format, setFormat] = useState<ExportFormatChoice>("csv");
  const [codes, setCodes] = useState<string[]>([]);
  const [coders, setCoders] = useState<string[]>([]);
  const [documents, setDocuments] = useState<string[]>([]);
  const [utf16, setUtf16] = useState(false);
  const [progress, setProgress] = useState<Progress>({ phase: "idle" });
  const codeLabel = (c: ExportChoices["codes"][number]) => {
    const label = locale === "zh" ? c.labelZh || c.labelEn : c.labelEn || c.labelZh;
    return `${"  ".repeat(c.depth)}${c.shortName}${label && label !== c.shortName ? ` · ${label}` : ""}`;
  };
  const filtersApply = format !== "qdc";
  const busy = progress.phase === "preparing" || progress.phase === "receiving";
  const start = async () => {
    const href = exportHref(projectId, { format, codes: filtersApply ? codes : [], coders: filtersApply ? coders : [], documents: filtersApply ? documents : [], utf16 });
    setProgress({ phase: "preparing" });
    try {
      const { blob, fileName } = await download(href, (bytes) => setProgress({ phase: "receiving", bytes }));
      const name = fileName ?? `export.${format}`;
      saveBlob(blob, name);
      setProgress({ phase: "done", bytes: blob.size, name });
    } catch (e) {
      setProgress({ phase: "failed", message: failureMessage(e) });
    }
  };
  return (
    <div className="mx-auto max-w-3xl space-y-5 p-6">
      <div>
        <h1 className="text-lg font-semibold text-stone-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      </div>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-stone-800">{t("format")}</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f} className="flex cursor-pointer items-start gap-2 rounded border border-stone-200 px-3 py-2 text-sm hover:bg-stone-50">
            <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} className="mt-0.5" data-testid={`export-format-${f}`} />
            <span>
              <span className="font-medium text-stone-900">{t(`formats.${f}.name`)}</span>
              <span className="block text-xs text-stone-600">{t(`formats.${f}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {filtersApply ? (
        <div className="space-y-2">
          <div className="text-sm font-medium text-stone-800">{t("filters")}</div>
          <div className="flex flex-wrap items-center gap-2">
            <MultiSelect label={t("codes")} testId="export-codes" options={choices.codes.map((c) => ({ value: c.id, label: codeLabel(c) }))} value={codes} onChange={setCodes} />
            <MultiSelect label={t("coders")} testId="export-coders" options={choices.coders.map((c) => ({ value: c.name, label: c.name }))} value={coders} onChange={setCoders} />
            <MultiSelect label={t("documents")} testId="export-documents" options={choices.documents.map((d) => ({ value: d.id, label: d.title }))} value={documents} onChange={setDocuments} />
          </div>
          <p className="text-xs text-stone-500">{t("filtersHint")}</p>
        </div>
      ) : (
        <p className="text-xs text-stone-500">{t("codebookWhole")}</p>
      )}
      {format === "qdpx" ? (
        <label className="flex items-center gap-2 text-sm text-stone-700">
          <input type="checkbox" checked={utf16} onChange={(e) => setUtf16(e.target.checked)} data-testid="export-utf16" />
          {t("utf16")}
        </label>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => void start()}
          disabled={busy}
          data-testid="export-download"
          className="inline-flex items-center gap-1.5 rounded bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {busy ? <LoaderCircle size={14} className="animate-spin" aria-hidden /> : <Download size={14} aria-hidden />} {t("download")}
        </button>
        <ProgressLine progress={progress} />
      </div>
      <p className="border-t border-stone-200 pt-3 text-xs text-stone-600">
        <Link href={`/projects/import-qdpx?project=${encodeURIComponent(projectId)}`} className="text-accent-700 underline">
          {t("importLink")}
        </Link>
      </p>
    </div>
  );
}
