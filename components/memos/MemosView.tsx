"use client";

import * as Popover from "@radix-ui/react-popover";
import { FileText, Link2, NotebookPen, Pencil, Plus, Search, Tag, Trash2, X } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { apiJson, failureMessage, isConflict } from "@/components/api/client";
import { useCan } from "@/components/auth/ProjectRole";
import { CodePicker } from "@/components/codebook/CodePicker";
import { codeLabel, flatten, type FlatCode } from "@/components/codebook/tree";
import type { CodeNode } from "@/components/codebook/types";
import { Button, ErrorNote, Field, inputClass, Modal } from "@/components/shell/ui";
import type { Locale } from "@/lib/i18n/locale";
import { MEMO_KIND_ORDER, type LinkView, type MemoItem, type MemoKind, type PassageDraft, type RawLink } from "./types";

const KINDS: (MemoKind | "all")[] = ["all", ...MEMO_KIND_ORDER];

/**
 * All memos of a project, filterable by kind, and free project memos written here: a title,
 * a body and links to codes and to passages (document + code-point span, typically opened
 * from a search hit). Saving refreshes the server-rendered list.
 */
export function MemosView({
  projectId,
  memos,
  codebook,
  draftPassage,
  draftCodeId,
}: {
  projectId: string;
  memos: MemoItem[];
  codebook: CodeNode[];
  draftPassage: PassageDraft | null;
  draftCodeId: string | null;
}) {
  const t = useTranslations("memos");
  // Viewers read memos; writing, editing and deleting are for coders and owners.
  const canWrite = useCan("code");
  const router = useRouter();
  const pathname = usePathname();
  const [kind, setKind] = useState<MemoKind | "all">("all");
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<MemoItem | "new" | null>(canWrite && (draftPassage || draftCodeId) ? "new" : null);
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const counts = useMemo(() => {
    const c: Record<string, number> = { all: memos.length };
    for (const m of memos) c[m.kind] = (c[m.kind] ?? 0) + 1;
    return c;
  }, [memos]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return memos.filter(
      (m) =>
        (kind === "all" || m.kind === kind) &&
        (q === "" || `${m.title}\n${m.body}\n${m.author}\n${m.target?.label ?? ""}`.toLowerCase().includes(q)),
    );
  }, [memos, kind, query]);

  function closeEditor() {
    setEditing(null);
    // Drop ?documentId=…&start=… so that a reload does not reopen the draft.
    if (draftPassage || draftCodeId) router.replace(pathname, { scroll: false });
  }

  async function remove(m: MemoItem) {
    setNotice(null);
    try {
      await apiJson(`/api/memos/${encodeURIComponent(m.id)}?version=${m.version}`, { method: "DELETE" });
      setNotice({ tone: "ok", text: t("deleted", { title: m.title || m.body.slice(0, 20) }) });
      router.refresh();
    } catch (e) {
      if (isConflict(e)) router.refresh();
      setNotice({ tone: "error", text: failureMessage(e) });
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <div role="tablist" aria-label={t("kind")} className="inline-flex overflow-hidden rounded border border-stone-300 bg-white">
          {KINDS.map((k) => (
            <button
              key={k}
              role="tab"
              type="button"
              aria-selected={kind === k}
              onClick={() => setKind(k)}
              data-kind={k}
              className={`h-8 px-2.5 text-[13px] ${kind === k ? "bg-stone-800 text-white" : "text-stone-700 hover:bg-stone-100"}`}
            >
              {t(`kinds.${k}`)}
              <span className={kind === k ? "text-stone-300" : "text-stone-400"}> {counts[k] ?? 0}</span>
            </button>
          ))}
        </div>
        <label className="relative w-64">
          <span className="sr-only">{t("find")}</span>
          <Search size={14} className="pointer-events-none absolute top-2 left-2 text-stone-400" aria-hidden />
          <input type="search" className={`${inputClass} pl-7`} placeholder={t("findPlaceholder")} value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        {canWrite ? (
          <Button variant="primary" className="ml-auto" onClick={() => setEditing("new")} data-testid="new-memo">
            <Plus size={14} /> {t("new")}
          </Button>
        ) : null}
      </div>

      {notice ? (
        notice.tone === "error" ? (
          <ErrorNote>{notice.text}</ErrorNote>
        ) : (
          <p role="status" className="rounded border border-emerald-200 bg-emerald-50 px-2.5 py-1.5 text-xs text-emerald-900">
            {notice.text}
          </p>
        )
      ) : null}

      {shown.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-8 text-center text-xs text-stone-500">
          {memos.length === 0 ? t("empty") : t("noMatch")}
        </p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="memo-list">
          {shown.map((m) => (
            <MemoCard key={m.id} memo={m} onEdit={canWrite ? () => setEditing(m) : undefined} onDelete={() => void remove(m)} />
          ))}
        </ul>
      )}

      {editing ? (
        <MemoEditor
          key={editing === "new" ? "new" : editing.id}
          projectId={projectId}
          memo={editing === "new" ? null : editing}
          codebook={codebook}
          draftPassage={editing === "new" ? draftPassage : null}
          draftCodeId={editing === "new" ? draftCodeId : null}
          onClose={closeEditor}
          onSaved={(text) => {
            closeEditor();
            setNotice({ tone: "ok", text });
            router.refresh();
          }}
          onStale={() => router.refresh()}
        />
      ) : null}
    </div>
  );
}

