"use client";

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
      title="删除文档 Delete document"
    >
      <div className="flex flex-col gap-3" data-testid="delete-dialog">
        <p className="text-[13px]">
          删除《{document.title}》？
          {document.codingCount > 0 ? (
            <>
              {" "}
              它的 <b>{document.codingCount}</b> 处编码也会一并删除。
            </>
          ) : null}
        </p>
        <p className="text-xs text-stone-600">
          Delete “{document.title}”
          {document.codingCount > 0 ? ` and its ${document.codingCount} coding${document.codingCount === 1 ? "" : "s"}` : ""}?
          This cannot be undone. 此操作不可撤销。
        </p>
        <ErrorNote>{error}</ErrorNote>
        <div className="flex justify-end gap-2 border-t border-stone-100 pt-3">
          <Button onClick={onClose} disabled={busy}>
            取消 Cancel
          </Button>
          <Button variant="danger" onClick={confirm} disabled={busy}>
            {busy ? "删除中… Deleting…" : "删除 Delete"}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
