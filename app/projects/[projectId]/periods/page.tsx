import { requirePageProject } from "@/app/coder";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { regionLabel } from "@/components/documents/labels";
import { PeriodsView } from "@/components/periods/PeriodsView";
import { getDb } from "@/lib/db/client";
import { listPeriods, periodGroupings } from "@/lib/periods";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell"))("tabs.periods") };
}

/** Periods of the project: the grouping in `?region=` (or `?field=&value=`), else the region with the most documents. */
export default async function PeriodsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  await requirePageProject(projectId, "read");
  const sp = await searchParams;
  const locale = (await getLocale()) === "zh" ? "zh" : "en";
  const db = getDb();
  const [{ groupings, documents }, periods] = await Promise.all([periodGroupings(db, projectId), listPeriods(db, projectId)]);
  const wanted =
    typeof sp.region === "string"
      ? { field: "region", value: sp.region }
      : typeof sp.field === "string" && typeof sp.value === "string"
        ? { field: sp.field, value: sp.value }
        : null;
  const initial = groupings.find((g) => wanted && g.field === wanted.field && g.value === wanted.value) ?? groupings[0] ?? null;
  return (
    <PeriodsView
      projectId={projectId}
      groupings={groupings.map((g) => ({ ...g, label: g.field === "region" ? regionLabel(g.value)[locale] : g.value }))}
      initialScope={initial ? { field: initial.field, value: initial.value } : null}
      initialPeriods={periods}
      documents={documents}
    />
  );
}
