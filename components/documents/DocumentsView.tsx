"use client";

import type { SortingState } from "@tanstack/react-table";
import { FileUp, LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, useTransition } from "react";
import { Button } from "@/components/shell/ui";
import { DeleteDocumentDialog } from "./DeleteDocumentDialog";
import { DocumentFilters } from "./DocumentFilters";
import { DocumentTable } from "./DocumentTable";
import { MetadataDialog } from "./MetadataDialog";
import { DOCUMENT_QUERY_KEYS, type DocumentQuery, type DocumentRow, type Facets } from "./types";
import { UploadPanel } from "./UploadPanel";

/**
 * The Documents tab: import panel, filters, the sortable table, and the metadata
 * and delete dialogs. The list itself is rendered on the server from the URL
 * query; this component only changes the URL and refreshes.
 */
export function DocumentsView({
  projectId,
  documents,
  facets,
  query,
  sort,
  totalInProject,
  accept,
}: {
  projectId: string;
  documents: DocumentRow[];
  facets: Facets;
  query: DocumentQuery;
  sort: { id: string; desc: boolean };
  totalInProject: number;
  accept: string;
}) {
  const t = useTranslations("documents");
  const tc = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [showUpload, setShowUpload] = useState(totalInProject === 0);
  const [editing, setEditing] = useState<DocumentRow | null>(null);
  const [deleting, setDeleting] = useState<DocumentRow | null>(null);

  const navigate = useCallback(
    (patch: Partial<DocumentQuery>) => {
      const next = new URLSearchParams();
      const merged = { ...query, ...patch };
      for (const k of DOCUMENT_QUERY_KEYS) {
        const v = merged[k];
        if (v !== undefined && v !== "") next.set(k, v);
      }
      const qs = next.toString();
      startTransition(() => router.replace(qs ? `?${qs}` : "?", { scroll: false }));
    },
    [query, router],
  );

  const refresh = useCallback(() => startTransition(() => router.refresh()), [router]);

  const sorting: SortingState = useMemo(() => [sort], [sort]);
  const onSortingChange = useCallback(
    (next: SortingState) => {
      const s = next[0];
      if (s) navigate({ sort: s.id, dir: s.desc ? "desc" : "asc" });
    },
    [navigate],
  );

  const filtered = documents.length !== totalInProject;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-base font-semibold">
          {t("title")}
          <span className="ml-2 text-xs font-normal text-stone-500" data-testid="document-count">
            {filtered ? `${documents.length} / ${totalInProject}` : totalInProject}
          </span>
          {pending ? <LoaderCircle size={14} className="ml-2 inline animate-spin text-stone-400" aria-label={tc("loading")} /> : null}
        </h1>
        {!showUpload ? (
          <Button variant="primary" onClick={() => setShowUpload(true)} data-testid="open-upload">
            <FileUp size={14} /> {t("import")}
          </Button>
        ) : null}
      </div>

      {showUpload ? (
        <UploadPanel projectId={projectId} accept={accept} onClose={() => setShowUpload(false)} onBatchDone={refresh} />
      ) : null}

      {totalInProject > 0 ? (
        <>
          <DocumentFilters query={query} facets={facets} onChange={navigate} />
          {documents.length === 0 ? (
            <p className="rounded-md border border-dashed border-stone-300 bg-white px-4 py-6 text-center text-stone-500">
              {t("noMatch")}
            </p>
          ) : (
            <div className={pending ? "opacity-60 transition-opacity" : "transition-opacity"}>
              <DocumentTable
                projectId={projectId}
                documents={documents}
                sorting={sorting}
                onSortingChange={onSortingChange}
                onEdit={setEditing}
                onDelete={setDeleting}
              />
            </div>
          )}
        </>
      ) : !showUpload ? (
        <p className="rounded-md border border-dashed border-stone-300 bg-white px-4 py-8 text-center text-stone-500">
          {t("empty")}
        </p>
      ) : null}

      {editing ? (
        <MetadataDialog
          key={editing.id}
          document={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteDocumentDialog
          document={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            refresh();
          }}
        />
      ) : null}
    </div>
  );
}
