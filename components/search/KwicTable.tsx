"use client";

import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp, ArrowUpDown, NotebookPen } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { regionLabel } from "@/components/documents/labels";
import { otherLocale } from "@/lib/i18n/locale";
import { hitKey, type Hit } from "./state";

/** A hit with what sorting needs precomputed once (the left context read backwards). */
type Row = Hit & { key: string; n: number; leftReversed: string };

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
const helper = createColumnHelper<typeof features, Row>();

// Chinese in pinyin order, Latin case-insensitively, digits numerically — as a reader expects.
const collator = new Intl.Collator(["zh-Hans-CN", "en"], { numeric: true, sensitivity: "base" });
const byText =
  (get: (r: Row) => string) =>
  (a: { original: Row }, b: { original: Row }) =>
    collator.compare(get(a.original), get(b.original)) || a.original.n - b.original.n;

/** Code points reversed: concordancers sort the left context from the word nearest the hit outwards. */
function reverseText(s: string): string {
  return Array.from(s).reverse().join("");
}

const ROW_HEIGHT = 30;

/**
 * The concordance (KWIC): left context right-aligned so that every hit lines up in one
 * column, the hit highlighted, the right context, then the document. Every column sorts;
 * "left" sorts by the left context read backwards from the hit. Rows are virtualised so
 * that thousands of hits scroll smoothly; selection is by key so it survives re-sorting.
 */
