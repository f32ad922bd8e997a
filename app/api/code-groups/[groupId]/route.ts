import { deleteCodeGroup } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../_shared";
import { requireResource } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** DELETE → { deleted: groupId } (the group only; its codes stay) */
export async function DELETE(req: Request, ctx: { params: Promise<{ groupId: string }> }) {
  return handle(async () => {
    const { groupId } = await ctx.params;
    const { actor } = await requireResource(req, "code-group", groupId, "edit-codebook");
    await deleteCodeGroup(getDb(), groupId, { actor: actor.name });
    return ok({ deleted: groupId });
  });
}
