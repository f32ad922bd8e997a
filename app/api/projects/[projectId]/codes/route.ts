import { z } from "zod";
import { createCode, createCodeSchema, getCodebook, listCodeGroups, searchCodes } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { created, handle, ok, parseJson, parseQuery } from "../../../_shared";
import { blindScopeFor, requireProject } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

const querySchema = z.object({ q: z.string().max(200).optional() });

/** GET → { codebook: CodeNode[], groups: CodeGroupInfo[] }; GET ?q=… → { hits: CodeSearchHit[] } */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    const { q } = parseQuery(req, querySchema);
    const db = getDb();
    if (q !== undefined) return ok({ hits: await searchCodes(db, projectId, q) });
    const blind = await blindScopeFor(actor, projectId);
    const [codebook, groups] = await Promise.all([getCodebook(db, projectId, { blind }), listCodeGroups(db, projectId)]);
    return ok({ codebook, groups });
  });
}

/** POST { shortName, parentId?, labelZh?, labelEn?, definition?, inclusion?, exclusion?, example?, color?, keywords? } → 201 { code } */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "edit-codebook");
    const body = await parseJson(req, createCodeSchema.omit({ projectId: true }));
    return created({ code: await createCode(getDb(), { ...body, projectId }, { actor: actor.name }) });
  });
}
