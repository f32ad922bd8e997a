import { requirePageProject } from "@/app/coder";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AnalysisView } from "@/components/analysis/AnalysisView";
import { listVariables, variableTable } from "@/lib/analysis";
import { getCodebook, listCodeGroups } from "@/lib/codebook";
import { documentFacets } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analysis"))("title") };
}

/** Analysis: frequencies, code × document table, co-occurrence; every number opens its passages. */
export default async function AnalysisPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requirePageProject(projectId, "read");
  const db = getDb();
  const [facets, groups, codebook, variables, table, locale] = await Promise.all([
    documentFacets(db, projectId),
    listCodeGroups(db, projectId),
    getCodebook(db, projectId),
    listVariables(db, projectId),
    variableTable(db, projectId),
    getLocale(),
  ]);
  const codeSelections = [
    ...groups.map((g) => ({ value: g.name, label: locale === "zh" && g.labelZh ? g.labelZh : g.name })),
    ...codebook.map((c) => ({ value: c.shortName, label: `${c.shortName} ${locale === "zh" ? c.labelZh || c.labelEn : c.labelEn || c.labelZh}`.trim() })),
  ];
  return (
    <AnalysisView
      projectId={projectId}
      facets={facets}
      codeSelections={codeSelections}
      variables={variables.map(({ name, labelZh, labelEn, kind, categories }) => ({ name, labelZh, labelEn, kind, categories }))}
      variableTable={table}
    />
  );
}
