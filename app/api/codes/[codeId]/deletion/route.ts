import { describeCodeDeletion } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../../_shared";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET → { impact: { codings, descendants, descendantCodings, … } } — what deleting the code would remove */
export async function GET(_req: Request, ctx: { params: Promise<{ codeId: string }> }) {
  return handle(async () => {
    const { codeId } = await ctx.params;
    return ok({ impact: await describeCodeDeletion(getDb(), codeId) });
  });
}
