"use client";

import { AlertTriangle, ArrowRight } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Button, ErrorNote, Field, inputClass, Modal } from "@/components/shell/ui";
import { apiJson, failureMessage } from "@/components/api/client";
import { CodePicker } from "./CodePicker";
import { codeLabel, codeTitle, selfAndDescendants, type FlatCode } from "./tree";
import type { CodeNode, DeletionImpact, MergeResult, TemplateInfo } from "./types";

function useFmt() {
  const format = useFormatter();
  return (n: number) => format.number(n);
}

type MoveProps = {
  code: CodeNode;
  codes: readonly CodeNode[];
  onClose: () => void;
  onMove: (code: CodeNode, newParentId: string | null) => Promise<void>;
};

/** "Move to…": any code except the code itself and its descendants, or the top level. */
export function MoveDialog({ code, ...rest }: Omit<MoveProps, "code"> & { code: CodeNode | null }) {
  // Mounted per code (keyed), so a new move never shows the last one's error.
  return code ? <OpenMoveDialog key={code.id} code={code} {...rest} /> : null;
}

function OpenMoveDialog({ code, codes, onClose, onMove }: MoveProps) {
  const t = useTranslations("codebook.dialogs");
  const [error, setError] = useState<string | null>(null);
  const blocked = useMemo(() => selfAndDescendants(code), [code]);
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
      title={t("moveTitle", { name: code.shortName })}
      description={t("moveDescription")}
    >
      <div className="flex flex-col gap-2">
        <CodePicker
          codes={codes}
          disabled={blocked}
          disabledReason={t("moveBlocked")}
          rootOption={t("topLevel")}
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
export function MergeDialog({ code, ...rest }: Omit<MergeProps, "code"> & { code: CodeNode | null }) {
  // Mounted per code (keyed): every merge starts at the picker, without a previous result.
  return code ? <OpenMergeDialog key={code.id} code={code} {...rest} /> : null;
}

type MergeProps = {
  code: CodeNode;
  codes: readonly CodeNode[];
  onClose: () => void;
  onMerge: (source: CodeNode, targetId: string) => Promise<MergeResult>;
};

function OpenMergeDialog({ code, codes, onClose, onMerge }: MergeProps) {
  const t = useTranslations("codebook.dialogs");
  const fmt = useFmt();
  const [target, setTarget] = useState<FlatCode | null>(null);
  const [result, setResult] = useState<MergeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const self = new Set([code.id]);

  async function merge() {
    if (!target) return;
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
    <Modal open onOpenChange={(o) => !o && onClose()} title={t("mergeTitle", { name: code.shortName })}>
      {result && target ? (
        <div className="flex flex-col gap-3" data-testid="merge-result">
          <p className="text-[13px]">
            {t.rich("merged", { name: code.shortName, target: target.shortName, b: (s) => <b>{s}</b> })}
          </p>
          <dl className="grid grid-cols-3 gap-2 text-center">
            <Stat label={t("codingsMoved")} value={result.movedCodings} testId="merge-moved-codings" />
            <Stat label={t("duplicatesDropped")} value={result.droppedDuplicates} testId="merge-dropped" />
            <Stat label={t("childrenMoved")} value={result.movedChildren} testId="merge-moved-children" />
          </dl>
          <div className="flex justify-end">
            <Button variant="primary" onClick={onClose}>
              {t("done")}
            </Button>
          </div>
        </div>
      ) : target ? (
        <div className="flex flex-col gap-3">
          <div className="flex items-center gap-2 rounded border border-stone-200 bg-stone-50 p-2 text-[13px]">
            <Chip code={code} /> <ArrowRight size={14} className="text-stone-400" /> <Chip code={target} />
          </div>
          <p className="text-xs text-stone-600">
            {t("mergeExplain", { name: code.shortName, target: target.shortName, count: fmt(code.codingCount) })}
          </p>
          <ErrorNote>{error}</ErrorNote>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setTarget(null)}>{t("chooseAnother")}</Button>
            <Button variant="primary" onClick={() => void merge()} disabled={busy} data-testid="merge-confirm">
              {t("merge")}
            </Button>
          </div>
        </div>
      ) : (
        <CodePicker
          codes={codes}
          disabled={self}
          disabledReason={t("mergeBlocked")}
          onPick={setTarget}
          testId="merge-picker"
        />
      )}
    </Modal>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  const fmt = useFmt();
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
  const { label, other } = codeLabel(code, useLocale());
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className="h-2.5 w-2.5 rounded-sm" style={{ background: code.color }} aria-hidden />
      <b>{code.shortName}</b>
      <span className="text-stone-600" title={other || undefined}>
        {label}
      </span>
    </span>
  );
}

