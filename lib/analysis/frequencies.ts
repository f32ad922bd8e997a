/**
 * Code frequencies: codings and coded sentence units per code, rolled up the tree, per group
 * of documents (or per coder). One result serves the frequency table, the bar chart and the
 * code × document table (groups are its columns, `total` its row totals, `groups` its column
 * totals).
 */
import { findDocumentBriefs, findStageBriefs, findUsersByIds, GROUP_KEY_SEPARATOR, queryDocumentGroups, queryFrequencies, type FrequencyRow } from "../db/analysis";
import type { Db } from "../db/client";
import { formatSpan } from "../periods/period-dates";
import { groupSpecOf, resolveScope, type AnalysisScopeInput } from "./scope";

export type FrequencyCell = {
  /** Codings with this code or a descendant. */
  codings: number;
  /** Distinct sentence units touched by a coding of this code or a descendant. */
  units: number;
  /** Codings with exactly this code. */
  ownCodings: number;
  /** Distinct units coded with exactly this code. */
  ownUnits: number;
  /** units / the parent's units in the same group; null for a top-level code or an empty parent. */
  shareOfParent: number | null;
  /** units / every coded unit of the group (of the selected codes); null when none. */
  shareOfAll: number | null;
  /** codings per 10,000 characters of the group's documents; null when they have no characters. */
  per10k: number | null;
};

export type FrequencyGroup = {
  key: string;
  /** A document's title or a coder's name; else the key (the interface translates region codes). */
  label: string;
  year?: number | null;
  /** Grouped by stage: the stage (its mega-region, names and years); null for the documents outside stages. */
  stage?: { region: string; nameZh: string; nameEn: string; startYear: number; span: string } | null;
  documents: number;
  chars: number;
  /** Codings of the selected codes in the group. */
  codings: number;
  /** Distinct sentence units coded with any selected code in the group. */
  codedUnits: number;
};

export type FrequencyCodeRow = {
  id: string;
  parentId: string | null;
  shortName: string;
  labelZh: string;
  labelEn: string;
  color: string;
  depth: number;
  total: FrequencyCell;
  /** By group key; every group is present. */
  cells: Record<string, FrequencyCell>;
};

export type FrequencyTable = {
  /** A built-in grouping or a document variable's name. */
  by: string;
  groups: FrequencyGroup[];
  codes: FrequencyCodeRow[];
  total: Omit<FrequencyGroup, "key" | "label">;
};

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

function index(rows: FrequencyRow[]): Map<string, FrequencyRow> {
  return new Map(rows.map((r) => [`${r.codeId}\u0000${r.group}`, r]));
}

