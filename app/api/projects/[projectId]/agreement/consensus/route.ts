import { loadConsensusCodings } from "@/lib/agreement/consensus";
import { agreementQuerySchema } from "@/lib/agreement/load-agreement-input";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseQuery } from "../../../../_shared";
import { requireProject, requireUnblinded } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET ?coders=a,b&codes=…&documents=… → { codings, pending }: the consensus codings of those coders. */
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    await requireUnblinded(actor, projectId);
    return ok(await loadConsensusCodings(getDb(), projectId, parseQuery(req, agreementQuerySchema)));
  });
}
