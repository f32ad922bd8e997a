import { getDb } from "@/lib/db/client";
import { getStageCodeTable, timelineQuerySchema } from "@/lib/periods";
import { handle, ok, parseQuery } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET ?field&value&codes → StageCodeTable (codes × stages: units, shares, change; persistent / appears / vanishes) */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "read");
    const { field, value, codes } = parseQuery(req, timelineQuerySchema);
    return ok(await getStageCodeTable(getDb(), { projectId, scope: { field, value }, codes }));
  });
}
