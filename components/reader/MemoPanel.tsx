"use client";

import { Plus, Save, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useCan } from "@/components/auth/ProjectRole";
import { Button, ErrorNote } from "@/components/shell/ui";
import { api, ApiFailure } from "./api";
import type { MemoKind, ReaderMemo } from "./types";

type Target = { kind: MemoKind; documentId?: string; codeId?: string; codingId?: string };

const textareaClass =
  "w-full rounded border border-stone-300 bg-white px-2 py-1.5 text-[13px] leading-relaxed placeholder:text-stone-400 focus:border-accent-500 focus:ring-1 focus:ring-accent-500 focus:outline-none";

/**
 * Memos about one target (this document, the selected coding…), through /api/memos:
 * list, write a new one, edit (with the version it was loaded at; a stale edit is refused
 * with the server's message) and delete.
 */
export function MemoPanel({ projectId, target, label }: { projectId: string; target: Target; label: string }) {
  const t = useTranslations("reader.memos");
  const canWrite = useCan("code");
  const [memos, setMemos] = useState<ReaderMemo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ title: string; body: string } | null>(null);
  const { kind, documentId, codeId, codingId } = target;

  // Another target: forget the previous one's memos and draft (during render, not in an effect).
  const targetKey = [projectId, kind, documentId, codeId, codingId].join("\u0000");
  const [shownFor, setShownFor] = useState(targetKey);
  if (shownFor !== targetKey) {
    setShownFor(targetKey);
    setMemos(null);
    setDraft(null);
  }
  useEffect(() => {
    let live = true; // a reply for a target left meanwhile is dropped
    api.listMemos(projectId, { kind, documentId, codeId, codingId }).then(
      (list) => {
        if (!live) return;
        setMemos(list);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(e instanceof ApiFailure ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [projectId, kind, documentId, codeId, codingId]);

  const create = async () => {
    if (!draft) return;
    try {
      const memo = await api.createMemo({ projectId, kind, documentId, codeId, codingId, ...draft });
      setMemos((m) => [memo, ...(m ?? [])]);
      setDraft(null);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    }
  };

  return (
    <section className="flex flex-col gap-2" data-testid={`memos-${target.kind}`}>
      <div className="flex items-center justify-between">
        <h3 className="text-[11px] font-semibold tracking-wide text-stone-600">{label}</h3>
        {draft || !canWrite ? null : (
          <Button size="sm" variant="ghost" onClick={() => setDraft({ title: "", body: "" })}>
            <Plus size={12} /> {t("new")}
          </Button>
        )}
      </div>
      <ErrorNote>{error}</ErrorNote>
      {draft ? (
        <div className="flex flex-col gap-1.5 rounded border border-accent-200 bg-accent-50/40 p-2">
          <input
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            placeholder={t("title")}
            aria-label={t("titleLabel")}
            className={textareaClass}
          />
          <textarea
            value={draft.body}
            onChange={(e) => setDraft({ ...draft, body: e.target.value })}
            placeholder={t("body")}
            aria-label={t("bodyLabel")}
            rows={4}
            className={textareaClass}
          />
          <div className="flex justify-end gap-1.5">
            <Button size="sm" variant="ghost" onClick={() => setDraft(null)}>
              {t("cancel")}
            </Button>
            <Button size="sm" variant="primary" onClick={create} disabled={!draft.title.trim() && !draft.body.trim()}>
              <Save size={12} /> {t("save")}
            </Button>
          </div>
        </div>
      ) : null}
      {memos === null ? (
        <p className="text-xs text-stone-400">{t("loading")}</p>
      ) : memos.length === 0 && !draft ? (
        <p className="text-xs text-stone-400">{t("none")}</p>
      ) : (
        memos.map((m) => (
          <MemoItem
            key={m.id}
            memo={m}
            readOnly={!canWrite}
            onSaved={(next) => setMemos((list) => (list ?? []).map((x) => (x.id === next.id ? next : x)))}
            onDeleted={() => setMemos((list) => (list ?? []).filter((x) => x.id !== m.id))}
          />
        ))
      )}
    </section>
  );
}

function MemoItem({
  memo,
  readOnly,
  onSaved,
  onDeleted,
}: {
  memo: ReaderMemo;
  /** A viewer's memo: its text, no fields or buttons (memos are written by coders and owners). */
  readOnly: boolean;
  onSaved: (m: ReaderMemo) => void;
  onDeleted: () => void;
}) {
  const t = useTranslations("reader.memos");
  const [title, setTitle] = useState(memo.title);
  const [body, setBody] = useState(memo.body);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = title !== memo.title || body !== memo.body;

  const save = async () => {
    setSaving(true);
    try {
      onSaved(await api.updateMemo(memo.id, { version: memo.version, title, body }));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    if (!window.confirm(t("confirmDelete"))) return;
    try {
      await api.deleteMemo(memo.id, memo.version);
      onDeleted();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    }
  };

  if (readOnly) {
    return (
      <div className="flex flex-col gap-1 rounded border border-stone-200 bg-white p-2 text-[12px]" data-memo-id={memo.id}>
        {memo.title ? <p className="font-medium">{memo.title}</p> : null}
        {memo.body ? <p className="whitespace-pre-wrap text-stone-700">{memo.body}</p> : null}
        <span className="truncate text-[10px] text-stone-400">
          {memo.author} · {formatDate(memo.updatedAt)}
        </span>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-1.5 rounded border border-stone-200 bg-white p-2" data-memo-id={memo.id}>
      <input
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={t("titlePlain")}
        aria-label={t("titleLabel")}
        className={textareaClass}
      />
      <textarea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={3}
        aria-label={t("bodyLabel")}
        className={textareaClass}
      />
      <div className="flex items-center justify-between gap-2">
        <span className="truncate text-[10px] text-stone-400">
          {memo.author} · {formatDate(memo.updatedAt)}
        </span>
        <span className="flex gap-1">
          <Button size="sm" variant="ghost" onClick={remove} aria-label={t("delete")}>
            <Trash2 size={12} />
          </Button>
          <Button size="sm" variant="primary" onClick={save} disabled={!dirty || saving}>
            <Save size={12} /> {t("save")}
          </Button>
        </span>
      </div>
      <ErrorNote>{error}</ErrorNote>
    </div>
  );
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
