import { getDb } from "@/lib/db/client";
import { addEvidence, evidenceInputSchema } from "@/lib/periods";
import { created, handle, parseJson } from "../../../_shared";
import { requireResource } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST { kind: coding|document|memo|passage, targetId, start?, end?, note? } → 201 { juncture } (with its evidence) */
export async function POST(req: Request, ctx: { params: Promise<{ junctureId: string }> }) {
  return handle(async () => {
    const { junctureId } = await ctx.params;
    const access = await requireResource(req, "juncture", junctureId, "code");
    const evidence = await parseJson(req, evidenceInputSchema);
    return created({ juncture: await addEvidence(getDb(), { junctureId, evidence, actor: access.actor.name }) });
  });
}
