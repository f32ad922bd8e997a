"use client";

import { CircleAlert, CircleCheck, FileUp, LoaderCircle, X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, type DragEvent } from "react";
import { PROVINCES } from "@/lib/corpus/reference";
import { failureMessage, upload } from "@/components/api/client";
import { Button, Field, formatBytes, inputClass, selectClass } from "@/components/shell/ui";
import { ENCODING_CHOICES } from "./labels";
import { DocTypeSelect, LevelSelect, RegionSelect } from "./selects";
import type { ImportResult } from "./types";

type Status = "queued" | "uploading" | "processing" | "done" | "error";

type Item = {
  key: string;
  file: File;
  status: Status;
  /** 0…1 of the bytes sent. */
  progress: number;
  result?: ImportResult;
  error?: string;
};

/** Metadata applied to every file of the batch; empty = inferred from each file name. */
type Defaults = {
  region: string;
  province: string;
  city: string;
  year: string;
  docType: string;
  level: string;
  encoding: string;
};

const NO_DEFAULTS: Defaults = { region: "", province: "", city: "", year: "", docType: "", level: "", encoding: "" };

let nextKey = 0;

/**
 * Multi-file import. Files are sent ONE PER REQUEST, in sequence, with XHR so that
 * each shows its own upload progress and then its own outcome; a failed file does
 * not stop the batch. The document list is refreshed when the batch ends.
 */
