import { moveCode, moveCodeSchema } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson } from "../../../_shared";
import { requireResource } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST { newParentId: string | null, position? } → { code } (a move under the code's own descendants is refused, 400) */
export async function POST(req: Request, ctx: { params: Promise<{ codeId: string }> }) {
  return handle(async () => {
    const { codeId } = await ctx.params;
    const { actor } = await requireResource(req, "code", codeId, "edit-codebook");
    const body = await parseJson(req, moveCodeSchema.omit({ codeId: true }));
    return ok({ code: await moveCode(getDb(), { ...body, codeId }, { actor: actor.name }) });
  });
}