export function KwicTable({
  projectId,
  hits,
  selected,
  onSelectedChange,
}: {
  projectId: string;
  hits: readonly Hit[];
  selected: ReadonlySet<string>;
  onSelectedChange: (next: Set<string>) => void;
}) {
  const t = useTranslations("search.kwic");
  const locale = useLocale();
  const [sorting, setSorting] = useState<SortingState>([]);
  const lastClicked = useRef<number | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const data = useMemo<Row[]>(
    () => hits.map((h, n) => ({ ...h, key: hitKey(h), n, leftReversed: reverseText(h.left) })),
    [hits],
  );
  const matchWidth = useMemo(() => {
    const longest = data.reduce((m, r) => Math.max(m, Array.from(r.match).length), 2);
    return `${Math.min(18, Math.max(6.5, longest * 1.1 + 1))}em`;
  }, [data]);

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("n", { id: "n", header: () => "#", sortFn: (a, b) => a.original.n - b.original.n }),
        helper.accessor("leftReversed", {
          id: "left",
          header: () => <Head title={t("leftHint")}>{t("left")}</Head>,
          sortFn: byText((r) => r.leftReversed),
        }),
        helper.accessor("match", { id: "match", header: () => <Head>{t("match")}</Head>, sortFn: byText((r) => r.match) }),
        helper.accessor("right", { id: "right", header: () => <Head>{t("right")}</Head>, sortFn: byText((r) => r.right) }),
        helper.accessor("title", { id: "title", header: () => <Head>{t("document")}</Head>, sortFn: byText((r) => r.title) }),
        helper.accessor("year", {
          id: "year",
          header: () => <Head>{t("year")}</Head>,
          // An unknown year sorts after every known one (ascending).
          sortFn: (a, b) => (a.original.year ?? 99_999) - (b.original.year ?? 99_999) || a.original.n - b.original.n,
        }),
        helper.accessor("region", { id: "region", header: () => <Head>{t("region")}</Head>, sortFn: byText((r) => r.region) }),
      ]),
    [t],
  );

  const table = useTable({
    features,
    columns,
    data,
    getRowId: (r) => r.key,
    state: { sorting },
    onSortingChange: (u: Updater<SortingState>) => setSorting((s) => (typeof u === "function" ? u(s) : u)),
    enableMultiSort: false,
    enableSortingRemoval: true,
    sortDescFirst: false,
  });
  const rows = table.getRowModel().rows;

  // TanStack Virtual hands back a mutable virtualizer whose methods read its current state, so
  // the React Compiler leaves this component unmemoized (as it should); the warning says only that.
  // eslint-disable-next-line react-hooks/incompatible-library -- useVirtualizer is unmemoizable by design; this component renders on every change
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => rows[i]?.id ?? i,
    overscan: 12,
  });

  const allSelected = data.length > 0 && data.every((r) => selected.has(r.key));
  const someSelected = !allSelected && data.some((r) => selected.has(r.key));

  function toggle(index: number, e: MouseEvent) {
    const row = rows[index];
    if (!row) return;
    const key = row.original.key;
    const next = new Set(selected);
    const on = !selected.has(key);
    // Shift-click selects (or clears) the range from the last clicked row, in the shown order.
    if (e.shiftKey && lastClicked.current !== null) {
      const [a, b] = [Math.min(lastClicked.current, index), Math.max(lastClicked.current, index)];
      for (const r of rows.slice(a, b + 1)) {
        if (on) next.add(r.original.key);
        else next.delete(r.original.key);
      }
    } else if (on) next.add(key);
    else next.delete(key);
    lastClicked.current = index;
    onSelectedChange(next);
  }

  const grid = `2rem 3.2rem minmax(0,1fr) ${matchWidth} minmax(0,1fr) minmax(8rem,15rem) 4.5rem 6rem 1.75rem`;
  // One header group: the columns are flat.
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <div className="rounded-md border border-stone-200 bg-white" role="table" aria-label={t("label")} data-testid="kwic-table">
      <div
        role="row"
        className="grid items-center border-b border-stone-200 bg-stone-50 text-[11px] text-stone-600"
        style={{ gridTemplateColumns: grid }}
      >
        <div role="columnheader" className="flex justify-center">
          <input
            type="checkbox"
            aria-label={t("selectAll")}
            checked={allSelected}
            ref={(el) => {
              if (el) el.indeterminate = someSelected;
            }}
            onChange={() => onSelectedChange(allSelected ? new Set() : new Set(data.map((r) => r.key)))}
            data-testid="select-all"
          />
        </div>
        {headers.map((h) => {
          const sorted = h.column.getIsSorted();
          const align = h.column.id === "left" || h.column.id === "n" ? "justify-end" : h.column.id === "match" ? "justify-center" : "";
          return (
            <div
              key={h.id}
              role="columnheader"
              aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
              className={`flex px-1.5 py-1.5 ${align}`}
            >
              <button
                type="button"
                onClick={h.column.getToggleSortingHandler()}
                className={`inline-flex items-center gap-1 font-medium hover:text-stone-900 ${sorted ? "text-stone-900" : ""}`}
                data-sort-column={h.column.id}
              >
                <table.FlexRender header={h} />
                {sorted === "asc" ? <ArrowUp size={12} /> : sorted === "desc" ? <ArrowDown size={12} /> : <ArrowUpDown size={12} className="text-stone-300" />}
              </button>
            </div>
          );
        })}
        <div role="columnheader" className="sr-only">
          {t("memo")}
        </div>
      </div>
      <div ref={scrollRef} className="h-[min(65vh,44rem)] overflow-y-auto" data-testid="kwic-scroll">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const r = rows[item.index]?.original;
            if (!r) return null;
            const on = selected.has(r.key);
            const href = `/projects/${projectId}/documents/${r.documentId}?at=${r.start}`;
            const memoHref = `/projects/${projectId}/memos?documentId=${encodeURIComponent(r.documentId)}&start=${r.unitStart}&end=${r.unitEnd}`;
            return (
              <div
                key={item.key}
                role="row"
                aria-selected={on}
                data-testid="kwic-row"
                data-unit-id={r.unitId}
                data-index={item.index}
                className={`absolute inset-x-0 grid items-center border-b border-stone-100 text-[13px] ${on ? "bg-amber-50" : "hover:bg-stone-50"}`}
                style={{ gridTemplateColumns: grid, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <div role="cell" className="flex justify-center">
                  <input
                    type="checkbox"
                    checked={on}
                    aria-label={t("selectHit", { n: r.n + 1 })}
                    onClick={(e) => toggle(item.index, e)}
                    onChange={() => undefined}
                    data-testid="hit-checkbox"
                  />
                </div>
                <div role="cell" className="px-1.5 text-right text-[11px] text-stone-400 tabular-nums">
                  {r.n + 1}
                </div>
                {/* Overflow is clipped on the left so that the words next to the hit stay visible. */}
                <div role="cell" className="flex justify-end overflow-hidden px-1.5 whitespace-nowrap text-stone-700" title={r.left} data-testid="kwic-left">
                  <span>{r.left}</span>
                </div>
                <div role="cell" className="truncate px-1 text-center">
                  <Link href={href} className="rounded bg-amber-200/80 px-0.5 font-medium text-stone-950 hover:bg-amber-300" data-testid="kwic-match" title={t("openInReader")}>
                    {r.match}
                  </Link>
                </div>
                <div role="cell" className="overflow-hidden px-1.5 whitespace-nowrap text-stone-700" title={r.right} data-testid="kwic-right">
                  {r.right}
                </div>
                <div role="cell" className="truncate px-1.5">
                  <Link href={href} className="text-accent-700 hover:underline" title={r.title} data-testid="kwic-document">
                    {r.title}
                  </Link>
                </div>
                <div role="cell" className="px-1.5 text-stone-600 tabular-nums">
                  {r.year ?? "—"}
                </div>
                <div role="cell" className="truncate px-1.5 text-stone-600" title={regionLabel(r.region)[otherLocale(locale)]}>
                  {r.region === "other" ? "—" : regionLabel(r.region)[locale]}
                </div>
                <div role="cell">
                  <Link href={memoHref} className="text-stone-300 hover:text-stone-700" title={t("writeMemo")} aria-label={t("memo")}>
                    <NotebookPen size={13} />
                  </Link>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Head({ title, children }: { title?: string; children: ReactNode }): ReactNode {
  return (
    <span className="whitespace-nowrap" title={title}>
      {children}
    </span>
  );
}
