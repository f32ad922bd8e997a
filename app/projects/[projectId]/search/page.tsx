import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SearchView } from "@/components/search/SearchView";
import { stateFromParams } from "@/components/search/state";
import { getCodebook } from "@/lib/codebook";
import { documentFacets } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { requirePageProject } from "@/app/coder";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell"))("tabs.search") };
}

/** Corpus search; the form's state lives in the URL (?q, mode, filters) so a search can be shared. */
export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  await requirePageProject(projectId, "read");
  const db = getDb();
  const [facets, codebook] = await Promise.all([documentFacets(db, projectId), getCodebook(db, projectId)]);
  return <SearchView projectId={projectId} facets={facets} codebook={codebook} initial={stateFromParams(await searchParams)} />;
}
