import { describeProjectDeletion } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../../_shared";
import { requireProject } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/projects/:projectId/deletion → { impact: { name, documents, codings, memos, codes } } */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "manage");
    return ok({ impact: await describeProjectDeletion(getDb(), projectId) });
  });
}
