import { codeFrequencies, frequencyCsv, frequencyQuerySchema, scopeFromQuery } from "@/lib/analysis";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseQuery } from "../../../../_shared";
import { blindScopeFor, requireProject } from "../../../../_auth";
import { csvResponse } from "../_csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET ?by=code|document|region|province|city|level|type|year|coder&filter=region=BTH|YRD,type=plan&codes=3-CO&coders=a,b[&format=csv]
 * → FrequencyTable (codes rolled up, per group, with row and column totals) or its CSV.
 */
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    const q = parseQuery(req, frequencyQuerySchema);
    const table = await codeFrequencies(getDb(), { ...scopeFromQuery(projectId, q), blind: await blindScopeFor(actor, projectId), by: q.by });
    return q.format === "csv" ? csvResponse(`frequencies-${q.by}.csv`, frequencyCsv(table)) : ok(table);
  });
}
