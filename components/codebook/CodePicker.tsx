"use client";

import { CornerLeftUp, Search } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { inputClass } from "@/components/shell/ui";
import type { CodeNode } from "@/lib/codebook/types";
import { codeLabel, flatten, matchesQuery, type FlatCode } from "./tree";

/**
 * A searchable list of the codebook for choosing one code (move target, merge target, the
 * code to apply to search hits, a memo link…). Codes in `disabled` are shown but cannot be
 * chosen, with `disabledReason` as their tooltip. Arrow keys move, Enter picks.
 */
export function CodePicker({
  codes,
  onPick,
  disabled,
  disabledReason,
  rootOption,
  onPickRoot,
  autoFocus = true,
  testId = "code-picker",
}: {
  codes: readonly CodeNode[];
  onPick: (code: FlatCode) => void;
  disabled?: ReadonlySet<string>;
  disabledReason?: string;
  /** Label of an extra first entry (e.g. "top level"), picked through onPickRoot. */
  rootOption?: string;
  onPickRoot?: () => void;
  autoFocus?: boolean;
  testId?: string;
}) {
  const t = useTranslations("codebook.picker");
  const locale = useLocale();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const flat = useMemo(() => flatten(codes), [codes]);
  const shown = useMemo(() => {
    const q = query.trim();
    return q === "" ? flat : flat.filter((c) => matchesQuery(c, q));
  }, [flat, query]);
  const offset = rootOption && query.trim() === "" ? 1 : 0;
  const count = shown.length + offset;

  function pickIndex(i: number) {
    if (offset === 1 && i === 0) {
      onPickRoot?.();
      return;
    }
    const c = shown[i - offset];
    if (c && !disabled?.has(c.id)) onPick(c);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(count - 1, a + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      pickIndex(active);
    }
  }

  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      <label className="relative">
        <span className="sr-only">{t("find")}</span>
        <Search size={14} className="pointer-events-none absolute top-2 left-2 text-stone-400" aria-hidden />
        <input
          type="search"
          className={`${inputClass} pl-7`}
          placeholder={t("placeholder")}
          value={query}
          autoFocus={autoFocus}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          data-testid={`${testId}-query`}
        />
      </label>
      <ul ref={listRef} role="listbox" aria-label={t("codes")} className="max-h-72 overflow-y-auto rounded border border-stone-200">
        {offset === 1 ? (
          <li
            role="option"
            aria-selected={active === 0}
            className={`flex cursor-pointer items-center gap-2 px-2 py-1.5 text-stone-700 ${active === 0 ? "bg-accent-50" : "hover:bg-stone-50"}`}
            onMouseEnter={() => setActive(0)}
            onClick={() => pickIndex(0)}
            data-testid={`${testId}-root`}
          >
            <CornerLeftUp size={13} aria-hidden /> {rootOption}
          </li>
        ) : null}
        {shown.map((c, i) => {
          const idx = i + offset;
          const off = disabled?.has(c.id) ?? false;
          return (
            <li
              key={c.id}
              role="option"
              aria-selected={active === idx}
              aria-disabled={off}
              title={off ? disabledReason : c.path.join(" › ")}
              className={`flex items-center gap-2 py-1 pr-2 ${
                off ? "cursor-not-allowed text-stone-300" : "cursor-pointer text-stone-800"
              } ${active === idx && !off ? "bg-accent-50" : off ? "" : "hover:bg-stone-50"}`}
              style={{ paddingLeft: 8 + (query.trim() === "" ? c.depth * 14 : 0) }}
              onMouseEnter={() => setActive(idx)}
              onClick={() => pickIndex(idx)}
              data-code-option={c.shortName}
            >
              <span className="h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: c.color }} aria-hidden />
              <span className="font-medium">{c.shortName}</span>
              <span className="truncate text-stone-600" title={codeLabel(c, locale).other || undefined}>
                {codeLabel(c, locale).label}
              </span>
              {query.trim() !== "" && c.path.length > 1 ? (
                <span className="ml-auto truncate text-[11px] text-stone-400">{c.path.slice(0, -1).join(" › ")}</span>
              ) : null}
            </li>
          );
        })}
        {count === 0 ? <li className="px-2 py-3 text-center text-xs text-stone-500">{t("noMatch")}</li> : null}
      </ul>
    </div>
  );
}
