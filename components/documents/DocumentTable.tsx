"use client";

import {
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Pencil, Trash2 } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { otherLocale } from "@/lib/i18n/locale";
import { docTypeLabel, levelLabel, regionLabel } from "./labels";
import type { DocumentRow } from "./types";

// Sorting is done by the database (the whole corpus, not just the rendered rows):
// the table only reports header clicks, and the sort goes into the URL.
const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, DocumentRow>();

/** Columns the server can sort by (lib/corpus listDocuments). */
export const SORTABLE = new Set(["title", "region", "province", "city", "year", "docType", "level", "charCount", "createdAt"]);

const NUMERIC = new Set(["year", "charCount", "sentenceCount", "codingCount"]);

export function DocumentTable({
  projectId,
  documents,
  sorting,
  onSortingChange,
  onEdit,
  onDelete,
}: {
  projectId: string;
  documents: DocumentRow[];
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
  onEdit: (doc: DocumentRow) => void;
  onDelete: (doc: DocumentRow) => void;
}) {
  const t = useTranslations("documents");
  const locale = useLocale();
  const other = otherLocale(locale);
  const format = useFormatter();
  const fmt = (n: number) => format.number(n);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("title", {
          header: () => <Head>{t("columns.title")}</Head>,
          cell: (info) => {
            const d = info.row.original;
            return (
              <div className="min-w-56">
                <Link
                  href={`/projects/${projectId}/documents/${d.id}`}
                  className="font-medium text-accent-700 hover:underline"
                  data-testid="document-link"
                >
                  {d.title}
                </Link>
                {d.originalFilename && d.originalFilename.replace(/\.[A-Za-z0-9]+$/, "") !== d.title ? (
                  <div className="truncate text-[11px] text-stone-400" title={d.originalFilename}>
                    {d.originalFilename}
                  </div>
                ) : null}
              </div>
            );
          },
        }),
        helper.accessor("region", {
          header: () => <Head>{t("columns.region")}</Head>,
          cell: (info) => {
            const code = info.getValue();
            if (code === "other") return <span className="text-stone-400">—</span>;
            return (
              <span title={regionLabel(code)[other]} className="whitespace-nowrap">
                {regionLabel(code)[locale]} <span className="text-[11px] text-stone-500">{code}</span>
              </span>
            );
          },
        }),
        helper.accessor("province", { header: () => <Head>{t("columns.province")}</Head>, cell: (i) => i.getValue() || dash }),
        helper.accessor("city", { header: () => <Head>{t("columns.city")}</Head>, cell: (i) => i.getValue() || dash }),
        helper.accessor("level", {
          header: () => <Head>{t("columns.level")}</Head>,
          cell: (i) => <span title={levelLabel(i.getValue())[other]}>{levelLabel(i.getValue())[locale]}</span>,
        }),
        helper.accessor("docType", {
          header: () => <Head>{t("columns.type")}</Head>,
          cell: (i) => (
            <span title={docTypeLabel(i.getValue())[other]} className="whitespace-nowrap">
              {docTypeLabel(i.getValue())[locale]}
            </span>
          ),
        }),
        helper.accessor("year", { header: () => <Head>{t("columns.year")}</Head>, cell: (i) => i.getValue() ?? dash }),
        helper.accessor("charCount", { header: () => <Head>{t("columns.chars")}</Head>, cell: (i) => fmt(i.getValue()) }),
        helper.accessor("sentenceCount", {
          header: () => <Head>{t("columns.sentences")}</Head>,
          cell: (i) => fmt(i.getValue()),
          enableSorting: false,
        }),
        helper.accessor("codingCount", {
          header: () => <Head>{t("columns.codings")}</Head>,
          cell: (i) => fmt(i.getValue()),
          enableSorting: false,
        }),
        helper.accessor("encoding", {
          header: () => <Head>{t("columns.encoding")}</Head>,
          cell: (i) => (
            <span className="font-mono text-[11px] text-stone-500">
              {i.row.original.format} · {i.getValue()}
            </span>
          ),
          enableSorting: false,
        }),
        helper.display({
          id: "actions",
          header: () => <span className="sr-only">{t("columns.actions")}</span>,
          cell: (info) => (
            <div className="flex justify-end gap-0.5">
              <IconButton label={t("editMetadata")} onClick={() => onEdit(info.row.original)}>
                <Pencil size={14} />
              </IconButton>
              <IconButton label={t("delete")} danger onClick={() => onDelete(info.row.original)}>
                <Trash2 size={14} />
              </IconButton>
            </div>
          ),
        }),
      ]),
    // fmt and the labels change only with the locale, which re-renders the whole tree.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [projectId, onEdit, onDelete, t, locale],
  );

  const table = useTable({
    features,
    columns,
    data: documents,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortingChange(typeof updater === "function" ? updater(sorting) : updater),
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });

  return (
    <div className="overflow-x-auto rounded-md border border-stone-200 bg-white">
      <table className="w-full text-[13px]" data-testid="document-table">
        <thead className="border-b border-stone-200 bg-stone-50 text-[11px] text-stone-600">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const id = header.column.id;
                const canSort = SORTABLE.has(id) && header.column.getCanSort();
                const sorted = header.column.getIsSorted();
                const align = NUMERIC.has(id) ? "text-right" : "text-left";
                return (
                  <th
                    key={header.id}
                    className={`px-2.5 py-1.5 font-medium ${align}`}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {canSort ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className={`inline-flex items-center gap-1 hover:text-stone-900 ${sorted ? "text-stone-900" : ""}`}
                        data-sort-column={id}
                      >
                        <table.FlexRender header={header} />
                        {sorted === "asc" ? (
                          <ArrowUp size={12} />
                        ) : sorted === "desc" ? (
                          <ArrowDown size={12} />
                        ) : (
                          <ArrowUpDown size={12} className="text-stone-300" />
                        )}
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-stone-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="align-top hover:bg-stone-50" data-document-id={row.id}>
              {row.getAllCells().map((cell) => (
                <td
                  key={cell.id}
                  className={`px-2.5 py-1.5 ${NUMERIC.has(cell.column.id) ? "text-right tabular-nums" : ""}`}
                >
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const dash = <span className="text-stone-400">—</span>;

function Head({ children }: { children: ReactNode }) {
  return <span className="whitespace-nowrap">{children}</span>;
}

function IconButton({
  label,
  danger,
  onClick,
  children,
}: {
  label: string;
  danger?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className={`rounded p-1 text-stone-400 hover:bg-stone-100 ${danger ? "hover:text-red-700" : "hover:text-stone-900"}`}
    >
      {children}
    </button>
  );
}
