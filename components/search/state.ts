/**
 * The search form's state and its two serialisations: the page URL (so that a concordance
 * can be bookmarked, shared or reopened from a memo) and the API request body.
 */
import type { SearchHit, SearchResult } from "@/lib/search/search-corpus";

/** Search modes; their labels are search.modes.<value> in the catalogues. */
export const MODES = [{ value: "substring" }, { value: "word" }, { value: "regex" }] as const;
export type Mode = (typeof MODES)[number]["value"];

export type SearchState = {
  q: string;
  mode: Mode;
  region: string[];
  province: string[];
  city: string[];
  docType: string[];
  level: string[];
  yearFrom: string;
  yearTo: string;
  codedWith: string[];
  notCodedWith: string[];
};

const LISTS = ["region", "province", "city", "docType", "level", "codedWith", "notCodedWith"] as const;

export const EMPTY_STATE: SearchState = {
  q: "",
  mode: "substring",
  region: [],
  province: [],
  city: [],
  docType: [],
  level: [],
  yearFrom: "",
  yearTo: "",
  codedWith: [],
  notCodedWith: [],
};

type Params = Record<string, string | string[] | undefined>;

function first(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

export function stateFromParams(sp: Params): SearchState {
  const mode = first(sp.mode);
  const s: SearchState = {
    ...EMPTY_STATE,
    q: first(sp.q),
    mode: MODES.some((m) => m.value === mode) ? (mode as Mode) : "substring",
    yearFrom: first(sp.yearFrom).replace(/\D/g, ""),
    yearTo: first(sp.yearTo).replace(/\D/g, ""),
  };
  for (const k of LISTS) {
    const raw = sp[k];
    const values = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((v) => v.split(","));
    s[k] = values.map((v) => v.trim()).filter((v) => v !== "");
  }
  return s;
}

export function stateToParams(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  if (s.mode !== "substring") p.set("mode", s.mode);
  for (const k of LISTS) if (s[k].length > 0) p.set(k, s[k].join(","));
  if (s.yearFrom) p.set("yearFrom", s.yearFrom);
  if (s.yearTo) p.set("yearTo", s.yearTo);
  return p;
}

export function hasFilters(s: SearchState): boolean {
  return LISTS.some((k) => s[k].length > 0) || s.yearFrom !== "" || s.yearTo !== "";
}

/** Results are loaded in one page this large; the table is virtualised. */
export const RESULT_LIMIT = 5000;

export function stateToRequest(s: SearchState) {
  const year =
    s.yearFrom || s.yearTo
      ? { ...(s.yearFrom ? { from: Number(s.yearFrom) } : {}), ...(s.yearTo ? { to: Number(s.yearTo) } : {}) }
      : undefined;
  const nonEmpty = (v: string[]) => (v.length > 0 ? v : undefined);
  return {
    query: s.q,
    mode: s.mode,
    filters: {
      region: nonEmpty(s.region),
      province: nonEmpty(s.province),
      city: nonEmpty(s.city),
      docType: nonEmpty(s.docType),
      level: nonEmpty(s.level),
      year,
      codedWith: nonEmpty(s.codedWith),
      notCodedWith: nonEmpty(s.notCodedWith),
    },
    contextChars: 40,
    limit: RESULT_LIMIT,
    offset: 0,
  };
}

/** A hit and a result page as the client receives them (plain data: no dates to revive). */
export type Hit = SearchHit;
export type SearchResponse = SearchResult;

export function hitKey(h: Hit): string {
  return `${h.unitId}:${h.start}:${h.end}`;
}
