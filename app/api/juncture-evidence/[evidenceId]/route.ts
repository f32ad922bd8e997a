import { currentCoderName } from "@/app/coder";
import { getDb } from "@/lib/db/client";
import { removeEvidence } from "@/lib/periods";
import { handle, ok } from "../../_shared";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** DELETE → { deleted: id } (the evidence link only; its coding, document or memo stays) */
export async function DELETE(_req: Request, ctx: { params: Promise<{ evidenceId: string }> }) {
  return handle(async () => {
    const { evidenceId } = await ctx.params;
    await removeEvidence(getDb(), { id: evidenceId, actor: await currentCoderName() });
    return ok({ deleted: evidenceId });
  });
}
