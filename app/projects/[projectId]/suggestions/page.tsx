import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SuggestionsView } from "@/components/suggestions/SuggestionsView";
import { getCodebook } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { requirePageProject } from "@/app/coder";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell"))("tabs.suggestions") };
}

export default async function SuggestionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  await requirePageProject(projectId, "read");
  const sp = await searchParams;
  const codeId = typeof sp.codeId === "string" && sp.codeId !== "" ? sp.codeId : null;
  const codebook = await getCodebook(getDb(), projectId);
  return <SuggestionsView projectId={projectId} initialCodebook={codebook} initialCodeId={codeId} />;
}
