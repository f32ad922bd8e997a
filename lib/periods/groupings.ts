import type { Db } from "../db/client";
import { periodDocuments, periodScopes } from "../db/periods";
import type { Scope, ScopeField } from "./schemas";

export type PeriodGrouping = Scope & { documents: number };
export type PeriodDocument = { id: string; title: string; year: number | null; region: string; province: string; city: string };

/**
 * The groupings a periods view can show: every region, province and city the project's
 * documents carry (with their document counts), and any grouping that has periods but no
 * documents yet (e.g. Table 4.1's CC and SCLN in the demo). Regions first, most documents first.
 */
export async function periodGroupings(db: Db, projectId: string): Promise<{ groupings: PeriodGrouping[]; documents: PeriodDocument[] }> {
  const [documents, scopes] = await Promise.all([periodDocuments(db, projectId), periodScopes(db, projectId)]);
  const counts = new Map<string, PeriodGrouping>();
  const add = (field: ScopeField, value: string, n: number) => {
    if (!value || value === "other") return;
    const key = `${field}=${value}`;
    const g = counts.get(key) ?? { field, value, documents: 0 };
    g.documents += n;
    counts.set(key, g);
  };
  for (const d of documents) {
    add("region", d.region, 1);
    add("province", d.province, 1);
    add("city", d.city, 1);
  }
  for (const s of scopes) add(s.scopeField as ScopeField, s.scopeValue, 0);
  const order: Record<ScopeField, number> = { region: 0, province: 1, city: 2 };
  const groupings = [...counts.values()].sort((a, b) => order[a.field] - order[b.field] || b.documents - a.documents || a.value.localeCompare(b.value));
  return { groupings, documents };
}
