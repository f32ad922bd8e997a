import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoundsView } from "@/components/rounds/RoundsView";
import { listMembers } from "@/lib/auth/accounts";
import { listRounds } from "@/lib/coding/rounds";
import { listDocuments } from "@/lib/corpus/documents";
import { getDb } from "@/lib/db/client";
import { requirePageProject } from "@/app/coder";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rounds"))("title") };
}

/** Owners open and close blind rounds: documents and coders (members with the coder role) chosen here. */
export default async function RoundsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requirePageProject(projectId, "manage");
  const db = getDb();
  const [rounds, members, documents] = await Promise.all([listRounds(db, projectId), listMembers(db, projectId), listDocuments(db, projectId)]);
  return (
    <RoundsView
      projectId={projectId}
      initialRounds={rounds}
      documents={documents.map((d) => ({ id: d.id, title: d.title, year: d.year }))}
      coders={members.filter((m) => m.role === "coder").map((m) => m.name)}
    />
  );
}
