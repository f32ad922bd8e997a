import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MembersView } from "@/components/members/MembersView";
import { listMembers } from "@/lib/auth/accounts";
import { getDb } from "@/lib/db/client";
import { requirePageProject } from "@/app/coder";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.members"))("title") };
}

/** Owners manage who works in the project: add an existing user with a role, change it, reset a password, remove. */
export default async function MembersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requirePageProject(projectId, "manage");
  const members = await listMembers(getDb(), projectId);
  return <MembersView projectId={projectId} initialMembers={members} />;
}
