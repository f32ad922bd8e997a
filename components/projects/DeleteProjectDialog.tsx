"use client";

import { AlertTriangle, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { apiJson, failureMessage } from "@/components/api/client";
import { Button, ErrorNote, Field, inputClass, Modal } from "@/components/shell/ui";
import type { ProjectDeletionImpact } from "@/lib/corpus/projects";

/**
 * "Delete project": says what goes with it (documents, codings, memos, codes) and asks for
 * the project's name to be typed; the server checks the name again (`confirmName`).
 */
export function DeleteProjectButton({ projectId, projectName }: { projectId: string; projectName: string }) {
  const [open, setOpen] = useState(false);
  const t = useTranslations("projects.delete");
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        aria-label={t("button", { name: projectName })}
        onClick={() => setOpen(true)}
        data-testid="delete-project"
      >
        <Trash2 size={14} />
      </Button>
      {open ? <DeleteProjectDialog projectId={projectId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function DeleteProjectDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const router = useRouter();
  const [impact, setImpact] = useState<ProjectDeletionImpact | null>(null);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useTranslations("projects.delete");
  const tc = useTranslations("common");

  useEffect(() => {
    const ctrl = new AbortController();
    apiJson<{ impact: ProjectDeletionImpact }>(`/api/projects/${encodeURIComponent(projectId)}/deletion`, {
      signal: ctrl.signal,
    })
      .then((r) => setImpact(r.impact))
      .catch((e) => {
        if (!ctrl.signal.aborted) setError(failureMessage(e));
      });
    return () => ctrl.abort();
  }, [projectId]);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      await apiJson(`/api/projects/${encodeURIComponent(projectId)}`, { method: "DELETE", body: { confirmName: typed } });
      onClose();
      router.refresh();
    } catch (e) {
      setError(failureMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      onOpenChange={(o) => {
        if (!o && !busy) onClose();
      }}
      title={impact ? t("title", { name: impact.name }) : t("titlePlain")}
    >
      <div className="flex flex-col gap-3" data-testid="delete-project-dialog">
        {impact ? (
          <div
            className="flex gap-2 rounded border border-red-200 bg-red-50 p-3 text-[13px] text-red-900"
            data-testid="delete-project-impact"
          >
            <AlertTriangle size={16} className="mt-0.5 shrink-0" aria-hidden />
            <div>
              <p>{t("impact")}</p>
              <ul className="mt-1 list-disc pl-5">
                <li data-testid="delete-project-documents" data-count={impact.documents}>
                  {t("documents", { count: impact.documents })}
                </li>
                <li data-testid="delete-project-codings" data-count={impact.codings}>
                  {t("codings", { count: impact.codings })}
                </li>
                <li data-testid="delete-project-memos" data-count={impact.memos}>
                  {t("memos", { count: impact.memos })}
                </li>
                <li data-testid="delete-project-codes" data-count={impact.codes}>
                  {t("codes", { count: impact.codes })}
                </li>
              </ul>
            </div>
          </div>
        ) : error ? null : (
          <p className="text-xs text-stone-500">{t("counting")}</p>
        )}
        {impact ? (
          <Field label={t("confirm", { name: impact.name })} htmlFor="delete-project-name">
            <input
              id="delete-project-name"
              className={inputClass}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              data-testid="delete-project-name"
            />
          </Field>
        ) : null}
        <ErrorNote>{error}</ErrorNote>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={busy}>
            {tc("cancel")}
          </Button>
          <Button
            variant="danger"
            disabled={!impact || typed !== impact.name || busy}
            onClick={() => void run()}
            data-testid="delete-project-confirm"
          >
            {t("submit")}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