/** One memo; without `onEdit` (a viewer) it has no edit or delete buttons. */
function MemoCard({ memo, onEdit, onDelete }: { memo: MemoItem; onEdit?: () => void; onDelete: () => void }) {
  const t = useTranslations("memos");
  const tc = useTranslations("common");
  const format = useFormatter();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="rounded-md border border-stone-200 bg-white p-3" data-testid="memo" data-memo-kind={memo.kind}>
      <div className="flex items-start gap-2">
        <span className="mt-0.5 rounded bg-stone-100 px-1.5 text-[10px] font-medium text-stone-600">
          {t(`kinds.${memo.kind}`)}
        </span>
        <div className="min-w-0 flex-1">
          <h3 className="font-semibold text-stone-900">{memo.title || <span className="text-stone-400">{t("untitled")}</span>}</h3>
          {memo.target ? (
            <p className="text-xs text-stone-500">
              {t("about")}{" "}
              {memo.target.href ? (
                <Link href={memo.target.href} className="text-accent-700 hover:underline">
                  {memo.target.label}
                </Link>
              ) : (
                memo.target.label
              )}
            </p>
          ) : null}
        </div>
        <span className="shrink-0 text-[11px] text-stone-400" title={t("created", { date: format.dateTime(new Date(memo.createdAt), { dateStyle: "medium", timeStyle: "short" }) })}>
          {memo.author} · {format.dateTime(new Date(memo.updatedAt), { dateStyle: "short", timeStyle: "short" })}
        </span>
        {!onEdit ? null : (
          <Button size="sm" variant="ghost" onClick={onEdit} aria-label={tc("edit")}>
            <Pencil size={13} />
          </Button>
        )}
        {!onEdit ? null : confirming ? (
          <span className="flex items-center gap-1">
            <Button size="sm" variant="danger" onClick={onDelete}>
              {t("confirmDelete")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              {tc("cancel")}
            </Button>
          </span>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={tc("delete")}>
            <Trash2 size={13} />
          </Button>
        )}
      </div>
      {memo.body ? <p className="mt-2 line-clamp-6 text-[13px] whitespace-pre-wrap text-stone-800">{memo.body}</p> : null}
      {memo.links.length > 0 ? <LinkList links={memo.links} /> : null}
    </li>
  );
}

