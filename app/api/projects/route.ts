import { addOwner, visibleProjectIds } from "@/lib/auth/accounts";
import { ensureUser } from "@/lib/coding/ensure-user";
import { createProject, createProjectSchema, listProjects } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { created, handle, ok, parseJson } from "../_shared";
import { requireUser } from "../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/projects → { projects: ProjectSummary[] } (the user's projects; an admin's: all) */
export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireUser(req);
    const db = getDb();
    const visible = actor.id ? await visibleProjectIds(db, { id: actor.id, name: actor.name, isAdmin: actor.isAdmin }) : null;
    const projects = await listProjects(db);
    return ok({ projects: visible ? projects.filter((p) => visible.has(p.id)) : projects });
  });
}

/** POST /api/projects { name, description?, templates?: string[] | "none" } → 201 { project: { id, name } }; the creator becomes its owner */
export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireUser(req);
    const input = await parseJson(req, createProjectSchema);
    const db = getDb();
    const project = await createProject(db, input);
    // The creator owns it (in the embedded workbench too, so a later team server keeps it theirs).
    await addOwner(db, project.id, actor.id ?? (await ensureUser(db, actor.name)).id);
    return created({ project: { id: project.id, name: project.name } });
  });
}
