import { describeProjectDeletion } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../../_shared";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/projects/:projectId/deletion → { impact: { name, documents, codings, memos, codes } } */
export async function GET(_req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    return ok({ impact: await describeProjectDeletion(getDb(), projectId) });
  });
}
