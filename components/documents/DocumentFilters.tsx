"use client";

import { FilterX, Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { inputClass } from "@/components/shell/ui";
import { DocTypeSelect, LevelSelect, RegionSelect, ValueSelect } from "./selects";
import type { DocumentQuery, Facets } from "./types";

const FILTER_KEYS = ["region", "province", "city", "year", "docType", "level", "q"] as const;

/**
 * Filters over the document list. Every choice goes into the URL query (so a
 * filtered list can be bookmarked or shared) and the server lists accordingly.
 */
export function DocumentFilters({
  query,
  facets,
  onChange,
}: {
  query: DocumentQuery;
  facets: Facets;
  onChange: (patch: Partial<DocumentQuery>) => void;
}) {
  const t = useTranslations("documents");
  const [q, setQ] = useState(query.q ?? "");
  const last = useRef(query.q ?? "");

  // The title search is applied 300 ms after typing stops.
  useEffect(() => {
    if (q === last.current) return;
    const timer = setTimeout(() => {
      last.current = q;
      onChange({ q: q.trim() === "" ? undefined : q.trim() });
    }, 300);
    return () => clearTimeout(timer);
  }, [q, onChange]);

  // Follow the URL when it changes from elsewhere (back button, "clear").
  useEffect(() => {
    const fromUrl = query.q ?? "";
    if (fromUrl !== last.current) {
      last.current = fromUrl;
      setQ(fromUrl);
    }
  }, [query.q]);

  const active = FILTER_KEYS.some((k) => query[k] !== undefined && query[k] !== "");
  const set = (key: keyof DocumentQuery) => (value: string) => onChange({ [key]: value === "" ? undefined : value });

  return (
    <div className="flex flex-wrap items-end gap-2" role="search" aria-label={t("filters.label")}>
      <label className="relative w-56">
        <span className="sr-only">{t("filters.searchTitles")}</span>
        <Search size={14} className="pointer-events-none absolute top-2 left-2 text-stone-400" aria-hidden />
        <input
          type="search"
          name="q"
          className={`${inputClass} pl-7`}
          placeholder={t("filters.titlePlaceholder")}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              last.current = q;
              onChange({ q: q.trim() === "" ? undefined : q.trim() });
            }
          }}
        />
      </label>
      <FilterBox className="w-44" label={t("columns.region")}>
        <RegionSelect
          name="region"
          value={query.region ?? ""}
          onChange={set("region")}
          emptyLabel={t("filters.all")}
          only={withCurrent(facets.regions, query.region)}
        />
      </FilterBox>
      <FilterBox className="w-32" label={t("columns.province")}>
        <ValueSelect
          name="province"
          value={query.province ?? ""}
          onChange={set("province")}
          emptyLabel={t("filters.all")}
          values={withCurrent(facets.provinces, query.province)}
        />
      </FilterBox>
      <FilterBox className="w-28" label={t("columns.city")}>
        <ValueSelect
          name="city"
          value={query.city ?? ""}
          onChange={set("city")}
          emptyLabel={t("filters.all")}
          values={withCurrent(facets.cities, query.city)}
        />
      </FilterBox>
      <FilterBox className="w-24" label={t("columns.year")}>
        <ValueSelect
          name="year"
          value={query.year ?? ""}
          onChange={set("year")}
          emptyLabel={t("filters.all")}
          values={withCurrent(facets.years.map(String), query.year)}
        />
      </FilterBox>
      <FilterBox className="w-40" label={t("columns.type")}>
        <DocTypeSelect
          name="docType"
          value={query.docType ?? ""}
          onChange={set("docType")}
          emptyLabel={t("filters.all")}
          only={withCurrent(facets.docTypes, query.docType)}
        />
      </FilterBox>
      <FilterBox className="w-32" label={t("columns.level")}>
        <LevelSelect
          name="level"
          value={query.level ?? ""}
          onChange={set("level")}
          emptyLabel={t("filters.all")}
          only={withCurrent(facets.levels, query.level)}
        />
      </FilterBox>
      {active ? (
        <button
          type="button"
          className="inline-flex h-8 items-center gap-1 rounded px-2 text-xs text-stone-600 hover:bg-stone-200/70"
          onClick={() => {
            last.current = "";
            setQ("");
            onChange(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])));
          }}
          title={t("filters.clearTitle")}
        >
          <FilterX size={14} /> {t("filters.clear")}
        </button>
      ) : null}
    </div>
  );
}

function FilterBox({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <label className={`flex flex-col gap-0.5 ${className}`}>
      <span className="text-[10px] font-medium tracking-wide text-stone-500">{label}</span>
      {children}
    </label>
  );
}

/** Keeps the selected value visible even when no document has it any more. */
function withCurrent(values: readonly string[], current: string | undefined): string[] {
  return current && !values.includes(current) ? [...values, current] : [...values];
}
