"use client";

import { useLocale } from "next-intl";
import { DOCUMENT_TYPES, GOVERNANCE_LEVELS, MEGA_REGIONS } from "@/lib/corpus/reference";
import type { Locale } from "@/lib/i18n/locale";
import { selectClass } from "@/components/shell/ui";

/**
 * Selects for the reference-coded metadata. `emptyLabel` adds a first option with
 * the empty value ("any" in filters, "from file name" in upload defaults).
 */
type SelectProps = {
  id?: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  emptyLabel?: string;
  /** Restrict the options to these codes (e.g. facets present in the corpus). */
  only?: readonly string[];
  className?: string;
};

function options<T extends { code: string; zh: string; en: string }>(list: readonly T[], locale: Locale, only?: readonly string[]) {
  const shown = only ? list.filter((x) => only.includes(x.code)) : list;
  // Codes present in the data but unknown to the reference list still get an option.
  const extra = only ? only.filter((c) => !list.some((x) => x.code === c)) : [];
  return [
    ...shown.map((x) => ({ value: x.code, label: x[locale] })),
    ...extra.map((c) => ({ value: c, label: c })),
  ];
}

function CodeSelect({
  items,
  id,
  name,
  value,
  onChange,
  emptyLabel,
  className = "",
}: SelectProps & { items: { value: string; label: string }[] }) {
  return (
    <select
      id={id}
      name={name}
      className={`${selectClass} ${className}`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {items.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function RegionSelect(props: SelectProps) {
  const locale = useLocale();
  const items = options(MEGA_REGIONS, locale, props.only).map((o) => {
    const r = MEGA_REGIONS.find((m) => m.code === o.value);
    return r && r.code !== "other" ? { value: o.value, label: `${r[locale]} (${r.code})` } : o;
  });
  return <CodeSelect {...props} items={items} />;
}

export function LevelSelect(props: SelectProps) {
  const locale = useLocale();
  return <CodeSelect {...props} items={options(GOVERNANCE_LEVELS, locale, props.only)} />;
}

export function DocTypeSelect(props: SelectProps) {
  const locale = useLocale();
  return <CodeSelect {...props} items={options(DOCUMENT_TYPES, locale, props.only)} />;
}

/** A plain select over given values (province, city, year facets). */
export function ValueSelect(props: SelectProps & { values: readonly (string | number)[] }) {
  const items = props.values.map((v) => ({ value: String(v), label: String(v) }));
  return <CodeSelect {...props} items={items} />;
}