/**
 * Delete with its consequences spelled out first: the code's own codings, its sub-codes and
 * their codings all go. The button stays disabled until the researcher ticks the box.
 */
export function DeleteDialog({ code, ...rest }: Omit<DeleteProps, "code"> & { code: CodeNode | null }) {
  // Mounted per code (keyed): the impact shown is always the one counted for this code.
  return code ? <OpenDeleteDialog key={code.id} code={code} {...rest} /> : null;
}

type DeleteProps = {
  code: CodeNode;
  onClose: () => void;
  onDelete: (code: CodeNode) => Promise<void>;
};

function OpenDeleteDialog({ code, onClose, onDelete }: DeleteProps) {
  const t = useTranslations("codebook.dialogs");
  const tc = useTranslations("common");
  const locale = useLocale();
  const fmt = useFmt();
  const [impact, setImpact] = useState<DeletionImpact | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    apiJson<{ impact: DeletionImpact }>(`/api/codes/${encodeURIComponent(code.id)}/deletion`, { signal: ctrl.signal })
      .then((r) => setImpact(r.impact))
      .catch((e) => {
        if (!ctrl.signal.aborted) setError(failureMessage(e));
      });
    return () => ctrl.abort();
  }, [code.id]);

  async function run() {
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
    <Modal open onOpenChange={(o) => !o && onClose()} title={t("deleteTitle", { name: codeTitle(code, locale) })}>
      <div className="flex flex-col gap-3" data-testid="delete-dialog">
        {impact ? (
          <div className="flex gap-2 rounded border border-red-200 bg-red-50 p-3 text-[13px] text-red-900" data-testid="delete-impact">
            <AlertTriangle size={16} className="mt-0.5 shrink-0" aria-hidden />
            <div>
              <p>{t("alsoDeletes")}</p>
              <ul className="mt-1 list-disc pl-5">
                <li>
                  {t.rich("deleteCodings", {
                    count: fmt(impact.codings),
                    b: (s) => <b data-testid="delete-codings">{s}</b>,
                  })}
                </li>
                <li>
                  {t.rich("deleteDescendants", {
                    descendants: fmt(impact.descendants),
                    codings: fmt(impact.descendantCodings),
                    d: (s) => <b data-testid="delete-descendants">{s}</b>,
                    c: (s) => <b data-testid="delete-descendant-codings">{s}</b>,
                  })}
                </li>
              </ul>
              <p className="mt-1 text-xs">{t("deleteTotal", { count: fmt(total) })}</p>
            </div>
          </div>
        ) : error ? null : (
          <p className="text-xs text-stone-500">{t("counting")}</p>
        )}
        <label className="flex items-center gap-2 text-[13px]">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
            disabled={!impact}
            data-testid="delete-confirm-checkbox"
          />
          {t("deleteConfirm")}
        </label>
        <ErrorNote>{error}</ErrorNote>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{tc("cancel")}</Button>
          <Button variant="danger" disabled={!confirmed || !impact || busy} onClick={() => void run()} data-testid="delete-confirm">
            {tc("delete")}
          </Button>
        </div>
      </div>
    </Modal>
  );
}

