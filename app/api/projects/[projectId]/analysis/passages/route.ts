import { findPassages, passageQueryFrom, passageQuerySchema, passagesCsv } from "@/lib/analysis";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseQuery } from "../../../../_shared";
import { blindScopeFor, requireProject } from "../../../../_auth";
import { csvResponse } from "../_csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET ?code=CON-1[&rollUp=0][&groupBy=region&group="BTH"][&with=CON-2&mode=unit|overlap]&filter=…&codes=…&coders=…
 * [&limit=&offset=&context=][&format=csv] → { total, units, passages } — exactly the codings behind a number.
 */
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    const q = parseQuery(req, passageQuerySchema);
    const list = await findPassages(getDb(), { ...passageQueryFrom(projectId, q), blind: await blindScopeFor(actor, projectId) });
    return q.format === "csv" ? csvResponse("passages.csv", passagesCsv(list)) : ok(list);
  });
}