export function UploadPanel({
  projectId,
  accept,
  onClose,
  onBatchDone,
}: {
  projectId: string;
  accept: string;
  onClose: () => void;
  onBatchDone: () => void;
}) {
  const t = useTranslations("upload");
  const tc = useTranslations("common");
  const [items, setItems] = useState<Item[]>([]);
  const [defaults, setDefaults] = useState<Defaults>(NO_DEFAULTS);
  const [running, setRunning] = useState(false);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const update = (key: string, patch: Partial<Item>) =>
    setItems((prev) => prev.map((it) => (it.key === key ? { ...it, ...patch } : it)));

  function addFiles(list: FileList | File[]) {
    const files = Array.from(list);
    if (files.length === 0) return;
    setItems((prev) => [
      ...prev,
      ...files.map((file) => ({ key: `f${nextKey++}`, file, status: "queued" as const, progress: 0 })),
    ]);
  }

  async function start() {
    const queue = items.filter((it) => it.status === "queued");
    if (queue.length === 0) return;
    setRunning(true);
    let imported = 0;
    for (const it of queue) {
      update(it.key, { status: "uploading", progress: 0 });
      const outcome = await uploadOne(projectId, it.file, defaults, (progress) =>
        update(it.key, progress >= 1 ? { progress: 1, status: "processing" } : { progress }),
      );
      if (outcome.ok) {
        imported++;
        update(it.key, { status: "done", progress: 1, result: outcome.document });
      } else {
        update(it.key, {
          status: "error",
          error: outcome.message ?? (outcome.status ? t("failedHttp", { status: outcome.status }) : t(outcome.reason)),
        });
      }
    }
    setRunning(false);
    if (imported > 0) onBatchDone();
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    if (!running) addFiles(e.dataTransfer.files);
  }

  const queued = items.filter((it) => it.status === "queued").length;
  const done = items.filter((it) => it.status === "done").length;
  const failed = items.filter((it) => it.status === "error").length;
  const setDefault = (k: keyof Defaults) => (v: string) => setDefaults((d) => ({ ...d, [k]: v }));

  return (
    <section
      className="rounded-md border border-stone-200 bg-white"
      aria-label={t("title")}
      data-testid="upload-panel"
    >
      <div className="flex items-center justify-between border-b border-stone-200 px-3 py-2">
        <h2 className="text-[13px] font-semibold">
          {t("title")}
        </h2>
        <button
          type="button"
          onClick={onClose}
          disabled={running}
          aria-label={tc("close")}
          className="rounded p-1 text-stone-500 hover:bg-stone-100 disabled:opacity-40"
        >
          <X size={16} />
        </button>
      </div>

      <div className="grid gap-3 p-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <div className="flex min-w-0 flex-col gap-2">
          <div
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            className={`flex flex-col items-center justify-center gap-1.5 rounded border-2 border-dashed px-4 py-5 text-center ${
              dragging ? "border-accent-500 bg-accent-50" : "border-stone-300 bg-stone-50"
            }`}
          >
            <FileUp size={20} className="text-stone-400" aria-hidden />
            <p className="text-[13px] text-stone-700">
              {t("dropHere")}
              <button
                type="button"
                className="mx-1 font-medium text-accent-700 underline-offset-2 hover:underline"
                onClick={() => input.current?.click()}
                disabled={running}
              >
                {t("chooseFiles")}
              </button>
            </p>
            <p className="text-[11px] text-stone-500">
              {t("formats")}
            </p>
            <input
              ref={input}
              type="file"
              multiple
              accept={accept}
              className="sr-only"
              data-testid="upload-input"
              aria-label={t("chooseFilesLabel")}
              onChange={(e) => {
                if (e.target.files) addFiles(e.target.files);
                e.target.value = "";
              }}
            />
          </div>

          {items.length > 0 ? (
            <ul className="divide-y divide-stone-100 rounded border border-stone-200" data-testid="upload-list">
              {items.map((it) => (
                <UploadRow
                  key={it.key}
                  item={it}
                  onRemove={it.status === "queued" && !running ? () => setItems((p) => p.filter((x) => x.key !== it.key)) : undefined}
                />
              ))}
            </ul>
          ) : null}

          <div className="flex flex-wrap items-center gap-2">
            <Button variant="primary" onClick={start} disabled={running || queued === 0} data-testid="upload-start">
              {running ? <LoaderCircle size={14} className="animate-spin" /> : <FileUp size={14} />}
              {running ? t("importing") : t("importFiles", { count: queued })}
            </Button>
            {items.length > 0 && !running ? (
              <Button variant="ghost" onClick={() => setItems([])}>
                {t("clearList")}
              </Button>
            ) : null}
            {done + failed > 0 ? (
              <span className="text-xs text-stone-600" data-testid="upload-summary" aria-live="polite">
                {t("summary", { done, failed })}
              </span>
            ) : null}
          </div>
        </div>

        <fieldset className="flex flex-col gap-2 rounded border border-stone-200 bg-stone-50/60 p-2.5" disabled={running}>
          <legend className="px-1 text-[11px] font-medium text-stone-600">
            {t("defaults")}
          </legend>
          <p className="text-[11px] text-stone-500">
            {t("defaultsHint")}
          </p>
          <div className="grid grid-cols-2 gap-2">
            <Field label={t("fields.region")} htmlFor="up-region" className="col-span-2">
              <RegionSelect id="up-region" value={defaults.region} onChange={setDefault("region")} emptyLabel={t("auto")} />
            </Field>
            <Field label={t("fields.province")} htmlFor="up-province">
              <input
                id="up-province"
                list="province-names"
                className={inputClass}
                value={defaults.province}
                onChange={(e) => setDefault("province")(e.target.value)}
              />
              <datalist id="province-names">
                {PROVINCES.map((p) => (
                  <option key={p.name} value={p.name} />
                ))}
              </datalist>
            </Field>
            <Field label={t("fields.city")} htmlFor="up-city">
              <input
                id="up-city"
                className={inputClass}
                value={defaults.city}
                onChange={(e) => setDefault("city")(e.target.value)}
                placeholder={t("cityPlaceholder")}
              />
            </Field>
            <Field label={t("fields.year")} htmlFor="up-year">
              <input
                id="up-year"
                type="number"
                min={1900}
                max={2100}
                className={inputClass}
                value={defaults.year}
                onChange={(e) => setDefault("year")(e.target.value)}
              />
            </Field>
            <Field label={t("fields.level")} htmlFor="up-level">
              <LevelSelect id="up-level" value={defaults.level} onChange={setDefault("level")} emptyLabel={t("auto")} />
            </Field>
            <Field label={t("fields.type")} htmlFor="up-type" className="col-span-2">
              <DocTypeSelect id="up-type" value={defaults.docType} onChange={setDefault("docType")} emptyLabel={t("auto")} />
            </Field>
            <Field label={t("fields.encoding")} htmlFor="up-encoding" className="col-span-2">
              <select
                id="up-encoding"
                className={selectClass}
                value={defaults.encoding}
                onChange={(e) => setDefault("encoding")(e.target.value)}
              >
                {ENCODING_CHOICES.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label ?? t("autoDetect")}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
      </div>
    </section>
  );
}