export async function codeFrequencies(db: Db, input: AnalysisScopeInput & { by: string }): Promise<FrequencyTable> {
  const scope = await resolveScope(db, input);
  const by = input.by;
  const spec = groupSpecOf(scope, by);
  // Groups of documents partition codings and units (each belongs to one document), so their
  // sums are the totals and one query does; coders do not (two coders may code one unit).
  const grouped = await queryFrequencies(db, scope.sql, spec);
  const overall = spec === "code" ? grouped : spec === "coder" ? await queryFrequencies(db, scope.sql, "code") : sumGroups(grouped);
  const docTotals = (await queryDocumentGroups(db, scope.sql, "code"))[0] ?? { group: "", documents: 0, chars: 0 };
  const docGroups = spec === "coder" ? [] : spec === "code" ? [docTotals] : await queryDocumentGroups(db, scope.sql, spec);

  // Groups: every group of documents in scope (an uncoded region shows as zeros), or every coder who coded.
  const totalsByGroup = new Map(grouped.totals.map((t) => [t.group, t]));
  const keys = by === "coder" ? grouped.totals.map((t) => t.group) : docGroups.map((g) => g.group);
  const docByGroup = new Map(docGroups.map((g) => [g.group, g]));
  const labels = new Map<string, { label: string; year?: number | null; stage?: FrequencyGroup["stage"] }>();
  if (by === "stage") {
    for (const st of await findStageBriefs(db, input.projectId, keys)) {
      const span = formatSpan({ year: st.startYear, month: st.startMonth }, st.endYear === null ? null : { year: st.endYear, month: st.endMonth });
      const name = st.nameZh || st.nameEn;
      labels.set(st.id, {
        label: `${st.scopeValue} ${span}${name ? ` ${name}` : ""}`,
        stage: { region: st.scopeValue, nameZh: st.nameZh, nameEn: st.nameEn, startYear: st.startYear, span },
      });
    }
  } else if (by === "document") {
    for (const d of await findDocumentBriefs(db, input.projectId, keys)) labels.set(d.id, { label: d.title, year: d.year });
  } else if (by === "coder") {
    for (const u of await findUsersByIds(db, keys)) labels.set(u.id, { label: u.name });
  }
  const groups: FrequencyGroup[] = keys.map((key) => {
    const docs = by === "coder" ? docTotals : docByGroup.get(key);
    const t = totalsByGroup.get(key);
    return {
      key,
      label: labels.get(key)?.label ?? (by.includes("+") ? key.split(GROUP_KEY_SEPARATOR).map((k) => k || "–").join(" · ") : key),
      ...(by === "document" ? { year: labels.get(key)?.year ?? null } : {}),
      ...(by === "stage" ? { stage: labels.get(key)?.stage ?? null } : {}),
      documents: docs?.documents ?? 0,
      chars: docs?.chars ?? 0,
      codings: t?.codings ?? 0,
      codedUnits: t?.units ?? 0,
    };
  });
  sortGroups(groups, by);

  const overallTotal = overall.totals[0] ?? { group: "", codings: 0, units: 0 };
  const ownAll = index(overall.own);
  const rolledAll = index(overall.rolled);
  const ownG = index(grouped.own);
  const rolledG = index(grouped.rolled);
  const selected = new Set(scope.codes.map((c) => c.id));
  const cell = (
    own: Map<string, FrequencyRow>,
    rolled: Map<string, FrequencyRow>,
    codeId: string,
    parentId: string | null,
    group: string,
    codedUnits: number,
    chars: number,
  ): FrequencyCell => {
    const k = `${codeId}\u0000${group}`;
    const units = rolled.get(k)?.units ?? 0;
    const codings = rolled.get(k)?.codings ?? 0;
    const parentUnits = parentId !== null && selected.has(parentId) ? (rolled.get(`${parentId}\u0000${group}`)?.units ?? 0) : null;
    return {
      codings,
      units,
      ownCodings: own.get(k)?.codings ?? 0,
      ownUnits: own.get(k)?.units ?? 0,
      shareOfParent: parentUnits === null ? null : ratio(units, parentUnits),
      shareOfAll: ratio(units, codedUnits),
      per10k: ratio(codings * 10_000, chars),
    };
  };
  const codes = scope.codes.map((c) => ({
    id: c.id,
    parentId: c.parentId,
    shortName: c.shortName,
    labelZh: c.labelZh,
    labelEn: c.labelEn,
    color: c.color,
    depth: c.depth,
    total: cell(ownAll, rolledAll, c.id, c.parentId, "", overallTotal.units, docTotals.chars),
    cells: Object.fromEntries(groups.map((g) => [g.key, cell(ownG, rolledG, c.id, c.parentId, g.key, g.codedUnits, g.chars)])),
  }));
  return {
    by,
    groups,
    codes,
    total: { documents: docTotals.documents, chars: docTotals.chars, codings: overallTotal.codings, codedUnits: overallTotal.units },
  };
}

function sumGroups(g: Awaited<ReturnType<typeof queryFrequencies>>): Awaited<ReturnType<typeof queryFrequencies>> {
  const sum = (rows: FrequencyRow[]) => {
    const by = new Map<string, FrequencyRow>();
    for (const r of rows) {
      const t = by.get(r.codeId);
      if (t) {
        t.codings += r.codings;
        t.units += r.units;
      } else by.set(r.codeId, { codeId: r.codeId, group: "", codings: r.codings, units: r.units });
    }
    return [...by.values()];
  };
  const totals = g.totals.reduce((t, r) => ({ group: "", codings: t.codings + r.codings, units: t.units + r.units }), { group: "", codings: 0, units: 0 });
  return { own: sum(g.own), rolled: sum(g.rolled), totals: g.totals.length ? [totals] : [] };
}

/** Years ascending (unknown last), documents by year then title, stages by region then start (outside last), other keys alphabetically. */
function sortGroups(groups: FrequencyGroup[], by: string) {
  const yearOf = (g: FrequencyGroup) => (by === "year" ? (g.key === "" ? null : Number(g.key)) : (g.year ?? null));
  groups.sort((a, b) => {
    if (by === "stage") {
      if (!a.stage || !b.stage) return a.stage ? -1 : b.stage ? 1 : 0;
      return a.stage.region.localeCompare(b.stage.region) || a.stage.startYear - b.stage.startYear || a.key.localeCompare(b.key);
    }
    if (by === "year" || by === "document") {
      const ya = yearOf(a);
      const yb = yearOf(b);
      if (ya !== yb) return ya === null ? 1 : yb === null ? -1 : ya - yb;
    }
    return a.label.localeCompare(b.label) || a.key.localeCompare(b.key);
  });
}
