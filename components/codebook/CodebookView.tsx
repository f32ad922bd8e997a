"use client";

import { BookPlus, ChevronsDownUp, ChevronsUpDown, FilterX, Plus, Search, Tag, X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useCan } from "@/components/auth/ProjectRole";
import { useCallback, useMemo, useState } from "react";
import { Button, ErrorNote, inputClass } from "@/components/shell/ui";
import { apiJson, failureMessage, isConflict } from "@/components/api/client";
import { CodeDetail } from "./CodeDetail";
import { CodeFormDialog } from "./CodeFormDialog";
import { CodeTree, type RowAction } from "./CodeTree";
import { DeleteDialog, GroupDialog, MergeDialog, MoveDialog, TemplatesDialog } from "./dialogs";
import { findNode, flatten, matchesQuery, visibleIds } from "./tree";
import type { CodebookResponse, CodeFormValues, CodeGroupInfo, CodeNode, MergeResult, TemplateInfo } from "./types";

type Dialog =
  | { kind: "create"; parentId: string | null }
  | { kind: "edit"; code: CodeNode }
  | { kind: "move"; code: CodeNode }
  | { kind: "merge"; code: CodeNode }
  | { kind: "delete"; code: CodeNode }
  | { kind: "templates" }
  | { kind: "group"; forCode: CodeNode | null }
  | null;

type Notice = { tone: "ok" | "error"; text: string } | null;

