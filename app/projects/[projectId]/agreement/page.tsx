import { requirePageProject } from "@/app/coder";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AgreementView } from "@/components/agreement/AgreementView";
import { getAgreementChoices } from "@/lib/agreement/load-agreement-input";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agreement"))("title") };
}

const list = (v: string | string[] | undefined) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : []);

/** Intercoder agreement: `?coders=a,b&codes=…&documents=…` chooses what is compared (see components/agreement). */
export default async function AgreementPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  await requirePageProject(projectId, "read");
  const sp = await searchParams;
  let choices;
  try {
    choices = await getAgreementChoices(getDb(), projectId);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
  return (
    <AgreementView
      projectId={projectId}
      choices={choices}
      initial={{ coders: list(sp.coders), codes: list(sp.codes), documents: list(sp.documents) }}
    />
  );
}
