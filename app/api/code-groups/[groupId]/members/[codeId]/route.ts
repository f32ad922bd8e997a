import { removeCodeFromGroup } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../../../_shared";
import { requireResource } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** DELETE → { removed: boolean } (the code leaves the group; the code itself stays) */
export async function DELETE(req: Request, ctx: { params: Promise<{ groupId: string; codeId: string }> }) {
  return handle(async () => {
    const { groupId, codeId } = await ctx.params;
    const { actor } = await requireResource(req, "code-group", groupId, "edit-codebook");
    return ok(await removeCodeFromGroup(getDb(), groupId, codeId, { actor: actor.name }));
  });
}
