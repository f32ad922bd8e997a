import { z } from "zod";
import { clearConsensus, consensusDecisionSchema, decideConsensus } from "@/lib/agreement/consensus";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson, parseQuery } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST { unitId, codeId, accept: coder names ([] = neither) } → the decision, recorded as the current coder's. */
export async function POST(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const access = await requireProject(req, projectId, "manage");
    const body = await parseJson(req, consensusDecisionSchema.omit({ decidedBy: true }));
    return ok(await decideConsensus(getDb(), projectId, { ...body, decidedBy: access.actor.name }));
  });
}

/** DELETE ?unitId=…&codeId=… → { removed }: the disagreement is undecided again. */
export async function DELETE(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "manage");
    const q = parseQuery(req, z.object({ unitId: z.string(), codeId: z.string() }));
    return ok(await clearConsensus(getDb(), projectId, q));
  });
}
