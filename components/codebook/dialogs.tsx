"use client";

import { AlertTriangle, ArrowRight } from "lucide-react";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Button, ErrorNote, Field, inputClass, Modal } from "@/components/shell/ui";
import { apiJson, failureMessage } from "@/components/api/client";
import { CodePicker } from "./CodePicker";
import { codeTitle, selfAndDescendants, type FlatCode } from "./tree";
import type { CodeNode, DeletionImpact, MergeResult, TemplateInfo } from "./types";

const fmt = (n: number) => n.toLocaleString("en-US");

/** "Move to…": any code except the code itself and its descendants, or the top level. */
export function MoveDialog({
  code,
  codes,
  onClose,
  onMove,
}: {
  code: CodeNode | null;
  codes: readonly CodeNode[];
  onClose: () => void;
  onMove: (code: CodeNode, newParentId: string | null) => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [code]);
  const blocked = useMemo(() => (code ? selfAndDescendants(code) : new Set<string>()), [code]);
  if (!code) return null;
  const run = async (parentId: string | null) => {
    setError(null);
    try {
      await onMove(code, parentId);
      onClose();
    } catch (e) {
      setError(failureMessage(e));
    }
  };
  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      title={`移动到… Move “${code.shortName}” to…`}
      description="选择新的上级编码，或移至顶层。Choose the new parent, or the top level."
    >
      <div className="flex flex-col gap-2">
        <CodePicker
          codes={codes}
          disabled={blocked}
          disabledReason="不能移到自身或其下级编码之下 Cannot move a code under itself or its own sub-codes"
          rootOption="顶层 Top level"
          onPickRoot={() => void run(null)}
          onPick={(c: FlatCode) => void run(c.id)}
          testId="move-picker"
        />
        <ErrorNote>{error}</ErrorNote>
      </div>
    </Modal>
  );
}

/**
 * "Merge into…": pick the target, confirm, then show what the merge did — codings moved,
 * duplicates dropped (a span the target already had from the same coder), sub-codes moved.
 */
export function MergeDialog({
  code,
  codes,
  onClose,
  onMerge,
}: {
  code: CodeNode | null;
  codes: readonly CodeNode[];
  onClose: () => void;
  onMerge: (source: CodeNode, targetId: string) => Promise<MergeResult>;
}) {
  const [target, setTarget] = useState<FlatCode | null>(null);
  const [result, setResult] = useState<MergeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setTarget(null);
    setResult(null);
    setError(null);
  }, [code]);
  if (!code) return null;
  const self = new Set([code.id]);

  async function merge() {
    if (!code || !target) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await onMerge(code, target.id));
    } catch (e) {
      setError(failureMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={`合并到… Merge “${code.shortName}” into…`}>
      {result && target ? (
        <div className="flex flex-col gap-3" data-testid="merge-result">
          <p className="text-[13px]">
            已将 <b>{code.shortName}</b> 合并到 <b>{target.shortName}</b>。 “{code.shortName}” was merged into “{target.shortName}” and removed.
          </p>
          <dl className="grid grid-cols-3 gap-2 text-center">
            <Stat label="移入的编码 Codings moved" value={result.movedCodings} testId="merge-moved-codings" />
            <Stat label="重复而删除 Duplicates dropped" value={result.droppedDuplicates} testId="merge-dropped" />
            <Stat label="移入的子编码 Sub-codes moved" value={result.movedChildren} testId="merge-moved-children" />
          </dl>
          <div className="flex justify-end">
            <Button variant="primary" onClick={onClose}>
              完成 Done
            </Button>
          </div>
        </div>
      ) : target ? (
        <div className="flex flex-col gap-3">
          <div className="flex items-center gap-2 rounded border border-stone-200 bg-stone-50 p-2 text-[13px]">
            <Chip code={code} /> <ArrowRight size={14} className="text-stone-400" /> <Chip code={target} />
          </div>
          <p className="text-xs text-stone-600">
            “{code.shortName}”的 {fmt(code.codingCount)} 条编码将归入“{target.shortName}”，其子编码移到“{target.shortName}”之下，之后“
            {code.shortName}”被删除；同一编码者对同一片段的重复编码只保留一条。
            <br />
            The {fmt(code.codingCount)} codings of “{code.shortName}” move to “{target.shortName}”, its sub-codes move under it, and “
            {code.shortName}” is removed. A span the same coder already coded with “{target.shortName}” is kept once.
          </p>
          <ErrorNote>{error}</ErrorNote>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setTarget(null)}>换一个 Choose another</Button>
            <Button variant="primary" onClick={() => void merge()} disabled={busy} data-testid="merge-confirm">
              合并 Merge
            </Button>
          </div>
        </div>
      ) : (
        <CodePicker
          codes={codes}
          disabled={self}
          disabledReason="不能合并到自身 Cannot merge a code into itself"
          onPick={setTarget}
          testId="merge-picker"
        />
      )}
    </Modal>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded border border-stone-200 bg-white px-2 py-2">
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {fmt(value)}
      </dd>
      <dt className="text-[11px] text-stone-500">{label}</dt>
    </div>
  );
}

