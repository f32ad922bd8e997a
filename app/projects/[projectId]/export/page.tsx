import { requirePageProject } from "@/app/coder";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ExportView } from "@/components/exchange/ExportView";
import { getAgreementChoices } from "@/lib/agreement/load-agreement-input";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("exchange"))("title") };
}

/** Export of the project: formats and filters; the file comes from GET /api/projects/[projectId]/export. */
export default async function ExportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requirePageProject(projectId, "read");
  let choices;
  try {
    // The same choices as the agreement view: who coded, the codes in tree order, the documents.
    choices = await getAgreementChoices(getDb(), projectId);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
  return <ExportView projectId={projectId} choices={choices} />;
}
