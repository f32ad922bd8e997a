import { z } from "zod";
import { addCodesToGroup } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson } from "../../../_shared";
import { requireResource } from "../../../_auth";
import { zodText } from "@/lib/i18n/text";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const bodySchema = z.object({ codeIds: z.array(z.string().trim().min(1)).min(1, zodText("choose a code", "请选择编码")) });

/** POST { codeIds } → { added } (codes already in the group are left as they are) */
export async function POST(req: Request, ctx: { params: Promise<{ groupId: string }> }) {
  return handle(async () => {
    const { groupId } = await ctx.params;
    const { actor } = await requireResource(req, "code-group", groupId, "edit-codebook");
    const { codeIds } = await parseJson(req, bodySchema);
    return ok(await addCodesToGroup(getDb(), groupId, codeIds, { actor: actor.name }));
  });
}
