import { createProject, createProjectSchema, listProjects } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { created, handle, ok, parseJson } from "../_shared";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/projects → { projects: ProjectSummary[] } */
export async function GET() {
  return handle(async () => ok({ projects: await listProjects(getDb()) }));
}

/** POST /api/projects { name, description?, templates?: string[] | "none" } → 201 { project: { id, name } } */
export async function POST(req: Request) {
  return handle(async () => {
    const input = await parseJson(req, createProjectSchema);
    const project = await createProject(getDb(), input);
    return created({ project: { id: project.id, name: project.name } });
  });
}
