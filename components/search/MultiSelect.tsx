"use client";

import * as Popover from "@radix-ui/react-popover";
import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";

/** A filter button opening a checkbox list; an empty choice means "any". */
export function MultiSelect({
  label,
  options,
  value,
  onChange,
  testId,
}: {
  label: string;
  options: readonly { value: string; label: string }[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  testId?: string;
}) {
  const t = useTranslations("search.multiSelect");
  const chosen = new Set(value);
  const summary =
    value.length === 0
      ? t("all")
      : value.length === 1
        ? (options.find((o) => o.value === value[0])?.label ?? value[0])
        : t("selected", { count: value.length });
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button
          type="button"
          data-testid={testId}
          className={`inline-flex h-8 max-w-56 items-center gap-1.5 rounded border px-2 text-[13px] ${
            value.length > 0 ? "border-accent-500 bg-accent-50 text-accent-700" : "border-stone-300 bg-white text-stone-700"
          }`}
        >
          <span className="text-[11px] text-stone-500">{label}</span>
          <span className="truncate">{summary}</span>
          <ChevronDown size={12} className="shrink-0 text-stone-400" />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="start" sideOffset={4} className="z-50 w-64 rounded-md border border-stone-200 bg-white p-1 shadow-lg">
          {options.length === 0 ? (
            <p className="px-2 py-2 text-xs text-stone-500">{t("noValues")}</p>
          ) : (
            <ul className="max-h-72 overflow-y-auto">
              {options.map((o) => (
                <li key={o.value}>
                  <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-[13px] hover:bg-stone-50">
                    <input
                      type="checkbox"
                      checked={chosen.has(o.value)}
                      onChange={(e) =>
                        onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))
                      }
                    />
                    {o.label}
                  </label>
                </li>
              ))}
            </ul>
          )}
          {value.length > 0 ? (
            <button type="button" className="mt-1 w-full rounded px-2 py-1 text-left text-xs text-stone-500 hover:bg-stone-50" onClick={() => onChange([])}>
              {t("clear")}
            </button>
          ) : null}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
