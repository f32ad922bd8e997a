import { describeCodeDeletion } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../../_shared";
import { requireResource } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET → { impact: { codings, descendants, descendantCodings, … } } — what deleting the code would remove */
export async function GET(req: Request, ctx: { params: Promise<{ codeId: string }> }) {
  return handle(async () => {
    const { codeId } = await ctx.params;
    await requireResource(req, "code", codeId, "read");
    return ok({ impact: await describeCodeDeletion(getDb(), codeId) });
  });
}
