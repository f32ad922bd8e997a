"use client";

import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Button, ErrorNote, Field, inputClass, Modal, selectClass } from "@/components/shell/ui";
import { isConflict, failureMessage } from "@/components/api/client";
import { flatten } from "./tree";
import { codeFormValuesOf, PALETTE, type CodeFormValues, type CodeNode } from "./types";

const textareaClass =
  "min-h-16 w-full rounded border border-stone-300 bg-white px-2 py-1.5 text-[13px] text-stone-900 placeholder:text-stone-400 focus:border-accent-500 focus:outline-none focus:ring-1 focus:ring-accent-500";

/** Splits what the researcher typed into keywords: commas, 、，；; or line breaks. */
export function splitKeywords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,，、;；\n\r\t]+/)) {
    const w = raw.trim();
    if (w && !seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out;
}

function blank(): CodeFormValues {
  return {
    shortName: "",
    labelZh: "",
    labelEn: "",
    definition: "",
    inclusion: "",
    exclusion: "",
    example: "",
    color: PALETTE[0],
    keywords: [],
  };
}

/**
 * Create or edit one code with every field of the codebook entry. Editing sends the version
 * the form was opened with; when someone else saved in between the server answers 409 and
 * the form says so instead of overwriting their change.
 */
export function CodeFormDialog({
  open,
  mode,
  code,
  codes,
  defaultParentId,
  onClose,
  onSubmit,
  onReload,
}: {
  open: boolean;
  mode: "create" | "edit";
  /** The code being edited. */
  code?: CodeNode;
  codes: readonly CodeNode[];
  defaultParentId?: string | null;
  onClose: () => void;
  onSubmit: (values: CodeFormValues, parentId: string | null) => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const [values, setValues] = useState<CodeFormValues>(blank);
  const [keywordText, setKeywordText] = useState("");
  const [parentId, setParentId] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const flat = useMemo(() => flatten(codes), [codes]);

  useEffect(() => {
    if (!open) return;
    const v = code ? codeFormValuesOf(code) : blank();
    setValues(v);
    setKeywordText(v.keywords.join("、"));
    setParentId(defaultParentId ?? "");
    setError(null);
    setStale(false);
    setBusy(false);
  }, [open, code, defaultParentId]);

  const set = (k: keyof CodeFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (values.shortName.trim() === "") {
      setError("请填写编码简称 A short name is required");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ ...values, keywords: splitKeywords(keywordText) }, parentId === "" ? null : parentId);
    } catch (err) {
      // 409: either a stale version (someone else saved first) or a short name now taken;
      // the server's message says which, and reloading is the way out of the first.
      setStale(isConflict(err) && mode === "edit");
      setError(failureMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const title = mode === "create" ? "新建编码 New code" : `编辑编码 Edit code · ${code?.shortName ?? ""}`;
  return (
    <Modal open={open} onOpenChange={(o) => !o && onClose()} title={title} width="max-w-2xl">
      <form onSubmit={submit} className="flex flex-col gap-3" data-testid="code-form">
        <div className="grid grid-cols-3 gap-3">
          <Field label="简称 Short name *" htmlFor="code-shortName" hint="唯一，如 COE-1 Unique, e.g. COE-1">
            <input id="code-shortName" className={inputClass} value={values.shortName} onChange={set("shortName")} autoFocus maxLength={64} />
          </Field>
          <Field label="中文标签 Chinese label" htmlFor="code-labelZh">
            <input id="code-labelZh" className={inputClass} value={values.labelZh} onChange={set("labelZh")} maxLength={200} />
          </Field>
          <Field label="英文标签 English label" htmlFor="code-labelEn">
            <input id="code-labelEn" className={inputClass} value={values.labelEn} onChange={set("labelEn")} maxLength={200} />
          </Field>
        </div>
        {mode === "create" ? (
          <Field label="上级编码 Parent code" htmlFor="code-parent">
            <select id="code-parent" className={selectClass} value={parentId} onChange={(e) => setParentId(e.target.value)}>
              <option value="">— 顶层 Top level —</option>
              {flat.map((c) => (
                <option key={c.id} value={c.id}>
                  {"\u3000".repeat(c.depth)}
                  {c.shortName} {c.labelZh || c.labelEn}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label="定义 Definition" htmlFor="code-definition">
          <textarea id="code-definition" className={textareaClass} value={values.definition} onChange={set("definition")} rows={3} />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="纳入标准 Inclusion criteria" htmlFor="code-inclusion">
            <textarea id="code-inclusion" className={textareaClass} value={values.inclusion} onChange={set("inclusion")} rows={3} />
          </Field>
          <Field label="排除标准 Exclusion criteria" htmlFor="code-exclusion">
            <textarea id="code-exclusion" className={textareaClass} value={values.exclusion} onChange={set("exclusion")} rows={3} />
          </Field>
        </div>
        <Field label="示例 Example" htmlFor="code-example">
          <textarea id="code-example" className={textareaClass} value={values.example} onChange={set("example")} rows={2} />
        </Field>
        <Field
          label="关键词 Keywords"
          htmlFor="code-keywords"
          hint="用、，或换行分隔；用于关键词建议。Separate with 、 , or new lines; used for keyword suggestions."
        >
          <textarea id="code-keywords" className={textareaClass} value={keywordText} onChange={(e) => setKeywordText(e.target.value)} rows={2} />
        </Field>
        <Field label="颜色 Colour" htmlFor="code-color">
          <div className="flex items-center gap-1.5">
            {PALETTE.map((c) => (
              <button
                key={c}
                type="button"
                aria-label={`颜色 Colour ${c}`}
                onClick={() => setValues((v) => ({ ...v, color: c }))}
                className={`h-6 w-6 rounded ${values.color.toLowerCase() === c ? "ring-2 ring-stone-900 ring-offset-1" : ""}`}
                style={{ background: c }}
              />
            ))}
            <input
              id="code-color"
              type="color"
              className="ml-2 h-7 w-10 cursor-pointer rounded border border-stone-300"
              value={/^#[0-9a-fA-F]{6}$/.test(values.color) ? values.color : "#4f7cac"}
              onChange={set("color")}
            />
            <span className="font-mono text-[11px] text-stone-500">{values.color}</span>
          </div>
        </Field>
        <ErrorNote>{error}</ErrorNote>
        <div className="flex justify-end gap-2 border-t border-stone-100 pt-3">
          {stale ? (
            <Button
              onClick={async () => {
                await onReload();
                onClose();
              }}
            >
              重新加载 Reload
            </Button>
          ) : null}
          <Button onClick={onClose}>取消 Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy} data-testid="code-form-submit">
            {mode === "create" ? "创建 Create" : "保存 Save"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
