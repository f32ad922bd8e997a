import { deleteCodeGroup } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../_shared";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** DELETE → { deleted: groupId } (the group only; its codes stay) */
export async function DELETE(_req: Request, ctx: { params: Promise<{ groupId: string }> }) {
  return handle(async () => {
    const { groupId } = await ctx.params;
    await deleteCodeGroup(getDb(), groupId);
    return ok({ deleted: groupId });
  });
}