function Chip({ code }: { code: { shortName: string; labelZh: string; labelEn: string; color: string } }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className="h-2.5 w-2.5 rounded-sm" style={{ background: code.color }} aria-hidden />
      <b>{code.shortName}</b>
      <span className="text-stone-600">{code.labelZh || code.labelEn}</span>
    </span>
  );
}

/**
 * Delete with its consequences spelled out first: the code's own codings, its sub-codes and
 * their codings all go. The button stays disabled until the researcher ticks the box.
 */
export function DeleteDialog({
  code,
  onClose,
  onDelete,
}: {
  code: CodeNode | null;
  onClose: () => void;
  onDelete: (code: CodeNode) => Promise<void>;
}) {
  const [impact, setImpact] = useState<DeletionImpact | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setImpact(null);
    setConfirmed(false);
    setError(null);
    if (!code) return;
    const ctrl = new AbortController();
    apiJson<{ impact: DeletionImpact }>(`/api/codes/${encodeURIComponent(code.id)}/deletion`, { signal: ctrl.signal })
      .then((r) => setImpact(r.impact))
      .catch((e) => {
        if (!ctrl.signal.aborted) setError(failureMessage(e));
      });
    return () => ctrl.abort();
  }, [code]);

  if (!code) return null;
  async function run() {
    if (!code) return;
    setBusy(true);
    setError(null);
    try {
      await onDelete(code);
      onClose();
    } catch (e) {
      setError(failureMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const total = impact ? impact.codings + impact.descendantCodings : 0;
  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={`删除编码 Delete “${codeTitle(code)}”`}>
      <div className="flex flex-col gap-3" data-testid="delete-dialog">
        {impact ? (
          <div className="flex gap-2 rounded border border-red-200 bg-red-50 p-3 text-[13px] text-red-900" data-testid="delete-impact">
            <AlertTriangle size={16} className="mt-0.5 shrink-0" aria-hidden />
            <div>
              <p>将一并删除 This also deletes:</p>
              <ul className="mt-1 list-disc pl-5">
                <li>
                  本编码的 <b data-testid="delete-codings">{fmt(impact.codings)}</b> 条编码记录 codings made with this code
                </li>
                <li>
                  <b data-testid="delete-descendants">{fmt(impact.descendants)}</b> 个子编码 sub-codes, with their{" "}
                  <b data-testid="delete-descendant-codings">{fmt(impact.descendantCodings)}</b> 条编码记录 codings
                </li>
              </ul>
              <p className="mt-1 text-xs">
                共 {fmt(total)} 条编码记录，无法撤销。{fmt(total)} codings in all; this cannot be undone.
              </p>
            </div>
          </div>
        ) : error ? null : (
          <p className="text-xs text-stone-500">正在统计… Counting what goes with it…</p>
        )}
        <label className="flex items-center gap-2 text-[13px]">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
            disabled={!impact}
            data-testid="delete-confirm-checkbox"
          />
          我确认删除 I understand and want to delete it
        </label>
        <ErrorNote>{error}</ErrorNote>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>取消 Cancel</Button>
          <Button variant="danger" disabled={!confirmed || !impact || busy} onClick={() => void run()} data-testid="delete-confirm">
            删除 Delete
          </Button>
        </div>
      </div>
    </Modal>
  );
}

/** "Add template…": built-in codebooks; codes already present (by short name) are skipped. */
export function TemplatesDialog({
  open,
  templates,
  present,
  onClose,
  onApply,
}: {
  open: boolean;
  templates: readonly TemplateInfo[];
  /** Short names already in the codebook, folded to lower case. */
  present: ReadonlySet<string>;
  onClose: () => void;
  onApply: (keys: string[]) => Promise<{ created: number; skipped: number }>;
}) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setChosen(new Set());
      setError(null);
    }
  }, [open]);
  async function apply() {
    setBusy(true);
    setError(null);
    try {
      await onApply([...chosen]);
      onClose();
    } catch (e) {
      setError(failureMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title="添加模板编码本 Add a built-in codebook"
      width="max-w-2xl"
      description="已存在的同名编码会被跳过，不会被覆盖。Codes whose short name already exists are skipped, never overwritten."
    >
      <div className="flex flex-col gap-2">
        <ul className="flex flex-col divide-y divide-stone-100 rounded border border-stone-200">
          {templates.map((t) => {
            const have = t.shortNames.filter((n) => present.has(n.toLowerCase())).length;
            return (
              <li key={t.key}>
                <label className="flex cursor-pointer items-center gap-2 px-2 py-1.5 hover:bg-stone-50">
                  <input
                    type="checkbox"
                    checked={chosen.has(t.key)}
                    onChange={(e) =>
                      setChosen((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.add(t.key);
                        else next.delete(t.key);
                        return next;
                      })
                    }
                  />
                  <span className="font-medium">{t.labelZh}</span>
                  <span className="text-stone-500">{t.labelEn}</span>
                  <span className="ml-auto shrink-0 text-right text-[11px] text-stone-400">
                    {t.shortNames.length} 个编码 codes · 组 group {t.groupName}
                    {have > 0 ? (
                      <span className="block text-stone-500">
                        {have === t.shortNames.length ? "已全部在编码本中 all already present" : `${have} 个已存在 already present`}
                      </span>
                    ) : null}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        <ErrorNote>{error}</ErrorNote>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>取消 Cancel</Button>
          <Button variant="primary" disabled={chosen.size === 0 || busy} onClick={() => void apply()}>
            添加 Add
          </Button>
        </div>
      </div>
    </Modal>
  );
}

/** A new code group (set); optionally the code it was created from joins it at once. */
export function GroupDialog({
  open,
  forCode,
  onClose,
  onCreate,
}: {
  open: boolean;
  forCode?: CodeNode | null;
  onClose: () => void;
  onCreate: (name: string, labelZh: string) => Promise<void>;
}) {
  const [name, setName] = useState("");
  const [labelZh, setLabelZh] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setName("");
      setLabelZh("");
      setError(null);
    }
  }, [open]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await onCreate(name, labelZh);
      onClose();
    } catch (err) {
      setError(failureMessage(err));
    }
  }
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title="新建编码组 New code group"
      description={forCode ? `“${forCode.shortName}” 将加入新组 will join the new group` : "编码组用于筛选和汇总 Groups (sets) filter and aggregate codes"}
    >
      <form onSubmit={submit} className="flex flex-col gap-3">
        <div className="grid grid-cols-2 gap-3">
          <Field label="名称 Name *" htmlFor="group-name">
            <input id="group-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={100} />
          </Field>
          <Field label="中文名 Chinese name" htmlFor="group-labelZh">
            <input id="group-labelZh" className={inputClass} value={labelZh} onChange={(e) => setLabelZh(e.target.value)} maxLength={200} />
          </Field>
        </div>
        <ErrorNote>{error}</ErrorNote>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>取消 Cancel</Button>
          <Button type="submit" variant="primary" disabled={name.trim() === ""}>
            创建 Create
          </Button>
        </div>
      </form>
    </Modal>
  );
}
