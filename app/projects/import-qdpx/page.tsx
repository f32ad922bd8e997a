import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportQdpx } from "@/components/exchange/ImportQdpx";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("exchange.import"))("title") };
}

/**
 * Import of a REFI-QDA project (.qdpx) into a new project, or of a codebook (.qdc) into an
 * existing one (`?project=<id>` preselects it); the routes check who is signed in and may edit.
 */
export default async function ImportQdpxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const project = (await searchParams).project;
  return <ImportQdpx projectId={typeof project === "string" ? project : undefined} />;
}
