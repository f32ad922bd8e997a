import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CodebookView } from "@/components/codebook/CodebookView";
import type { TemplateInfo } from "@/components/codebook/types";
import { CODEBOOK_TEMPLATES, getCodebook, listCodeGroups, TEMPLATE_KEYS, walkTemplateCodes } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { requirePageProject } from "@/app/coder";
import { blindScopeFor } from "@/app/api/_auth";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell"))("tabs.codebook") };
}

/** The built-in codebooks offered by "Add template…". */
function templateInfos(): TemplateInfo[] {
  return TEMPLATE_KEYS.map((key) => {
    const t = CODEBOOK_TEMPLATES[key];
    return {
      key,
      labelZh: t.labelZh,
      labelEn: t.labelEn,
      groupName: t.group.name,
      shortNames: [...walkTemplateCodes(t.codes)].map((x) => x.code.shortName),
    };
  });
}

export default async function CodebookPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { actor } = await requirePageProject(projectId, "read");
  const db = getDb();
  const blind = await blindScopeFor(actor, projectId);
  const [codebook, groups] = await Promise.all([getCodebook(db, projectId, { blind }), listCodeGroups(db, projectId)]);
  return <CodebookView projectId={projectId} initialCodebook={codebook} initialGroups={groups} templates={templateInfos()} />;
}
