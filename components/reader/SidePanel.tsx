"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { AlertTriangle, Pin } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { codeLabel } from "@/components/codebook/tree";
import type { Locale } from "@/lib/i18n/locale";
import { rankCodes } from "./CodePicker";
import { safeColor } from "./colors";
import type { PickerCode, ReaderCodeCount, ReaderCoding } from "./types";

/** Coders of a document's codings with how many each made, most first. */
export function coderCounts(codings: readonly ReaderCoding[]): { coder: string; count: number }[] {
  const n = new Map<string, number>();
  for (const c of codings) n.set(c.coder, (n.get(c.coder) ?? 0) + 1);
  return [...n].map(([coder, count]) => ({ coder, count })).sort((a, b) => b.count - a.count || a.coder.localeCompare(b.coder));
}

/** Whose codings the reader shows: all coders, mine, or one coder's (team coding). */
export function CoderFilter({
  coders,
  me,
  value,
  onChange,
}: {
  coders: { coder: string; count: number }[];
  me: string | null;
  value: string | null;
  onChange: (coder: string | null) => void;
}) {
  const t = useTranslations("reader.side");
  const total = coders.reduce((n, c) => n + c.count, 0);
  const list = me && !coders.some((c) => c.coder === me) ? [...coders, { coder: me, count: 0 }] : coders;
  return (
    <label className="flex items-center gap-2 text-[11px] text-stone-600">
      {t("coders")}
      <select
        className="h-7 min-w-0 flex-1 rounded border border-stone-300 bg-white px-1.5 text-[12px]"
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
        data-testid="coder-filter"
      >
        <option value="">{t("allCoders", { count: total })}</option>
        {list.map((c) => (
          <option key={c.coder} value={c.coder}>
            {c.coder === me ? t("mine", { count: c.count }) : `${c.coder} (${c.count})`}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Codes used in this document with their counts. Clicking a code jumps to its next
 * passage (scrolling there and flashing it); repeated clicks walk through all of them.
 */
export function DocumentCodes({
  counts,
  orphaned,
  relocated,
  jump,
  onJump,
  onShowAnchors,
}: {
  counts: readonly ReaderCodeCount[];
  orphaned: number;
  relocated: number;
  jump: { codeId: string; index: number; total: number } | null;
  onJump: (codeId: string) => void;
  onShowAnchors: () => void;
}) {
  const t = useTranslations("reader.side");
  const locale = useLocale() as Locale;
  const total = counts.reduce((n, c) => n + c.count, 0);
  return (
    <section className="flex flex-col gap-1.5" data-testid="document-codes">
      <h3 className="text-[11px] font-semibold tracking-wide text-stone-600">
        {t("documentCodes")} <span className="font-normal text-stone-400">({total})</span>
      </h3>
      {orphaned + relocated > 0 ? (
        <button
          type="button"
          onClick={onShowAnchors}
          className="flex items-center gap-1.5 rounded bg-amber-50 px-2 py-1 text-left text-[11px] text-amber-900 hover:bg-amber-100"
          data-testid="anchor-summary"
        >
          <AlertTriangle size={12} className="flex-none" />
          {orphaned > 0 ? t("orphaned", { count: orphaned }) : ""}
          {orphaned > 0 && relocated > 0 ? " · " : ""}
          {relocated > 0 ? t("relocated", { count: relocated }) : ""}
        </button>
      ) : null}
      {counts.length === 0 ? (
        <p className="text-xs text-stone-400">{t("nothingCoded")}</p>
      ) : (
        <ul className="flex flex-col">
          {counts.map((c) => (
            <li key={c.codeId}>
              <button
                type="button"
                onClick={() => onJump(c.codeId)}
                data-code-count={c.shortName}
                title={t("jumpNext")}
                className="flex w-full items-center gap-2 rounded px-1.5 py-1 text-left text-[12px] hover:bg-stone-100"
              >
                <span className="inline-block h-2.5 w-2.5 flex-none rounded-sm" style={{ backgroundColor: safeColor(c.color) }} />
                <span className="w-14 flex-none truncate font-mono text-[11px] font-semibold">{c.shortName}</span>
                <span className="min-w-0 flex-1 truncate text-stone-700">{codeLabel(c, locale).label}</span>
                {jump && jump.codeId === c.codeId ? (
                  <span className="flex-none text-[10px] text-accent-700">
                    {jump.index + 1}/{jump.total}
                  </span>
                ) : null}
                <span className="flex-none rounded bg-stone-100 px-1.5 text-[11px] tabular-nums text-stone-700" data-count>
                  {c.count}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The project's codebook for picking: filter, click a code to apply it to the current
 * selection (or to re-code the selected coding), and set the 1–9 shortcut numbers.
 */
export function CodebookList({
  codes,
  target,
  readOnly = false,
  onPick,
  onPin,
}: {
  codes: readonly PickerCode[];
  target: "selection" | "coding" | null;
  /** A viewer's list: the codes to read, no hint to apply them. */
  readOnly?: boolean;
  onPick: (code: PickerCode) => void;
  /** Absent when the user may not change the codebook (no shortcut menu then). */
  onPin?: (code: PickerCode, pinned: number | null) => void;
}) {
  const t = useTranslations("reader.side");
  const locale = useLocale() as Locale;
  const [query, setQuery] = useState("");
  const shown = useMemo(() => (query.trim() ? rankCodes(codes, query, [], 500) : codes), [codes, query]);
  return (
    <section className="flex flex-col gap-1.5" data-testid="codebook-list">
      <h3 className="text-[11px] font-semibold tracking-wide text-stone-600">{t("codebook")}</h3>
      <p className={`text-[10px] text-stone-500 ${readOnly ? "hidden" : ""}`}>
        {target === "selection"
          ? t("applyToSelection")
          : target === "coding"
            ? t("applyToCoding")
            : t("selectFirst")}
      </p>
      <input
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t("filter")}
        aria-label={t("filterLabel")}
        className="h-7 w-full rounded border border-stone-300 bg-white px-2 text-[12px] placeholder:text-stone-400 focus:border-accent-500 focus:ring-1 focus:ring-accent-500 focus:outline-none"
      />
      <ul className="flex flex-col">
        {shown.map((c) => (
          <li key={c.id} className="group flex items-center gap-1" style={{ paddingLeft: query.trim() ? 0 : c.depth * 12 }}>
            <button
              type="button"
              disabled={!target}
              onClick={() => onPick(c)}
              title={c.definition || codeLabel(c, locale).other}
              className="flex min-w-0 flex-1 items-center gap-1.5 rounded px-1 py-0.5 text-left text-[12px] enabled:hover:bg-accent-50 disabled:cursor-default"
              data-codebook-code={c.shortName}
            >
              <span className="inline-block h-2.5 w-2.5 flex-none rounded-sm" style={{ backgroundColor: safeColor(c.color) }} />
              <span className="flex-none font-mono text-[11px] font-semibold">{c.shortName}</span>
              <span className="min-w-0 truncate text-stone-600">{codeLabel(c, locale).label}</span>
            </button>
            {onPin ? (
              <DropdownMenu.Root>
                <DropdownMenu.Trigger asChild>
                  <button
                    type="button"
                    aria-label={t("shortcutFor", { code: c.shortName })}
                    className={`flex h-5 min-w-5 flex-none items-center justify-center rounded border px-1 font-mono text-[10px] ${
                      c.pinned != null
                        ? "border-stone-400 bg-stone-50 text-stone-700"
                        : "border-transparent text-stone-300 opacity-0 group-hover:opacity-100 focus:opacity-100"
                    }`}
                    data-pinned={c.pinned ?? ""}
                  >
                    {c.pinned ?? <Pin size={10} />}
                  </button>
                </DropdownMenu.Trigger>
                <DropdownMenu.Portal>
                  <DropdownMenu.Content
                    align="end"
                    className="z-50 grid grid-cols-5 gap-1 rounded-md border border-stone-200 bg-white p-1.5 shadow-lg"
                  >
                    {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
                      <DropdownMenu.Item
                        key={n}
                        onSelect={() => onPin(c, n)}
                        className={`flex h-6 w-6 cursor-pointer items-center justify-center rounded font-mono text-[11px] outline-none data-[highlighted]:bg-accent-100 ${
                          c.pinned === n ? "bg-accent-600 text-white" : ""
                        }`}
                      >
                        {n}
                      </DropdownMenu.Item>
                    ))}
                    <DropdownMenu.Item
                      onSelect={() => onPin(c, null)}
                      disabled={c.pinned == null}
                      className="flex h-6 cursor-pointer items-center justify-center rounded text-[10px] text-stone-600 outline-none data-[disabled]:text-stone-300 data-[highlighted]:bg-stone-100"
                      title={t("unpin")}
                    >
                      ✕
                    </DropdownMenu.Item>
                  </DropdownMenu.Content>
                </DropdownMenu.Portal>
              </DropdownMenu.Root>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
