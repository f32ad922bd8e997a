"use client";

import { Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiJson, failureMessage } from "@/components/api/client";
import { Button, ErrorNote, Field, inputClass, Modal } from "@/components/shell/ui";

export type TemplateOption = { key: string; zh: string; en: string; description?: string; codeCount?: number };

/** "New project" button and dialog: name, description and the built-in codebooks to start with. */
export function CreateProjectDialog({
  templates,
  defaultKeys,
}: {
  templates: TemplateOption[];
  defaultKeys: string[];
}) {
  const t = useTranslations("projects");
  const tc = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(defaultKeys));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function reset() {
    setName("");
    setDescription("");
    setChosen(new Set(defaultKeys));
    setError(null);
  }

  function toggle(key: string) {
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const keys = templates.map((tpl) => tpl.key).filter((k) => chosen.has(k));
      const { project } = await apiJson<{ project: { id: string } }>("/api/projects", {
        body: { name, description, templates: keys.length > 0 ? keys : "none" },
      });
      setOpen(false);
      reset();
      router.push(`/projects/${project.id}`);
    } catch (e) {
      setError(failureMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        <Plus size={14} /> {t("new")}
      </Button>
      <Modal
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) reset();
        }}
        title={t("new")}
        description={t("newDescription")}
      >
        <form onSubmit={submit} className="flex flex-col gap-3">
          <Field label={t("name")} htmlFor="project-name">
            <input
              id="project-name"
              name="name"
              className={inputClass}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={200}
              autoFocus
              placeholder={t("namePlaceholder")}
            />
          </Field>
          <Field label={t("description")} htmlFor="project-description">
            <textarea
              id="project-description"
              name="description"
              className={`${inputClass} h-20 py-1.5`}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={5000}
            />
          </Field>
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 text-[11px] font-medium text-stone-600">
              {t("templates")}
            </legend>
            {templates.length === 0 ? (
              <p className="text-xs text-stone-500">{t("noTemplates")}</p>
            ) : (
              templates.map((tpl) => (
                <label
                  key={tpl.key}
                  className="flex cursor-pointer items-start gap-2 rounded px-1.5 py-1 hover:bg-stone-50"
                >
                  <input
                    type="checkbox"
                    name="templates"
                    value={tpl.key}
                    checked={chosen.has(tpl.key)}
                    onChange={() => toggle(tpl.key)}
                    className="mt-0.5 accent-accent-600"
                  />
                  <span className="flex flex-col">
                    <span className="text-[13px] text-stone-900">
                      <span title={locale === "zh" ? tpl.en : tpl.zh}>{locale === "zh" ? tpl.zh : tpl.en}</span>
                      {tpl.codeCount !== undefined ? (
                        <span className="ml-1 text-[11px] text-stone-400">· {t("templateCodes", { count: tpl.codeCount })}</span>
                      ) : null}
                    </span>
                    {tpl.description ? <span className="text-[11px] text-stone-500">{tpl.description}</span> : null}
                  </span>
                </label>
              ))
            )}
          </fieldset>
          <ErrorNote>{error}</ErrorNote>
          <div className="flex justify-end gap-2 border-t border-stone-100 pt-3">
            <Button onClick={() => setOpen(false)}>{tc("cancel")}</Button>
            <Button type="submit" variant="primary" disabled={busy || name.trim() === ""}>
              {busy ? tc("creating") : tc("create")}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
