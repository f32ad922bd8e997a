"use client";

import { Plus } from "lucide-react";
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
      const keys = templates.map((t) => t.key).filter((k) => chosen.has(k));
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
        <Plus size={14} /> 新建项目 New project
      </Button>
      <Modal
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) reset();
        }}
        title="新建项目 New project"
        description="一个项目包含一组文档、编码本和编码。 A project holds a corpus, its codebook and codings."
      >
        <form onSubmit={submit} className="flex flex-col gap-3">
          <Field label="项目名称 Name" htmlFor="project-name">
            <input
              id="project-name"
              name="name"
              className={inputClass}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={200}
              autoFocus
              placeholder="例如：京津冀政府工作报告 2006–2024"
            />
          </Field>
          <Field label="描述 Description (optional)" htmlFor="project-description">
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
              内置编码本 Built-in codebooks
            </legend>
            {templates.length === 0 ? (
              <p className="text-xs text-stone-500">没有可用模板 No templates available</p>
            ) : (
              templates.map((t) => (
                <label
                  key={t.key}
                  className="flex cursor-pointer items-start gap-2 rounded px-1.5 py-1 hover:bg-stone-50"
                >
                  <input
                    type="checkbox"
                    name="templates"
                    value={t.key}
                    checked={chosen.has(t.key)}
                    onChange={() => toggle(t.key)}
                    className="mt-0.5 accent-accent-600"
                  />
                  <span className="flex flex-col">
                    <span className="text-[13px] text-stone-900">
                      {t.zh} <span className="text-stone-500">{t.en}</span>
                      {t.codeCount !== undefined ? (
                        <span className="ml-1 text-[11px] text-stone-400">· {t.codeCount} codes</span>
                      ) : null}
                    </span>
                    {t.description ? <span className="text-[11px] text-stone-500">{t.description}</span> : null}
                  </span>
                </label>
              ))
            )}
          </fieldset>
          <ErrorNote>{error}</ErrorNote>
          <div className="flex justify-end gap-2 border-t border-stone-100 pt-3">
            <Button onClick={() => setOpen(false)}>取消 Cancel</Button>
            <Button type="submit" variant="primary" disabled={busy || name.trim() === ""}>
              {busy ? "创建中… Creating…" : "创建 Create"}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
