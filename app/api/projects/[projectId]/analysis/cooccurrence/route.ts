import { cooccurrence, cooccurrenceCsv, cooccurrenceQuerySchema, scopeFromQuery } from "@/lib/analysis";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseQuery } from "../../../../_shared";
import { blindScopeFor, requireProject } from "../../../../_auth";
import { csvResponse } from "../_csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET ?mode=unit|overlap&filter=…&codes=…&coders=…[&format=csv] → CooccurrenceTable (counts and c-coefficients) or its CSV. */
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    const q = parseQuery(req, cooccurrenceQuerySchema);
    const table = await cooccurrence(getDb(), { ...scopeFromQuery(projectId, q), blind: await blindScopeFor(actor, projectId), mode: q.mode });
    return q.format === "csv" ? csvResponse(`cooccurrence-${q.mode}.csv`, cooccurrenceCsv(table)) : ok(table);
  });
}