function UploadRow({ item, onRemove }: { item: Item; onRemove?: () => void }) {
  const { file, status, progress, result, error } = item;
  const t = useTranslations("upload");
  const format = useFormatter();
  return (
    <li className="px-2.5 py-1.5" data-testid="upload-item" data-status={status} data-file-name={file.name}>
      <div className="flex items-center gap-2">
        <StatusIcon status={status} />
        <span className="min-w-0 flex-1 truncate text-[13px]" title={file.name}>
          {file.name}
        </span>
        <span className="text-[11px] text-stone-400 tabular-nums">{formatBytes(file.size)}</span>
        {onRemove ? (
          <button type="button" onClick={onRemove} aria-label={t("remove", { name: file.name })} className="text-stone-400 hover:text-stone-800">
            <X size={14} />
          </button>
        ) : null}
      </div>
      {status === "uploading" || status === "processing" ? (
        <div className="mt-1 flex items-center gap-2">
          <div
            className="h-1.5 flex-1 overflow-hidden rounded bg-stone-200"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
            aria-label={t("progress", { name: file.name })}
          >
            <div
              className={`h-full bg-accent-500 transition-[width] ${status === "processing" ? "animate-pulse" : ""}`}
              style={{ width: `${Math.round(progress * 100)}%` }}
            />
          </div>
          <span className="w-36 text-right text-[11px] text-stone-500">
            {status === "processing" ? t("processing") : `${Math.round(progress * 100)}%`}
          </span>
        </div>
      ) : null}
      {status === "done" && result ? (
        <p className="mt-0.5 pl-6 text-[11px] text-stone-600" data-testid="upload-result">
          {t.rich("result", {
            title: result.title,
            chars: format.number(result.chars),
            sentences: format.number(result.sentences),
            paragraphs: format.number(result.paragraphs),
            encoding: result.encoding,
            // data-field spans let tests read the numbers in either language.
            c: (n) => <span data-field="chars">{n}</span>,
            s: (n) => <span data-field="sentences">{n}</span>,
            e: (n) => (
              <span data-field="encoding" className="font-mono">
                {n}
              </span>
            ),
          })}
          {result.warnings.length > 0 ? (
            <span className="block text-amber-700">{result.warnings.join(" · ")}</span>
          ) : null}
        </p>
      ) : null}
      {status === "error" ? (
        <p className="mt-0.5 pl-6 text-[11px] text-red-700" role="alert" data-testid="upload-error">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function StatusIcon({ status }: { status: Status }) {
  const t = useTranslations("upload.status");
  switch (status) {
    case "done":
      return <CircleCheck size={16} className="shrink-0 text-emerald-600" aria-label={t("done")} />;
    case "error":
      return <CircleAlert size={16} className="shrink-0 text-red-600" aria-label={t("error")} />;
    case "uploading":
    case "processing":
      return <LoaderCircle size={16} className="shrink-0 animate-spin text-accent-600" aria-label={t("running")} />;
    case "queued":
      return <span className="inline-block h-4 w-4 shrink-0 rounded-full border border-stone-300" aria-label={t("queued")} />;
  }
}

/** A failure carries the server's reason (already in the request's language) or what went wrong locally. */
type UploadOutcome =
  | { ok: true; document: ImportResult }
  | { ok: false; message?: string; status?: number; reason: "network" | "aborted" | "failed" };

/** One file, one multipart request through the shared client; resolves (never rejects) with the outcome. */
async function uploadOne(
  projectId: string,
  file: File,
  defaults: Defaults,
  onProgress: (fraction: number) => void,
): Promise<UploadOutcome> {
  const form = new FormData();
  form.append("file", file, file.name);
  for (const [k, v] of Object.entries(defaults)) if (v.trim() !== "") form.append(k, v.trim());
  try {
    // Progress 1 = all bytes sent: the server now extracts, splits and stores the text.
    const { document } = await upload<{ document: ImportResult }>(
      `/api/projects/${encodeURIComponent(projectId)}/documents`,
      form,
      onProgress,
    );
    return { ok: true, document };
  } catch (e) {
    return { ok: false, message: failureMessage(e), reason: "failed" };
  }
}
