import { z } from "zod";
import { mergeCodes } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson } from "../../../_shared";
import { requireResource } from "../../../_auth";
import { zodText } from "@/lib/i18n/text";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const bodySchema = z.object({ targetId: z.string().trim().min(1, zodText("choose the code to merge into", "请选择目标编码")) });

/** POST { targetId } → { result: { movedCodings, droppedDuplicates, movedChildren } } — this code is merged into the target and removed */
export async function POST(req: Request, ctx: { params: Promise<{ codeId: string }> }) {
  return handle(async () => {
    const { codeId } = await ctx.params;
    const { actor } = await requireResource(req, "code", codeId, "edit-codebook");
    const { targetId } = await parseJson(req, bodySchema);
    return ok({ result: await mergeCodes(getDb(), { sourceId: codeId, targetId }, { actor: actor.name }) });
  });
}
