"use client";

import { Loader2, RotateCw, Undo2, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/shell/ui";

/** The sticky bar above the text (undo, status, count) and the error banner below it. */
export function ReaderToolbar({
  busy,
  notice,
  undoLabel,
  undoCount,
  codingCount,
  error,
  onUndo,
  onReload,
  onDismissError,
}: {
  busy: boolean;
  notice: string | null;
  undoLabel: string | null;
  undoCount: number;
  /** Null while the codings are loading. */
  codingCount: number | null;
  error: { message: string; conflict: boolean } | null;
  onUndo: () => void;
  onReload: () => void;
  onDismissError: () => void;
}) {
  const t = useTranslations("reader.toolbar");
  return (
    <>
      <div className="sticky top-10 z-20 flex flex-wrap items-center gap-2 rounded-md border border-stone-200 bg-white/95 px-3 py-1.5 shadow-sm backdrop-blur">
        <Button size="sm" onClick={onUndo} disabled={undoCount === 0} title={t("undoTitle")} data-testid="undo">
          <Undo2 size={12} /> {t("undo")}
        </Button>
        <span className="min-w-0 flex-1 truncate text-[11px] text-stone-500" data-testid="reader-status">
          {busy ? (
            <span className="inline-flex items-center gap-1">
              <Loader2 size={11} className="animate-spin" /> {t("saving")}
            </span>
          ) : notice ? (
            notice
          ) : undoLabel ? (
            t("canUndo", { label: undoLabel })
          ) : (
            t("hint")
          )}
        </span>
        {codingCount === null ? null : <span className="text-[11px] text-stone-400 tabular-nums">{t("codings", { count: codingCount })}</span>}
      </div>
      {error ? (
        <div
          role="alert"
          className="flex items-start gap-2 rounded border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800"
          data-testid="reader-error"
        >
          <span className="flex-1">{error.message}</span>
          {error.conflict ? (
            <Button size="sm" onClick={onReload}>
              <RotateCw size={12} /> {t("reload")}
            </Button>
          ) : null}
          <button type="button" aria-label={t("dismiss")} onClick={onDismissError} className="p-0.5 hover:text-red-950">
            <X size={12} />
          </button>
        </div>
      ) : null}
    </>
  );
}
