import { deleteProject, getProject } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../_shared";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/projects/:projectId → { project } */
export async function GET(_req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    return ok({ project: await getProject(getDb(), projectId) });
  });
}

/** DELETE /api/projects/:projectId → { deleted: projectId } (documents, codes and codings go with it) */
export async function DELETE(_req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await deleteProject(getDb(), projectId);
    return ok({ deleted: projectId });
  });
}
