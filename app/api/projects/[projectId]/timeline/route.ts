import { getDb } from "@/lib/db/client";
import { getTimeline, timelineQuerySchema } from "@/lib/periods";
import { handle, ok, parseQuery } from "../../../_shared";
import { requireProject } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET ?field=region&value=BTH&codes=COE,CON,COO&per=chars|documents|none → Timeline (years, stages, junctures) */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "read");
    const { field, value, codes, per } = parseQuery(req, timelineQuerySchema);
    return ok(await getTimeline(getDb(), { projectId, scope: { field, value }, codes, per }));
  });
}
