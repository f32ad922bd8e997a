import { documentFacets, getProject } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/projects/:projectId/documents/facets → { facets: { regions, provinces, cities, years, docTypes, levels } } */
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "read");
    const db = getDb();
    await getProject(db, projectId);
    return ok({ facets: await documentFacets(db, projectId) });
  });
}