/** "Add template…": built-in codebooks; codes already present (by short name) are skipped. */
export function TemplatesDialog({ open, ...rest }: TemplatesProps & { open: boolean }) {
  const t = useTranslations("codebook.dialogs");
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && rest.onClose()}
      title={t("templatesTitle")}
      width="max-w-2xl"
      description={t("templatesDescription")}
    >
      {/* Mounts on each opening (a closed dialog's content is unmounted): nothing ticked yet. */}
      <TemplatesForm {...rest} />
    </Modal>
  );
}

type TemplatesProps = {
  templates: readonly TemplateInfo[];
  /** Short names already in the codebook, folded to lower case. */
  present: ReadonlySet<string>;
  onClose: () => void;
  onApply: (keys: string[]) => Promise<{ created: number; skipped: number }>;
};

function TemplatesForm({ templates, present, onClose, onApply }: TemplatesProps) {
  const t = useTranslations("codebook.dialogs");
  const tc = useTranslations("common");
  const locale = useLocale();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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
    <div className="flex flex-col gap-2">
      <ul className="flex flex-col divide-y divide-stone-100 rounded border border-stone-200">
        {templates.map((tpl) => {
          const have = tpl.shortNames.filter((n) => present.has(n.toLowerCase())).length;
          return (
            <li key={tpl.key}>
              <label className="flex cursor-pointer items-center gap-2 px-2 py-1.5 hover:bg-stone-50">
                <input
                  type="checkbox"
                  checked={chosen.has(tpl.key)}
                  onChange={(e) =>
                    setChosen((s) => {
                      const next = new Set(s);
                      if (e.target.checked) next.add(tpl.key);
                      else next.delete(tpl.key);
                      return next;
                    })
                  }
                />
                <span className="font-medium" title={locale === "zh" ? tpl.labelEn : tpl.labelZh}>
                  {locale === "zh" ? tpl.labelZh : tpl.labelEn}
                </span>
                <span className="ml-auto shrink-0 text-right text-[11px] text-stone-400">
                  {t("templateCodes", { count: tpl.shortNames.length, group: tpl.groupName })}
                  {have > 0 ? (
                    <span className="block text-stone-500">
                      {have === tpl.shortNames.length ? t("allPresent") : t("somePresent", { count: have })}
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
        <Button onClick={onClose}>{tc("cancel")}</Button>
        <Button variant="primary" disabled={chosen.size === 0 || busy} onClick={() => void apply()}>
          {t("add")}
        </Button>
      </div>
    </div>
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
  const t = useTranslations("codebook.dialogs");
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title={t("groupTitle")}
      description={forCode ? t("groupFor", { name: forCode.shortName }) : t("groupDescription")}
    >
      {/* Mounts on each opening (a closed dialog's content is unmounted): an empty form. */}
      <GroupForm onClose={onClose} onCreate={onCreate} />
    </Modal>
  );
}

function GroupForm({
  onClose,
  onCreate,
}: {
  onClose: () => void;
  onCreate: (name: string, labelZh: string) => Promise<void>;
}) {
  const t = useTranslations("codebook.dialogs");
  const tc = useTranslations("common");
  const [name, setName] = useState("");
  const [labelZh, setLabelZh] = useState("");
  const [error, setError] = useState<string | null>(null);
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
    <form onSubmit={submit} className="flex flex-col gap-3">
      <div className="grid grid-cols-2 gap-3">
        <Field label={t("groupName")} htmlFor="group-name">
          <input id="group-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={100} />
        </Field>
        <Field label={t("groupLabelZh")} htmlFor="group-labelZh">
          <input id="group-labelZh" className={inputClass} value={labelZh} onChange={(e) => setLabelZh(e.target.value)} maxLength={200} />
        </Field>
      </div>
      <ErrorNote>{error}</ErrorNote>
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>{tc("cancel")}</Button>
        <Button type="submit" variant="primary" disabled={name.trim() === ""}>
          {tc("create")}
        </Button>
      </div>
    </form>
  );
}
