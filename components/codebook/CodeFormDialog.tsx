"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent } from "react";
import { Button, ErrorNote, Field, inputClass, Modal, selectClass } from "@/components/shell/ui";
import { isConflict, failureMessage } from "@/components/api/client";
import { codeLabel, flatten } from "./tree";
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

type CodeFormProps = {
  mode: "create" | "edit";
  /** The code being edited. */
  code?: CodeNode;
  codes: readonly CodeNode[];
  defaultParentId?: string | null;
  onClose: () => void;
  onSubmit: (values: CodeFormValues, parentId: string | null) => Promise<void>;
  onReload: () => Promise<void>;
};

/**
 * Create or edit one code with every field of the codebook entry. Editing sends the version
 * the form was opened with; when someone else saved in between the server answers 409 and
 * the form says so instead of overwriting their change.
 */
export function CodeFormDialog({ open, ...form }: CodeFormProps & { open: boolean }) {
  const t = useTranslations("codebook.form");
  const title = form.mode === "create" ? t("newTitle") : t("editTitle", { name: form.code?.shortName ?? "" });
  return (
    <Modal open={open} onOpenChange={(o) => !o && form.onClose()} title={title} width="max-w-2xl">
      {/* The form mounts on each opening (a closed dialog's content is unmounted) and again
          when it switches code, so it always starts from the code or a blank entry. */}
      <CodeForm key={`${form.mode}:${form.code?.id ?? ""}:${form.defaultParentId ?? ""}`} {...form} />
    </Modal>
  );
}

function CodeForm({ mode, code, codes, defaultParentId, onClose, onSubmit, onReload }: CodeFormProps) {
  const t = useTranslations("codebook.form");
  const tc = useTranslations("common");
  const locale = useLocale();
  const [values, setValues] = useState<CodeFormValues>(() => (code ? codeFormValuesOf(code) : blank()));
  const [keywordText, setKeywordText] = useState(() => values.keywords.join("、"));
  const [parentId, setParentId] = useState<string>(defaultParentId ?? "");
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const flat = useMemo(() => flatten(codes), [codes]);

  const set = (k: keyof CodeFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (values.shortName.trim() === "") {
      setError(t("shortNameRequired"));
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

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" data-testid="code-form">
      <div className="grid grid-cols-3 gap-3">
        <Field label={t("shortName")} htmlFor="code-shortName" hint={t("shortNameHint")}>
          <input id="code-shortName" className={inputClass} value={values.shortName} onChange={set("shortName")} autoFocus maxLength={64} />
        </Field>
        <Field label={t("labelZh")} htmlFor="code-labelZh">
          <input id="code-labelZh" className={inputClass} value={values.labelZh} onChange={set("labelZh")} maxLength={200} />
        </Field>
        <Field label={t("labelEn")} htmlFor="code-labelEn">
          <input id="code-labelEn" className={inputClass} value={values.labelEn} onChange={set("labelEn")} maxLength={200} />
        </Field>
      </div>
      {mode === "create" ? (
        <Field label={t("parent")} htmlFor="code-parent">
          <select id="code-parent" className={selectClass} value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">— {t("topLevel")} —</option>
            {flat.map((c) => (
              <option key={c.id} value={c.id}>
                {"\u3000".repeat(c.depth)}
                {c.shortName} {codeLabel(c, locale).label}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field label={t("definition")} htmlFor="code-definition">
        <textarea id="code-definition" className={textareaClass} value={values.definition} onChange={set("definition")} rows={3} />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t("inclusion")} htmlFor="code-inclusion">
          <textarea id="code-inclusion" className={textareaClass} value={values.inclusion} onChange={set("inclusion")} rows={3} />
        </Field>
        <Field label={t("exclusion")} htmlFor="code-exclusion">
          <textarea id="code-exclusion" className={textareaClass} value={values.exclusion} onChange={set("exclusion")} rows={3} />
        </Field>
      </div>
      <Field label={t("example")} htmlFor="code-example">
        <textarea id="code-example" className={textareaClass} value={values.example} onChange={set("example")} rows={2} />
      </Field>
      <Field
        label={t("keywords")}
        htmlFor="code-keywords"
        hint={t("keywordsHint")}
      >
        <textarea id="code-keywords" className={textareaClass} value={keywordText} onChange={(e) => setKeywordText(e.target.value)} rows={2} />
      </Field>
      <Field label={t("colour")} htmlFor="code-color">
        <div className="flex items-center gap-1.5">
          {PALETTE.map((c) => (
            <button
              key={c}
              type="button"
              aria-label={t("colourChoice", { colour: c })}
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
            {tc("reload")}
          </Button>
        ) : null}
        <Button onClick={onClose}>{tc("cancel")}</Button>
        <Button type="submit" variant="primary" disabled={busy} data-testid="code-form-submit">
          {mode === "create" ? tc("create") : tc("save")}
        </Button>
      </div>
    </form>
  );
}
