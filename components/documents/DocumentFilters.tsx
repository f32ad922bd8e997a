"use client";

import { FilterX, Search } from "lucide-react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { inputClass } from "@/components/shell/ui";
import { regionZh } from "./labels";
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
  const [q, setQ] = useState(query.q ?? "");
  const last = useRef(query.q ?? "");

  // The title search is applied 300 ms after typing stops.
  useEffect(() => {
    if (q === last.current) return;
    const t = setTimeout(() => {
      last.current = q;
      onChange({ q: q.trim() === "" ? undefined : q.trim() });
    }, 300);
    return () => clearTimeout(t);
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
    <div className="flex flex-wrap items-end gap-2" role="search" aria-label="筛选文档 Filter documents">
      <label className="relative w-56">
        <span className="sr-only">标题搜索 Search titles</span>
        <Search size={14} className="pointer-events-none absolute top-2 left-2 text-stone-400" aria-hidden />
        <input
          type="search"
          name="q"
          className={`${inputClass} pl-7`}
          placeholder="标题 / 文件名 Title or file name"
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
      <FilterBox className="w-44" label="城市群 Region">
        <RegionSelect
          name="region"
          value={query.region ?? ""}
          onChange={set("region")}
          emptyLabel="全部 All"
          only={withCurrent(facets.regions, query.region)}
        />
      </FilterBox>
      <FilterBox className="w-32" label="省份 Province">
        <ValueSelect
          name="province"
          value={query.province ?? ""}
          onChange={set("province")}
          emptyLabel="全部 All"
          values={withCurrent(facets.provinces, query.province)}
        />
      </FilterBox>
      <FilterBox className="w-28" label="城市 City">
        <ValueSelect
          name="city"
          value={query.city ?? ""}
          onChange={set("city")}
          emptyLabel="全部 All"
          values={withCurrent(facets.cities, query.city)}
        />
      </FilterBox>
      <FilterBox className="w-24" label="年份 Year">
        <ValueSelect
          name="year"
          value={query.year ?? ""}
          onChange={set("year")}
          emptyLabel="全部 All"
          values={withCurrent(facets.years.map(String), query.year)}
        />
      </FilterBox>
      <FilterBox className="w-40" label="类型 Type">
        <DocTypeSelect
          name="docType"
          value={query.docType ?? ""}
          onChange={set("docType")}
          emptyLabel="全部 All"
          only={withCurrent(facets.docTypes, query.docType)}
        />
      </FilterBox>
      <FilterBox className="w-32" label="层级 Level">
        <LevelSelect
          name="level"
          value={query.level ?? ""}
          onChange={set("level")}
          emptyLabel="全部 All"
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
          title={query.region ? `清除筛选（${regionZh(query.region)}…）` : "清除筛选"}
        >
          <FilterX size={14} /> 清除 Clear
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
