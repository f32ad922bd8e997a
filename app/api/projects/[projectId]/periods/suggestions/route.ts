import { getDb } from "@/lib/db/client";
import { suggestionQuerySchema, suggestJunctures } from "@/lib/periods";
import { handle, ok, parseQuery } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET ?field&value&codes&penalty&minSegment → { penalty, minSegment, years, suggestions } (nothing is saved) */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "read");
    const { field, value, codes, penalty, minSegment } = parseQuery(req, suggestionQuerySchema);
    return ok(await suggestJunctures(getDb(), { projectId, scope: { field, value }, codes, penalty, minSegment }));
  });
}
