import { listRounds, openRound, openRoundSchema } from "@/lib/coding/rounds";
import { getDb } from "@/lib/db/client";
import { created, handle, ok, parseJson } from "../../../_shared";
import { requireProject } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/projects/:projectId/rounds → { rounds } (members): open and closed blind rounds, newest first */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "read");
    return ok({ rounds: await listRounds(getDb(), projectId) });
  });
}

/**
 * POST { name, documentIds, coders } → 201 { round } (owners). The coders are user names of
 * two or more members with the coder role; unknown documents or non-coders are refused by name.
 */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "manage");
    const input = await parseJson(req, openRoundSchema);
    return created({ round: await openRound(getDb(), { projectId, by: actor.name, input, coderRole: true }) });
  });
}
