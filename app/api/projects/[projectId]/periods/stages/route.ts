import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { createStage, scopeSchema, stageInputSchema } from "@/lib/periods";
import { created, handle, parseJson } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

const bodySchema = z.object({ scope: scopeSchema, stage: stageInputSchema });

/** POST { scope: { field, value }, stage: { nameZh?, nameEn?, start, end?, strategies? } } → 201 { stage } | 409 with every rule it breaks */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const access = await requireProject(req, projectId, "code");
    const { scope, stage } = await parseJson(req, bodySchema);
    return created({ stage: await createStage(getDb(), { projectId, scope, stage, actor: access.actor.name }) });
  });
}
