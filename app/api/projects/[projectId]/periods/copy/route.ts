import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { copyPeriods, scopeSchema } from "@/lib/periods";
import { created, handle, parseJson } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

const bodySchema = z.object({ from: scopeSchema, to: scopeSchema });

/** POST { from, to } → 201 { periods: ScopePeriods } (the target's stages and junctures after the copy) */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const access = await requireProject(req, projectId, "code");
    const { from, to } = await parseJson(req, bodySchema);
    return created({ periods: await copyPeriods(getDb(), { projectId, from, to, actor: access.actor.name }) });
  });
}