function LinkList({ links, onRemove }: { links: LinkView[]; onRemove?: (index: number) => void }) {
  const t = useTranslations("memos");
  return (
    <ul className="mt-2 flex flex-col gap-1" data-testid="memo-links">
      {links.map((l, i) => (
        <li key={i} className="flex items-start gap-1.5 text-xs">
          {l.type === "code" ? (
            <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 ${l.missing ? "border-stone-200 text-stone-400 line-through" : "border-stone-300"}`}>
              <Tag size={11} className="text-stone-400" aria-hidden />
              <span className="h-2 w-2 rounded-sm" style={{ background: l.color }} aria-hidden />
              <b>{l.shortName}</b> {l.label}
            </span>
          ) : (
            <span className="flex min-w-0 items-start gap-1.5 rounded border border-stone-200 bg-stone-50 px-2 py-1">
              <FileText size={12} className="mt-0.5 shrink-0 text-stone-400" aria-hidden />
              <span className="min-w-0">
                {l.href ? (
                  <Link href={l.href} className="font-medium text-accent-700 hover:underline">
                    {l.title}
                  </Link>
                ) : (
                  <span className="text-stone-400">{l.title}</span>
                )}
                <span className="text-stone-400"> [{l.start}–{l.end}]</span>
                {l.quote ? <span className="block font-serif text-[13px] text-stone-700">“{l.quote}”</span> : null}
              </span>
            </span>
          )}
          {onRemove ? (
            <button type="button" aria-label={t("removeLink")} onClick={() => onRemove(i)} className="mt-0.5 rounded p-0.5 text-stone-400 hover:text-red-700">
              <X size={12} />
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Create a project memo, or edit any memo (versioned: a stale edit is refused, not overwritten). */
function MemoEditor({
  projectId,
  memo,
  codebook,
  draftPassage,
  draftCodeId,
  onClose,
  onSaved,
  onStale,
}: {
  projectId: string;
  memo: MemoItem | null;
  codebook: CodeNode[];
  draftPassage: PassageDraft | null;
  draftCodeId: string | null;
  onClose: () => void;
  onSaved: (text: string) => void;
  onStale: () => void;
}) {
  const t = useTranslations("memos");
  const tc = useTranslations("common");
  const locale = useLocale();
  const flat = useMemo(() => flatten(codebook), [codebook]);
  const [title, setTitle] = useState(memo?.title ?? "");
  const [body, setBody] = useState(memo?.body ?? "");
  // Mounted per opening (keyed by the memo), so the links start from the memo or the draft.
  const [links, setLinks] = useState(() =>
    initialLinks({ memo, draftPassage, draftCode: draftCodeId ? flat.find((x) => x.id === draftCodeId) : undefined, projectId, locale }),
  );
  const [pickerOpen, setPickerOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const linkedCodes = new Set(links.flatMap((l) => ("codeId" in l.raw ? [l.raw.codeId] : [])));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const payload = { title, body, links: links.map((l) => l.raw) };
    try {
      if (memo) {
        await apiJson(`/api/memos/${encodeURIComponent(memo.id)}`, { method: "PATCH", body: { version: memo.version, ...payload } });
        onSaved(t("saved"));
      } else {
        // Opened from a code's "Write a memo": the memo is that code's memo (kind "code");
        // otherwise a free project memo. Links work the same for both.
        const target = draftCodeId ? { kind: "code", codeId: draftCodeId } : { kind: "project" };
        await apiJson(`/api/memos`, { body: { projectId, ...target, ...payload } });
        onSaved(t("createdNotice"));
      }
    } catch (err) {
      if (isConflict(err)) onStale();
      setError(failureMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      title={memo ? t("editTitle") : t("newTitle")}
      description={memo && memo.kind !== "project" ? t("kindMemo", { kind: memo.kind, target: memo.target?.label ?? "" }) : undefined}
      width="max-w-2xl"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" data-testid="memo-form">
        <Field label={t("title")} htmlFor="memo-title">
          <input id="memo-title" className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoFocus />
        </Field>
        <Field label={t("body")} htmlFor="memo-body">
          <textarea
            id="memo-body"
            className="min-h-40 w-full rounded border border-stone-300 px-2 py-1.5 text-[13px] leading-relaxed focus:border-accent-500 focus:ring-1 focus:ring-accent-500 focus:outline-none"
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        </Field>
        <div>
          <div className="flex items-center gap-2">
            <span className="flex items-center gap-1 text-[11px] font-medium text-stone-600">
              <Link2 size={12} /> {t("links")}
            </span>
            <Popover.Root open={pickerOpen} onOpenChange={setPickerOpen}>
              <Popover.Trigger asChild>
                <Button size="sm" variant="ghost">
                  <Tag size={12} /> {t("linkCode")}
                </Button>
              </Popover.Trigger>
              <Popover.Portal>
                <Popover.Content align="start" sideOffset={4} className="z-[60] w-96 rounded-md border border-stone-200 bg-white p-2 shadow-lg">
                  <CodePicker
                    codes={codebook}
                    disabled={linkedCodes}
                    disabledReason={t("alreadyLinked")}
                    onPick={(c) => {
                      setLinks((ls) => [...ls, { raw: { codeId: c.id }, view: codeView(c, locale) }]);
                      setPickerOpen(false);
                    }}
                  />
                </Popover.Content>
              </Popover.Portal>
            </Popover.Root>
            <span className="text-[11px] text-stone-400">
              <NotebookPen size={11} className="inline" /> {t("passagesHint")}
            </span>
          </div>
          {links.length > 0 ? (
            <LinkList links={links.map((l) => l.view)} onRemove={(i) => setLinks((ls) => ls.filter((_, j) => j !== i))} />
          ) : (
            <p className="mt-1 text-xs text-stone-400">{t("noLinks")}</p>
          )}
        </div>
        <ErrorNote>{error}</ErrorNote>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{tc("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={busy || (title.trim() === "" && body.trim() === "")} data-testid="memo-save">
            {tc("save")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

type EditorLink = { raw: RawLink; view: LinkView };

/** The links an editor opens with: the memo's own, or the draft's passage and code. */
function initialLinks({
  memo,
  draftPassage,
  draftCode,
  projectId,
  locale,
}: {
  memo: MemoItem | null;
  draftPassage: PassageDraft | null;
  draftCode: FlatCode | undefined;
  projectId: string;
  locale: Locale;
}): EditorLink[] {
  if (memo) {
    // links[i] is the resolved view of rawLinks[i] (same order, same length).
    return memo.rawLinks.flatMap((raw, i) => {
      const view = memo.links[i];
      return view ? [{ raw, view }] : [];
    });
  }
  const initial: EditorLink[] = [];
  if (draftPassage) {
    const { documentId, start, end, title, quote } = draftPassage;
    initial.push({
      raw: { documentId, start, end },
      view: { type: "passage", documentId, start, end, title, quote, href: `/projects/${projectId}/documents/${documentId}?at=${start}` },
    });
  }
  if (draftCode) initial.push({ raw: { codeId: draftCode.id }, view: codeView(draftCode, locale) });
  return initial;
}

function codeView(c: { id: string; shortName: string; labelZh: string; labelEn: string; color: string }, locale: Locale): LinkView {
  return { type: "code", codeId: c.id, shortName: c.shortName, label: codeLabel(c, locale).label, color: c.color, missing: false };
}
