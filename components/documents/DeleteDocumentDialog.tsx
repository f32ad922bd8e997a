"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiJson, failureMessage } from "@/components/api/client";
import { Button, ErrorNote, Modal } from "@/components/shell/ui";
import type { DocumentRow } from "./types";

/** Confirmation before a document (with its units and codings) is deleted. */
export function DeleteDocumentDialog({
  document,
  onClose,
  onDeleted,
}: {
  document: DocumentRow;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const t = useTranslations("deleteDocument");
  const tc = useTranslations("common");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await apiJson(`/api/documents/${encodeURIComponent(document.id)}`, { method: "DELETE" });
      onDeleted();
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
      title={t("title")}
    >
      <div className="flex flex-col gap-3" data-testid="delete-dialog">
        <p className="text-[13px]">{t("question", { title: document.title, codings: document.codingCount })}</p>
        <p className="text-xs text-stone-600">{t("irreversible")}</p>
        <ErrorNote>{error}</ErrorNote>
        <div className="flex justify-end gap-2 border-t border-stone-100 pt-3">
          <Button onClick={onClose} disabled={busy}>
            {tc("cancel")}
          </Button>
          <Button variant="danger" onClick={confirm} disabled={busy}>
            {busy ? tc("deleting") : tc("delete")}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
