import { z } from "zod";
import { versionQuerySchema } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { deleteJuncture, juncturePatchSchema, updateJuncture } from "@/lib/periods";
import { handle, ok, parseJson, parseQuery } from "../../_shared";
import { requireResource } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ junctureId: string }> };

const patchSchema = juncturePatchSchema.extend({ version: z.number().int().min(1) });

/** PATCH { version, …fields } → { juncture } | 409 stale or breaking a rule */
export async function PATCH(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { junctureId } = await ctx.params;
    const access = await requireResource(req, "juncture", junctureId, "code");
    const { version, ...patch } = await parseJson(req, patchSchema);
    return ok({ juncture: await updateJuncture(getDb(), { id: junctureId, version, patch, actor: access.actor.name }) });
  });
}

/** DELETE ?version=N → { deleted: id } | 409 stale or (never refused by a rule) */
export async function DELETE(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { junctureId } = await ctx.params;
    const access = await requireResource(req, "juncture", junctureId, "code");
    const { version } = parseQuery(req, versionQuerySchema);
    await deleteJuncture(getDb(), { id: junctureId, version, actor: access.actor.name });
    return ok({ deleted: junctureId });
  });
}
