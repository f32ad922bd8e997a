import { z } from "zod";
import { versionQuerySchema } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { deleteStage, stagePatchSchema, updateStage } from "@/lib/periods";
import { handle, ok, parseJson, parseQuery } from "../../_shared";
import { requireResource } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ stageId: string }> };

const patchSchema = stagePatchSchema.extend({ version: z.number().int().min(1) });

/** PATCH { version, …fields } → { stage } | 409 stale or breaking a rule */
export async function PATCH(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { stageId } = await ctx.params;
    const access = await requireResource(req, "stage", stageId, "code");
    const { version, ...patch } = await parseJson(req, patchSchema);
    return ok({ stage: await updateStage(getDb(), { id: stageId, version, patch, actor: access.actor.name }) });
  });
}

/** DELETE ?version=N → { deleted: id } | 409 stale or stranding a juncture */
export async function DELETE(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { stageId } = await ctx.params;
    const access = await requireResource(req, "stage", stageId, "code");
    const { version } = parseQuery(req, versionQuerySchema);
    await deleteStage(getDb(), { id: stageId, version, actor: access.actor.name });
    return ok({ deleted: stageId });
  });
}
