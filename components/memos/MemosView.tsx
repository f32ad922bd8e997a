"use client";

import * as Popover from "@radix-ui/react-popover";
import { FileText, Link2, NotebookPen, Pencil, Plus, Search, Tag, Trash2, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { apiJson, failureMessage, isConflict } from "@/components/api/client";
import { CodePicker } from "@/components/codebook/CodePicker";
import { flatten } from "@/components/codebook/tree";
import type { CodeNode } from "@/components/codebook/types";
import { Button, ErrorNote, Field, inputClass, Modal } from "@/components/shell/ui";
import { KIND_LABELS, type LinkView, type MemoItem, type MemoKind, type PassageDraft, type RawLink } from "./types";

const KINDS: (MemoKind | "all")[] = ["all", "project", "document", "code", "coding"];

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
  const router = useRouter();
  const pathname = usePathname();
  const [kind, setKind] = useState<MemoKind | "all">("all");
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<MemoItem | "new" | null>(draftPassage || draftCodeId ? "new" : null);
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
      setNotice({ tone: "ok", text: `已删除备忘录 Deleted memo “${m.title || m.body.slice(0, 20)}”` });
      router.refresh();
    } catch (e) {
      if (isConflict(e)) router.refresh();
      setNotice({ tone: "error", text: failureMessage(e) });
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <div role="tablist" aria-label="备忘录类型 Memo kind" className="inline-flex overflow-hidden rounded border border-stone-300 bg-white">
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
              {k === "all" ? "全部 All" : `${KIND_LABELS[k].zh} ${KIND_LABELS[k].en}`}
              <span className={kind === k ? "text-stone-300" : "text-stone-400"}> {counts[k] ?? 0}</span>
            </button>
          ))}
        </div>
        <label className="relative w-64">
          <span className="sr-only">查找备忘录 Find memos</span>
          <Search size={14} className="pointer-events-none absolute top-2 left-2 text-stone-400" aria-hidden />
          <input type="search" className={`${inputClass} pl-7`} placeholder="标题、内容、作者 Title, text, author" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <Button variant="primary" className="ml-auto" onClick={() => setEditing("new")} data-testid="new-memo">
          <Plus size={14} /> 新建备忘录 New memo
        </Button>
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
          {memos.length === 0
            ? "还没有备忘录。写下分析思路，并链接到编码和文本片段。No memos yet: write down analytic ideas and link them to codes and passages."
            : "没有符合条件的备忘录。No memo matches."}
        </p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="memo-list">
          {shown.map((m) => (
            <MemoCard key={m.id} memo={m} onEdit={() => setEditing(m)} onDelete={() => void remove(m)} />
          ))}
        </ul>
      )}

      {editing ? (
        <MemoEditor
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

function MemoCard({ memo, onEdit, onDelete }: { memo: MemoItem; onEdit: () => void; onDelete: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const label = KIND_LABELS[memo.kind];
  return (
    <li className="rounded-md border border-stone-200 bg-white p-3" data-testid="memo" data-memo-kind={memo.kind}>
      <div className="flex items-start gap-2">
        <span className="mt-0.5 rounded bg-stone-100 px-1.5 text-[10px] font-medium text-stone-600">
          {label.zh} {label.en}
        </span>
        <div className="min-w-0 flex-1">
          <h3 className="font-semibold text-stone-900">{memo.title || <span className="text-stone-400">（无标题 Untitled）</span>}</h3>
          {memo.target ? (
            <p className="text-xs text-stone-500">
              关于 About:{" "}
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
        <span className="shrink-0 text-[11px] text-stone-400" title={`创建 Created ${new Date(memo.createdAt).toLocaleString()}`}>
          {memo.author} · {new Date(memo.updatedAt).toLocaleString("zh-CN", { dateStyle: "short", timeStyle: "short" })}
        </span>
        <Button size="sm" variant="ghost" onClick={onEdit} aria-label="编辑 Edit">
          <Pencil size={13} />
        </Button>
        {confirming ? (
          <span className="flex items-center gap-1">
            <Button size="sm" variant="danger" onClick={onDelete}>
              确认删除 Delete
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              取消
            </Button>
          </span>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label="删除 Delete">
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
            <button type="button" aria-label="移除链接 Remove link" onClick={() => onRemove(i)} className="mt-0.5 rounded p-0.5 text-stone-400 hover:text-red-700">
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
  const flat = useMemo(() => flatten(codebook), [codebook]);
  const [title, setTitle] = useState(memo?.title ?? "");
  const [body, setBody] = useState(memo?.body ?? "");
  const [links, setLinks] = useState<{ raw: RawLink; view: LinkView }[]>([]);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (memo) {
      setLinks(memo.rawLinks.map((raw, i) => ({ raw, view: memo.links[i] })));
      return;
    }
    const initial: { raw: RawLink; view: LinkView }[] = [];
    if (draftPassage) {
      const { documentId, start, end, title: t, quote } = draftPassage;
      initial.push({
        raw: { documentId, start, end },
        view: { type: "passage", documentId, start, end, title: t, quote, href: `/projects/${projectId}/documents/${documentId}?at=${start}` },
      });
    }
    const c = draftCodeId ? flat.find((x) => x.id === draftCodeId) : undefined;
    if (c) initial.push({ raw: { codeId: c.id }, view: codeView(c) });
    setLinks(initial);
  }, [memo, draftPassage, draftCodeId, flat, projectId]);

  const linkedCodes = new Set(links.flatMap((l) => ("codeId" in l.raw ? [l.raw.codeId] : [])));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const payload = { title, body, links: links.map((l) => l.raw) };
    try {
      if (memo) {
        await apiJson(`/api/memos/${encodeURIComponent(memo.id)}`, { method: "PATCH", body: { version: memo.version, ...payload } });
        onSaved(`已保存备忘录 Memo saved`);
      } else {
        // Opened from a code's "Write a memo": the memo is that code's memo (kind "code");
        // otherwise a free project memo. Links work the same for both.
        const target = draftCodeId ? { kind: "code", codeId: draftCodeId } : { kind: "project" };
        await apiJson(`/api/memos`, { body: { projectId, ...target, ...payload } });
        onSaved(`已创建备忘录 Memo created`);
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
      title={memo ? "编辑备忘录 Edit memo" : "新建项目备忘录 New project memo"}
      description={memo && memo.kind !== "project" ? `${KIND_LABELS[memo.kind].zh}备忘录 ${KIND_LABELS[memo.kind].en} memo — ${memo.target?.label ?? ""}` : undefined}
      width="max-w-2xl"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" data-testid="memo-form">
        <Field label="标题 Title" htmlFor="memo-title">
          <input id="memo-title" className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoFocus />
        </Field>
        <Field label="内容 Text" htmlFor="memo-body">
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
              <Link2 size={12} /> 链接 Links
            </span>
            <Popover.Root open={pickerOpen} onOpenChange={setPickerOpen}>
              <Popover.Trigger asChild>
                <Button size="sm" variant="ghost">
                  <Tag size={12} /> 链接编码 Link a code
                </Button>
              </Popover.Trigger>
              <Popover.Portal>
                <Popover.Content align="start" sideOffset={4} className="z-[60] w-96 rounded-md border border-stone-200 bg-white p-2 shadow-lg">
                  <CodePicker
                    codes={codebook}
                    disabled={linkedCodes}
                    disabledReason="已链接 Already linked"
                    onPick={(c) => {
                      setLinks((ls) => [...ls, { raw: { codeId: c.id }, view: codeView(c) }]);
                      setPickerOpen(false);
                    }}
                  />
                </Popover.Content>
              </Popover.Portal>
            </Popover.Root>
            <span className="text-[11px] text-stone-400">
              <NotebookPen size={11} className="inline" /> 文本片段可从检索结果链接 Passages are linked from search hits
            </span>
          </div>
          {links.length > 0 ? (
            <LinkList links={links.map((l) => l.view)} onRemove={(i) => setLinks((ls) => ls.filter((_, j) => j !== i))} />
          ) : (
            <p className="mt-1 text-xs text-stone-400">无链接 No links</p>
          )}
        </div>
        <ErrorNote>{error}</ErrorNote>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>取消 Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy || (title.trim() === "" && body.trim() === "")} data-testid="memo-save">
            保存 Save
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function codeView(c: { id: string; shortName: string; labelZh: string; labelEn: string; color: string }): LinkView {
  return { type: "code", codeId: c.id, shortName: c.shortName, label: c.labelZh || c.labelEn, color: c.color, missing: false };
}
