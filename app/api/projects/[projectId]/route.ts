import { deleteProject, deleteProjectSchema, getProject } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson } from "../../_shared";
import { requireProject } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/projects/:projectId → { project } */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "read");
    return ok({ project: await getProject(getDb(), projectId) });
  });
}

/**
 * DELETE /api/projects/:projectId { confirmName } → { deleted: projectId } (documents, codes,
 * codings and memos go with it) | 400 when confirmName is not exactly the project's name
 */
export async function DELETE(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "manage");
    const { confirmName } = await parseJson(req, deleteProjectSchema);
    await deleteProject(getDb(), { id: projectId, confirmName });
    return ok({ deleted: projectId });
  });
}
