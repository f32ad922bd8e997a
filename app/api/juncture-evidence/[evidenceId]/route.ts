import { getDb } from "@/lib/db/client";
import { removeEvidence } from "@/lib/periods";
import { handle, ok } from "../../_shared";
import { requireResource } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** DELETE → { deleted: id } (the evidence link only; its coding, document or memo stays) */
export async function DELETE(req: Request, ctx: { params: Promise<{ evidenceId: string }> }) {
  return handle(async () => {
    const { evidenceId } = await ctx.params;
    const access = await requireResource(req, "juncture-evidence", evidenceId, "code");
    await removeEvidence(getDb(), { id: evidenceId, actor: access.actor.name });
    return ok({ deleted: evidenceId });
  });
}
