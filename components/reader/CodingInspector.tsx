"use client";

import { AlertTriangle, ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight, Save, Tag, Trash2, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { codeLabel } from "@/components/codebook/tree";
import type { Locale } from "@/lib/i18n/locale";
import { Button } from "@/components/shell/ui";
import { safeColor } from "./colors";
import { formatDate, MemoPanel } from "./MemoPanel";
import { type ResizeEdge, type ResizeStep } from "./codings";
import type { ReaderCoding } from "./types";

/**
 * The selected coding: its code, passage, coder and dates; re-code, comment, resize (by
 * character or by sentence, either edge) and delete; and its coding memos.
 */
export function CodingInspector({
  coding,
  projectId,
  busy,
  readOnly = false,
  onClose,
  onRecode,
  onDelete,
  onResize,
  onComment,
}: {
  coding: ReaderCoding;
  projectId: string;
  busy: boolean;
  /** A viewer's: the coding and its comment shown, nothing to change. */
  readOnly?: boolean;
  onClose: () => void;
  onRecode: () => void;
  onDelete: () => void;
  onResize: (edge: ResizeEdge, delta: -1 | 1, step: ResizeStep) => void;
  onComment: (comment: string) => void;
}) {
  const t = useTranslations("reader.inspector");
  const labels = codeLabel(coding, useLocale() as Locale);
  const [comment, setComment] = useState(coding.comment);
  // Another coding selected, or this one's comment saved or changed elsewhere: show it.
  const [shown, setShown] = useState({ id: coding.id, comment: coding.comment });
  if (shown.id !== coding.id || shown.comment !== coding.comment) {
    setShown({ id: coding.id, comment: coding.comment });
    setComment(coding.comment);
  }
  const color = safeColor(coding.color);
  const quote = coding.quote.length > 240 ? coding.quote.slice(0, 240) + "…" : coding.quote;

  return (
    <section
      className="flex flex-col gap-2 rounded-md border-2 bg-white p-3"
      style={{ borderColor: color }}
      data-testid="coding-inspector"
      data-coding-id={coding.id}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-[10px] tracking-wide text-stone-500">{t("selected")}</p>
          <p className="flex items-center gap-1.5 text-sm font-semibold">
            <span className="inline-block h-3 w-3 flex-none rounded-sm" style={{ backgroundColor: color }} />
            <span className="font-mono">{coding.shortName}</span>
          </p>
          <p className="text-xs text-stone-700">{labels.label}</p>
          {labels.other ? <p className="text-[11px] text-stone-500">{labels.other}</p> : null}
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label={t("deselect")}
          className="rounded p-1 text-stone-500 hover:bg-stone-100 hover:text-stone-900"
        >
          <X size={14} />
        </button>
      </div>

      {coding.anchor !== "ok" ? (
        <p
          className={`flex items-start gap-1.5 rounded px-2 py-1 text-[11px] ${
            coding.anchor === "orphaned" ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-800"
          }`}
          data-testid="anchor-warning"
        >
          <AlertTriangle size={12} className="mt-0.5 flex-none" />
          {coding.anchor === "orphaned" ? t("orphaned") : t("relocated")}
        </p>
      ) : null}

      <blockquote className="border-l-2 border-stone-300 pl-2 font-serif text-[13px] leading-relaxed text-stone-800">
        {quote}
      </blockquote>
      <p className="text-[10px] text-stone-500">
        {coding.coder} · {formatDate(coding.createdAt)}
        {coding.updatedAt !== coding.createdAt ? ` · ${t("edited", { date: formatDate(coding.updatedAt) })}` : ""} ·{" "}
        {t("chars", { start: coding.start, end: coding.end })}
      </p>

      {readOnly ? (
        coding.comment ? (
          <p className="text-[12px] whitespace-pre-wrap text-stone-700" data-testid="coding-comment">
            <span className="text-[11px] font-medium text-stone-600">{t("comment")}:</span> {coding.comment}
          </p>
        ) : null
      ) : (
        <>
          <div className="flex flex-wrap gap-1.5">
            <Button size="sm" onClick={onRecode} disabled={busy}>
              <Tag size={12} /> {t("recode")}
            </Button>
            <Button size="sm" variant="danger" onClick={onDelete} disabled={busy} data-testid="delete-coding">
              <Trash2 size={12} /> {t("delete")}
            </Button>
          </div>

          <div className="grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1 text-[11px]" data-testid="resize-controls">
            <span className="text-stone-500">{t("start")}</span>
            <ResizeButtons edge="start" busy={busy} onResize={onResize} />
            <span className="text-stone-500">{t("end")}</span>
            <ResizeButtons edge="end" busy={busy} onResize={onResize} />
            <span />
            <span className="text-[10px] text-stone-400">{t("resizeKeys")}</span>
          </div>

          <div className="flex flex-col gap-1">
            <label htmlFor="coding-comment" className="text-[11px] font-medium text-stone-600">
              {t("comment")}
            </label>
            <textarea
              id="coding-comment"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={2}
              className="w-full rounded border border-stone-300 px-2 py-1 text-[13px] focus:border-accent-500 focus:ring-1 focus:ring-accent-500 focus:outline-none"
            />
            <div className="flex justify-end">
              <Button size="sm" variant="primary" disabled={busy || comment === coding.comment} onClick={() => onComment(comment)}>
                <Save size={12} /> {t("saveComment")}
              </Button>
            </div>
          </div>
        </>
      )}

      <MemoPanel projectId={projectId} target={{ kind: "coding", codingId: coding.id }} label={t("memos")} />
    </section>
  );
}

function ResizeButtons({
  edge,
  busy,
  onResize,
}: {
  edge: ResizeEdge;
  busy: boolean;
  onResize: (edge: ResizeEdge, delta: -1 | 1, step: ResizeStep) => void;
}) {
  const t = useTranslations("reader.inspector");
  const e = t(edge === "start" ? "edgeStart" : "edgeEnd");
  const label = (key: "sentenceEarlier" | "charEarlier" | "charLater" | "sentenceLater") => t(key, { edge: e });
  const b = "inline-flex h-6 w-7 items-center justify-center rounded border border-stone-300 bg-white hover:bg-stone-100 disabled:text-stone-300";
  return (
    <span className="flex gap-1">
      <button type="button" className={b} disabled={busy} onClick={() => onResize(edge, -1, "sentence")} aria-label={label("sentenceEarlier")} title={label("sentenceEarlier")}>
        <ChevronsLeft size={13} />
      </button>
      <button type="button" className={b} disabled={busy} onClick={() => onResize(edge, -1, "char")} aria-label={label("charEarlier")} title={label("charEarlier")}>
        <ChevronLeft size={13} />
      </button>
      <button type="button" className={b} disabled={busy} onClick={() => onResize(edge, 1, "char")} aria-label={label("charLater")} title={label("charLater")}>
        <ChevronRight size={13} />
      </button>
      <button type="button" className={b} disabled={busy} onClick={() => onResize(edge, 1, "sentence")} aria-label={label("sentenceLater")} title={label("sentenceLater")}>
        <ChevronsRight size={13} />
      </button>
    </span>
  );
}

