"use client";

import { AlertTriangle, ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight, Save, Tag, Trash2, X } from "lucide-react";
import { useState } from "react";
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
  onClose,
  onRecode,
  onDelete,
  onResize,
  onComment,
}: {
  coding: ReaderCoding;
  projectId: string;
  busy: boolean;
  onClose: () => void;
  onRecode: () => void;
  onDelete: () => void;
  onResize: (edge: ResizeEdge, delta: -1 | 1, step: ResizeStep) => void;
  onComment: (comment: string) => void;
}) {
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
          <p className="text-[10px] tracking-wide text-stone-500">选中编码 Selected coding</p>
          <p className="flex items-center gap-1.5 text-sm font-semibold">
            <span className="inline-block h-3 w-3 flex-none rounded-sm" style={{ backgroundColor: color }} />
            <span className="font-mono">{coding.shortName}</span>
          </p>
          <p className="text-xs text-stone-700">{coding.labelZh}</p>
          <p className="text-[11px] text-stone-500">{coding.labelEn}</p>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="取消选中 Deselect"
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
          {coding.anchor === "orphaned"
            ? "原文中找不到此引文：编码已失去锚点 / The quote is no longer in the text: this coding is orphaned."
            : "引文已在别处找到，编码已重新定位 / The quote was found elsewhere: the coding was relocated."}
        </p>
      ) : null}

      <blockquote className="border-l-2 border-stone-300 pl-2 font-serif text-[13px] leading-relaxed text-stone-800">
        {quote}
      </blockquote>
      <p className="text-[10px] text-stone-500">
        {coding.coder} · {formatDate(coding.createdAt)}
        {coding.updatedAt !== coding.createdAt ? ` · 修改 edited ${formatDate(coding.updatedAt)}` : ""} · 字 chars {coding.start}–
        {coding.end}
      </p>

      <div className="flex flex-wrap gap-1.5">
        <Button size="sm" onClick={onRecode} disabled={busy}>
          <Tag size={12} /> 改码 Re-code
        </Button>
        <Button size="sm" variant="danger" onClick={onDelete} disabled={busy} data-testid="delete-coding">
          <Trash2 size={12} /> 删除 Delete
        </Button>
      </div>

      <div className="grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1 text-[11px]" data-testid="resize-controls">
        <span className="text-stone-500">起点 Start</span>
        <ResizeButtons edge="start" busy={busy} onResize={onResize} />
        <span className="text-stone-500">终点 End</span>
        <ResizeButtons edge="end" busy={busy} onResize={onResize} />
        <span />
        <span className="text-[10px] text-stone-400">Shift+←/→ 终点 end · Alt+Shift+←/→ 起点 start · +↑/↓ 按句 by sentence</span>
      </div>

      <div className="flex flex-col gap-1">
        <label htmlFor="coding-comment" className="text-[11px] font-medium text-stone-600">
          评论 Comment
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
            <Save size={12} /> 保存评论 Save comment
          </Button>
        </div>
      </div>

      <MemoPanel projectId={projectId} target={{ kind: "coding", codingId: coding.id }} label="编码备忘 Coding memos" />
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
  const zh = edge === "start" ? "起点" : "终点";
  const b = "inline-flex h-6 w-7 items-center justify-center rounded border border-stone-300 bg-white hover:bg-stone-100 disabled:text-stone-300";
  return (
    <span className="flex gap-1">
      <button type="button" className={b} disabled={busy} onClick={() => onResize(edge, -1, "sentence")} aria-label={`${zh}前移一句 ${edge} one sentence earlier`} title={`${zh}前移一句 / ${edge} one sentence earlier`}>
        <ChevronsLeft size={13} />
      </button>
      <button type="button" className={b} disabled={busy} onClick={() => onResize(edge, -1, "char")} aria-label={`${zh}前移一字 ${edge} one character earlier`} title={`${zh}前移一字 / ${edge} one character earlier`}>
        <ChevronLeft size={13} />
      </button>
      <button type="button" className={b} disabled={busy} onClick={() => onResize(edge, 1, "char")} aria-label={`${zh}后移一字 ${edge} one character later`} title={`${zh}后移一字 / ${edge} one character later`}>
        <ChevronRight size={13} />
      </button>
      <button type="button" className={b} disabled={busy} onClick={() => onResize(edge, 1, "sentence")} aria-label={`${zh}后移一句 ${edge} one sentence later`} title={`${zh}后移一句 / ${edge} one sentence later`}>
        <ChevronsRight size={13} />
      </button>
    </span>
  );
}