/** The codebook page: tree, filters, groups and every edit of the code structure. */
export function CodebookView({
  projectId,
  initialCodebook,
  initialGroups,
  templates,
}: {
  projectId: string;
  initialCodebook: CodeNode[];
  initialGroups: CodeGroupInfo[];
  templates: TemplateInfo[];
}) {
  const t = useTranslations("codebook");
  // Viewers read the codebook; the controls that change it are for coders and owners.
  const canEdit = useCan("edit-codebook");
  const format = useFormatter();
  const [codebook, setCodebook] = useState(initialCodebook);
  const [groups, setGroups] = useState(initialGroups);
  const [query, setQuery] = useState("");
  const [groupFilter, setGroupFilter] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const base = `/api/projects/${encodeURIComponent(projectId)}/codes`;
  const codeUrl = (id: string, rest = "") => `/api/codes/${encodeURIComponent(id)}${rest}`;

  const reload = useCallback(async () => {
    const r = await apiJson<CodebookResponse>(base);
    setCodebook(r.codebook);
    setGroups(r.groups);
  }, [base]);

  const flat = useMemo(() => flatten(codebook), [codebook]);
  const totalCodings = useMemo(() => flat.reduce((s, c) => s + c.codingCount, 0), [flat]);

  const visible = useMemo(() => {
    const group = groupFilter ? groups.find((g) => g.id === groupFilter) : undefined;
    if (query.trim() === "" && !group) return null;
    const members = group ? new Set(group.codeIds) : null;
    return visibleIds(codebook, (c) => (!members || members.has(c.id)) && matchesQuery(c, query));
  }, [codebook, groups, groupFilter, query]);

  const matchCount = useMemo(() => {
    if (!visible) return flat.length;
    const group = groupFilter ? groups.find((g) => g.id === groupFilter) : undefined;
    const members = group ? new Set(group.codeIds) : null;
    return flat.filter((c) => (!members || members.has(c.id)) && matchesQuery(c, query)).length;
  }, [flat, visible, groups, groupFilter, query]);

  const selected = selectedId ? findNode(codebook, selectedId) : null;

  /** Runs a change, reloads, and reports; failures become a notice (409 reloads first). */
  async function run(action: () => Promise<string | void>) {
    setNotice(null);
    try {
      const text = await action();
      await reload();
      if (text) setNotice({ tone: "ok", text });
    } catch (e) {
      if (isConflict(e)) {
        await reload().catch(() => undefined);
        setNotice({ tone: "error", text: `${t("stale")} (${failureMessage(e)})` });
      } else {
        setNotice({ tone: "error", text: failureMessage(e) });
      }
    }
  }

  async function createCode(values: CodeFormValues, parentId: string | null) {
    const r = await apiJson<{ code: { id: string; shortName: string } }>(base, { body: { ...values, parentId } });
    await reload();
    if (parentId) setCollapsed((s) => withoutId(s, parentId));
    setSelectedId(r.code.id);
    setNotice({ tone: "ok", text: t("notices.created", { name: r.code.shortName }) });
    setDialog(null);
  }

  async function editCode(code: CodeNode, values: CodeFormValues) {
    await apiJson(codeUrl(code.id), { method: "PATCH", body: { expectedVersion: code.version, ...values } });
    await reload();
    setNotice({ tone: "ok", text: t("notices.saved", { name: values.shortName }) });
    setDialog(null);
  }

  async function moveCode(codeId: string, newParentId: string | null) {
    const code = findNode(codebook, codeId);
    const parent = newParentId ? findNode(codebook, newParentId) : null;
    await apiJson(codeUrl(codeId, "/move"), { body: { newParentId } });
    await reload();
    if (newParentId) setCollapsed((s) => withoutId(s, newParentId));
    setNotice({
      tone: "ok",
      text: parent
        ? t("notices.movedUnder", { name: code?.shortName ?? "", parent: parent.shortName })
        : t("notices.movedTop", { name: code?.shortName ?? "" }),
    });
  }

  function onDropMove(codeId: string, newParentId: string | null) {
    const code = findNode(codebook, codeId);
    if (!code || code.parentId === newParentId) return;
    setNotice(null);
    moveCode(codeId, newParentId).catch((e) =>
      setNotice({ tone: "error", text: t("notices.cannotMove", { name: code.shortName, reason: failureMessage(e) }) }),
    );
  }

  async function mergeCode(source: CodeNode, targetId: string): Promise<MergeResult> {
    const r = await apiJson<{ result: MergeResult }>(codeUrl(source.id, "/merge"), { body: { targetId } });
    await reload();
    const target = findNode(codebook, targetId);
    if (selectedId === source.id) setSelectedId(targetId);
    setNotice({
      tone: "ok",
      text: t("notices.merged", {
        name: source.shortName,
        target: target?.shortName ?? "",
        codings: r.result.movedCodings,
        duplicates: r.result.droppedDuplicates,
        children: r.result.movedChildren,
      }),
    });
    return r.result;
  }

  async function deleteCode(code: CodeNode) {
    await apiJson(codeUrl(code.id), { method: "DELETE", body: { confirm: true } });
    await reload();
    if (selectedId === code.id) setSelectedId(null);
    setNotice({ tone: "ok", text: t("notices.deleted", { name: code.shortName }) });
  }

  async function createGroup(name: string, labelZh: string, forCode: CodeNode | null) {
    const r = await apiJson<{ group: CodeGroupInfo }>("/api/code-groups", { body: { projectId, name, labelZh } });
    if (forCode) await apiJson(`/api/code-groups/${encodeURIComponent(r.group.id)}/members`, { body: { codeIds: [forCode.id] } });
    await reload();
    setNotice({ tone: "ok", text: t("notices.groupCreated", { name: r.group.name }) });
  }

  function onAction(code: CodeNode, a: RowAction) {
    switch (a.type) {
      case "edit":
        return setDialog({ kind: "edit", code });
      case "addChild":
        return setDialog({ kind: "create", parentId: code.id });
      case "move":
        return setDialog({ kind: "move", code });
      case "merge":
        return setDialog({ kind: "merge", code });
      case "delete":
        return setDialog({ kind: "delete", code });
      case "newGroup":
        return setDialog({ kind: "group", forCode: code });
      case "pin":
        return void run(async () => {
          await apiJson(codeUrl(code.id), { method: "PATCH", body: { expectedVersion: code.version, pinned: a.key } });
          return a.key ? t("notices.pinned", { name: code.shortName, key: a.key }) : t("notices.unpinned", { name: code.shortName });
        });
      case "addToGroup":
        return void run(async () => {
          await apiJson(`/api/code-groups/${encodeURIComponent(a.groupId)}/members`, { body: { codeIds: [code.id] } });
          const g = groups.find((x) => x.id === a.groupId);
          return t("notices.addedToGroup", { name: code.shortName, group: g?.name ?? "" });
        });
      case "removeFromGroup":
        return void run(async () => {
          await apiJson(`/api/code-groups/${encodeURIComponent(a.groupId)}/members/${encodeURIComponent(code.id)}`, {
            method: "DELETE",
          });
          const g = groups.find((x) => x.id === a.groupId);
          return t("notices.removedFromGroup", { name: code.shortName, group: g?.name ?? "" });
        });
    }
  }

  const filtered = visible !== null;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <label className="relative w-72">
          <span className="sr-only">{t("filter")}</span>
          <Search size={14} className="pointer-events-none absolute top-2 left-2 text-stone-400" aria-hidden />
          <input
            type="search"
            className={`${inputClass} pl-7`}
            placeholder={t("filterPlaceholder")}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="codebook-filter"
          />
        </label>
        {canEdit ? (
          <>
            <Button variant="primary" onClick={() => setDialog({ kind: "create", parentId: null })} data-testid="new-code">
              <Plus size={14} /> {t("newCode")}
            </Button>
            <Button onClick={() => setDialog({ kind: "templates" })}>
              <BookPlus size={14} /> {t("addTemplate")}
            </Button>
          </>
        ) : null}
        <span className="ml-auto flex items-center gap-1 text-xs text-stone-500">
          {t("counts", {
            codes: filtered ? `${format.number(matchCount)} / ${format.number(flat.length)}` : format.number(flat.length),
            codings: format.number(totalCodings),
          })}
          <Button variant="ghost" size="sm" title={t("expandAll")} onClick={() => setCollapsed(new Set())}>
            <ChevronsUpDown size={14} />
          </Button>
          <Button
            variant="ghost"
            size="sm"
            title={t("collapseAll")}
            onClick={() => setCollapsed(new Set(flat.filter((c) => c.children.length > 0).map((c) => c.id)))}
          >
            <ChevronsDownUp size={14} />
          </Button>
        </span>
      </div>

      <div className="flex flex-wrap items-center gap-1.5" aria-label={t("groups.label")} data-testid="group-bar">
        <Tag size={13} className="text-stone-400" aria-hidden />
        <span className="text-[11px] text-stone-500">{t("groups.title")}</span>
        {groups.map((g) => {
          const active = groupFilter === g.id;
          return (
            <span
              key={g.id}
              className={`inline-flex items-center rounded-full border text-xs ${
                active ? "border-accent-600 bg-accent-600 text-white" : "border-stone-300 bg-white text-stone-700"
              }`}
            >
              <button
                type="button"
                aria-pressed={active}
                onClick={() => setGroupFilter(active ? null : g.id)}
                className="px-2 py-0.5"
                title={active ? t("groups.clearFilter") : t("groups.showOnly")}
                data-group={g.name}
              >
                {g.name}
                {g.labelZh ? <span className={active ? "text-white/80" : "text-stone-500"}> {g.labelZh}</span> : null}
                <span className={active ? "text-white/80" : "text-stone-400"}> · {g.codeIds.length}</span>
              </button>
              <button
                type="button"
                hidden={!canEdit}
                aria-label={t("groups.delete", { name: g.name })}
                title={t("groups.deleteHint")}
                className={`mr-1 rounded-full p-0.5 ${active ? "hover:bg-white/20" : "text-stone-400 hover:bg-stone-100 hover:text-red-700"}`}
                onClick={() =>
                  void run(async () => {
                    await apiJson(`/api/code-groups/${encodeURIComponent(g.id)}`, { method: "DELETE" });
                    if (groupFilter === g.id) setGroupFilter(null);
                    return t("notices.groupDeleted", { name: g.name });
                  })
                }
              >
                <X size={11} />
              </button>
            </span>
          );
        })}
        {canEdit ? (
          <Button variant="ghost" size="sm" onClick={() => setDialog({ kind: "group", forCode: null })}>
            <Plus size={12} /> {t("groups.new")}
          </Button>
        ) : null}
        {filtered ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setQuery("");
              setGroupFilter(null);
            }}
          >
            <FilterX size={12} /> {t("clearFilters")}
          </Button>
        ) : null}
      </div>

      {notice ? (
        notice.tone === "error" ? (
          <div data-testid="codebook-error">
            <ErrorNote>{notice.text}</ErrorNote>
          </div>
        ) : (
          <p role="status" className="rounded border border-emerald-200 bg-emerald-50 px-2.5 py-1.5 text-xs text-emerald-900" data-testid="codebook-notice">
            {notice.text}
          </p>
        )
      ) : null}

      <div className="grid grid-cols-[minmax(0,1fr)_20rem] gap-4">
        <section className="min-w-0 rounded-md border border-stone-200 bg-white p-2">
          <div className="mb-1 flex justify-end pr-9 text-[10px] text-stone-500">{t("countsHeader")}</div>
          {codebook.length === 0 ? (
            <p className="px-2 py-8 text-center text-stone-500">
              {t("empty")}
            </p>
          ) : (
            <>
              <CodeTree
                nodes={codebook}
                visible={visible}
                collapsed={collapsed}
                onToggle={(id) => setCollapsed((s) => (s.has(id) ? withoutId(s, id) : new Set(s).add(id)))}
                selectedId={selectedId}
                onSelect={setSelectedId}
                groups={groups}
                onAction={onAction}
                onDropMove={onDropMove}
                readOnly={!canEdit}
              />
              {filtered && matchCount === 0 ? (
                <p className="px-2 py-6 text-center text-stone-500">{t("noMatch")}</p>
              ) : null}
            </>
          )}
        </section>
        <aside className="min-w-0">
          {selected ? (
            <CodeDetail projectId={projectId} code={selected} codes={flat} onEdit={canEdit ? () => setDialog({ kind: "edit", code: selected }) : undefined} />
          ) : (
            <p className="rounded-md border border-dashed border-stone-300 p-4 text-xs text-stone-500">
              {t("selectHint")}
            </p>
          )}
        </aside>
      </div>

      <CodeFormDialog
        open={dialog?.kind === "create" || dialog?.kind === "edit"}
        mode={dialog?.kind === "edit" ? "edit" : "create"}
        code={dialog?.kind === "edit" ? dialog.code : undefined}
        codes={codebook}
        defaultParentId={dialog?.kind === "create" ? dialog.parentId : null}
        onClose={() => setDialog(null)}
        onReload={reload}
        onSubmit={(values, parentId) =>
          dialog?.kind === "edit" ? editCode(dialog.code, values) : createCode(values, parentId)
        }
      />
      <MoveDialog
        code={dialog?.kind === "move" ? dialog.code : null}
        codes={codebook}
        onClose={() => setDialog(null)}
        onMove={(code, parentId) => moveCode(code.id, parentId)}
      />
      <MergeDialog
        code={dialog?.kind === "merge" ? dialog.code : null}
        codes={codebook}
        onClose={() => setDialog(null)}
        onMerge={mergeCode}
      />
      <DeleteDialog code={dialog?.kind === "delete" ? dialog.code : null} onClose={() => setDialog(null)} onDelete={deleteCode} />
      <TemplatesDialog
        open={dialog?.kind === "templates"}
        templates={templates}
        present={new Set(flat.map((c) => c.shortName.toLowerCase()))}
        onClose={() => setDialog(null)}
        onApply={async (keys) => {
          const r = await apiJson<{ created: number; skipped: number }>(`${base}/templates`, { body: { keys } });
          await reload();
          setNotice({
            tone: "ok",
            text: t("notices.templatesAdded", { created: r.created, skipped: r.skipped }),
          });
          return r;
        }}
      />
      <GroupDialog
        open={dialog?.kind === "group"}
        forCode={dialog?.kind === "group" ? dialog.forCode : null}
        onClose={() => setDialog(null)}
        onCreate={(name, labelZh) => createGroup(name, labelZh, dialog?.kind === "group" ? dialog.forCode : null)}
      />
    </div>
  );
}

function withoutId(s: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(s);
  next.delete(id);
  return next;
}
