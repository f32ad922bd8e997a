import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { addEvidence, createJuncture, evidenceInputSchema, junctureInputSchema, scopeSchema } from "@/lib/periods";
import { created, handle, parseJson } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

const bodySchema = z.object({ scope: scopeSchema, juncture: junctureInputSchema, evidence: z.array(evidenceInputSchema).max(200).default([]) });

/**
 * POST { scope, juncture: { date, titleZh?, titleEn?, type?, description? }, evidence?: [...] } → 201 { juncture }.
 * Accepting a suggestion is this call with the suggestion's passages as evidence.
 */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const access = await requireProject(req, projectId, "code");
    const { scope, juncture, evidence } = await parseJson(req, bodySchema);
    const db = getDb();
    const actor = access.actor.name;
    let view = await createJuncture(db, { projectId, scope, juncture, actor });
    for (const e of evidence) view = await addEvidence(db, { junctureId: view.id, evidence: e, actor });
    return created({ juncture: view });
  });
}
