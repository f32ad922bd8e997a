import { getDb } from "@/lib/db/client";
import { searchCorpus, searchRequestSchema } from "@/lib/search";
import { handle, ok, parseJson } from "../../../_shared";
import { blindScopeFor, requireProject } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST { query, mode?: "substring"|"word"|"regex", filters?, contextChars?, limit?, offset? }
 * → { total, units, documents, hits: SearchHit[] }; a malformed query or regex is a 400 with its reason.
 */
export async function POST(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    const request = await parseJson(req, searchRequestSchema);
    return ok(await searchCorpus(getDb(), projectId, request, { blind: await blindScopeFor(actor, projectId) }));
  });
}
