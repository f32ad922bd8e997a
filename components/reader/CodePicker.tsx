"use client";

import * as Popover from "@radix-ui/react-popover";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { codeLabel } from "@/components/codebook/tree";
import type { Locale } from "@/lib/i18n/locale";
import { safeColor } from "./colors";
import type { PickerCode } from "./types";

export type PickerAnchor = { top: number; left: number; height: number };

/** Ranks codes for a query: short name, then 中文 label, then English label; recent codes break ties. */
export function rankCodes(codes: readonly PickerCode[], query: string, recentIds: readonly string[], limit = 60): PickerCode[] {
  const recent = new Map(recentIds.map((id, i) => [id, i]));
  const recentRank = (c: PickerCode) => recent.get(c.id) ?? Infinity;
  const q = query.normalize("NFKC").trim().toLowerCase();
  if (q === "") {
    const order = new Map(codes.map((c, i) => [c.id, i]));
    return codes
      .slice()
      .sort((a, b) => recentRank(a) - recentRank(b) || order.get(a.id)! - order.get(b.id)!)
      .slice(0, limit);
  }
  const scored: { c: PickerCode; s: number; i: number }[] = [];
  codes.forEach((c, i) => {
    const sn = c.shortName.toLowerCase();
    const zh = c.labelZh.normalize("NFKC").toLowerCase();
    const en = c.labelEn.toLowerCase();
    let s = -1;
    if (sn === q) s = 0;
    else if (sn.startsWith(q)) s = 1;
    else if (zh.startsWith(q)) s = 2;
    else if (zh.includes(q)) s = 3;
    else if (sn.includes(q)) s = 4;
    else if (en.startsWith(q)) s = 5;
    else if (en.split(/[\s,;/-]+/).some((w) => w.startsWith(q))) s = 6;
    else if (en.includes(q)) s = 7;
    if (s >= 0) scored.push({ c, s, i });
  });
  scored.sort((a, b) => a.s - b.s || recentRank(a.c) - recentRank(b.c) || a.i - b.i);
  return scored.slice(0, limit).map((x) => x.c);
}

/**
 * The code picker, opened at the selection: type-ahead over short name / 中文 / English,
 * recent codes first, ↑↓ + Enter to apply, Esc to close; with an empty query the keys 1–9
 * apply the pinned codes directly. The anchor is a zero-size element placed (by the reader)
 * at the end of the selected text inside the scrolling column, so the popover follows it.
 */
export function CodePicker({
  open,
  anchor,
  codes,
  recentIds,
  heading,
  onPick,
  onClose,
}: {
  open: boolean;
  anchor: PickerAnchor | null;
  codes: readonly PickerCode[];
  recentIds: readonly string[];
  heading: string;
  onPick: (code: PickerCode) => void;
  onClose: () => void;
}) {
  const t = useTranslations("reader.picker");
  const locale = useLocale() as Locale;
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const results = useMemo(() => rankCodes(codes, query, recentIds), [codes, query, recentIds]);
  const pinned = useMemo(() => new Map(codes.filter((c) => c.pinned != null).map((c) => [c.pinned!, c])), [codes]);

  // Each opening (a new anchor) starts from an empty query; adjusted during render, as React
  // recommends for state derived from props, so the first frame already shows it.
  const [openedAt, setOpenedAt] = useState(open ? anchor : null);
  if (open && openedAt !== anchor) {
    setOpenedAt(anchor);
    setQuery("");
    setActive(0);
  } else if (!open && openedAt !== null) {
    setOpenedAt(null);
  }

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // IME: Enter confirms the composition, not a code
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      const c = results[active];
      if (c) onPick(c);
    } else if (query === "" && /^[1-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const c = pinned.get(Number(e.key));
      if (c) {
        e.preventDefault();
        onPick(c);
      }
    }
  };

  const anchorStyle: CSSProperties = anchor
    ? { position: "absolute", top: anchor.top, left: anchor.left, height: anchor.height, width: 1, pointerEvents: "none" }
    : { position: "absolute", top: 0, left: 0, width: 1, height: 1, pointerEvents: "none" };

  return (
    <Popover.Root open={open} onOpenChange={(o) => (o ? undefined : onClose())}>
      <Popover.Anchor asChild>
        <div aria-hidden style={anchorStyle} data-picker-anchor="" />
      </Popover.Anchor>
      <Popover.Portal>
        <Popover.Content
          side="bottom"
          align="start"
          sideOffset={6}
          collisionPadding={12}
          className="z-50 w-[22rem] rounded-md border border-stone-200 bg-white shadow-xl focus:outline-none"
          data-testid="code-picker"
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            // Focus without scrolling: the popover is positioned at the selection already.
            (e.currentTarget as HTMLElement | null)?.querySelector<HTMLInputElement>("input")?.focus({ preventScroll: true });
          }}
          onCloseAutoFocus={(e) => e.preventDefault()}
        >
          <div className="border-b border-stone-200 px-3 pt-2 pb-2">
            <p className="mb-1.5 line-clamp-2 text-[11px] text-stone-500">{heading}</p>
            <input
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
              role="combobox"
              aria-expanded="true"
              aria-controls="reader-code-picker-list"
              aria-activedescendant={results[active] ? `picker-opt-${results[active].id}` : undefined}
              aria-label={t("find")}
              placeholder={t("placeholder")}
              className="h-8 w-full rounded border border-stone-300 bg-white px-2 text-[13px] placeholder:text-stone-400 focus:border-accent-500 focus:ring-1 focus:ring-accent-500 focus:outline-none"
            />
          </div>
          <ul id="reader-code-picker-list" ref={listRef} role="listbox" className="max-h-72 overflow-y-auto py-1">
            {results.length === 0 ? (
              <li className="px-3 py-2 text-xs text-stone-500">{t("none")}</li>
            ) : (
              results.map((c, i) => (
                <li
                  key={c.id}
                  id={`picker-opt-${c.id}`}
                  role="option"
                  aria-selected={i === active}
                  data-index={i}
                  data-code-short-name={c.shortName}
                  onMouseEnter={() => setActive(i)}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => onPick(c)}
                  className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 text-[13px] ${
                    i === active ? "bg-accent-50" : ""
                  }`}
                >
                  <span
                    className="inline-block h-3 w-3 flex-none rounded-sm"
                    style={{ backgroundColor: safeColor(c.color) }}
                  />
                  <span className="w-16 flex-none truncate font-mono text-[12px] font-semibold">{c.shortName}</span>
                  <span className="min-w-0 flex-1 truncate">
                    {codeLabel(c, locale).label}
                    {codeLabel(c, locale).other ? (
                      <span className="ml-1.5 text-[11px] text-stone-500">{codeLabel(c, locale).other}</span>
                    ) : null}
                  </span>
                  {c.pinned != null ? (
                    <kbd className="flex-none rounded border border-stone-300 bg-stone-50 px-1 font-mono text-[10px] text-stone-600">
                      {c.pinned}
                    </kbd>
                  ) : null}
                  {recentIds.includes(c.id) && query === "" ? (
                    <span className="flex-none text-[10px] text-stone-400">{t("recent")}</span>
                  ) : null}
                </li>
              ))
            )}
          </ul>
          <p className="border-t border-stone-100 px-3 py-1.5 text-[10px] text-stone-400">
            {t("keys")}
          </p>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
