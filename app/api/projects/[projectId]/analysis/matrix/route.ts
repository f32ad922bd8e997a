import { matrixCsv, matrixInputFrom, matrixQuerySchema, mismatchMatrix } from "@/lib/analysis";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseQuery } from "../../../../_shared";
import { blindScopeFor, requireProject } from "../../../../_auth";
import { csvResponse } from "../_csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET ?rows=PLACE,PRIORITY,ACTOR&cols=COE,CON,COO[&within=VERTICAL]&filter=…&coders=…[&format=csv]
 * → MismatchMatrix (units and codings per cell, with each cell's finding) or its CSV. A cell's
 * passages: /passages?code=<row>&with=<col>&mode=unit&rollUp=1[&within=<W>]; its finding is
 * a memo of kind "matrix-cell" written through /api/memos.
 */
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    const blind = await blindScopeFor(actor, projectId);
    const q = parseQuery(req, matrixQuerySchema);
    const m = await mismatchMatrix(getDb(), { ...matrixInputFrom(projectId, q), blind });
    return q.format === "csv" ? csvResponse(`matrix${m.within ? `-${m.within.shortName}` : ""}.csv`, matrixCsv(m)) : ok(m);
  });
}
