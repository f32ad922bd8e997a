import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ProjectRoleProvider } from "@/components/auth/ProjectRole";
import { ProjectNav } from "@/components/shell/ProjectNav";
import { getProject } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { requirePageProject } from "@/app/coder";
import { can } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

async function loadProject(id: string) {
  try {
    return await getProject(getDb(), id);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

/** Project frame: name and the tabs Documents · Codebook · Search · Suggestions · Memos. */
export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const { role } = await requirePageProject(projectId, "read");
  const [project, t] = await Promise.all([loadProject(projectId), getTranslations("shell")]);
  return (
    <div className="flex min-h-[calc(100vh-2.5rem)] flex-col">
      <div className="border-b border-stone-200 bg-white px-4">
        <div className="flex flex-wrap items-end justify-between gap-x-6 pt-2">
          <div className="min-w-0 pb-1.5">
            <p className="text-[11px] text-stone-500">{t("project")}</p>
            <h1 className="truncate text-[15px] font-semibold" data-testid="project-name" title={project.description || project.name}>
              {project.name}
            </h1>
          </div>
          <ProjectNav projectId={project.id} canManage={role === "owner"} canAudit={can(role, "code")} />
        </div>
      </div>
      <main className="flex-1 px-4 py-3">
        <ProjectRoleProvider role={role}>{children}</ProjectRoleProvider>
      </main>
    </div>
  );
}
