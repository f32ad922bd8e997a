import { compareWords, keynessCsv, parseCompareSpec, wordCsv, wordFrequencies, wordQuerySchema, wordScopeFromQuery, type CompareSide } from "@/lib/analysis";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseQuery } from "../../../../_shared";
import { blindScopeFor, requireProject } from "../../../../_auth";
import { csvResponse } from "../_csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET ?filter=…&code=COO-3&query=…&minLength=2&top=100[&compare=region=BTH:region=YRD][&format=csv]
 * → word frequencies { tokens, types, units, documents, minLength, words }, or with `compare`
 * the keyness table { a, b, threshold, thresholds, words }.
 */
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    const blind = await blindScopeFor(actor, projectId);
    const q = parseQuery(req, wordQuerySchema);
    const scope = { ...wordScopeFromQuery(projectId, q), blind };
    if (q.compare) {
      const c = parseCompareSpec(q.compare);
      const table = await compareWords(getDb(), { ...scope, a: c.a as Exclude<CompareSide, "rest">, b: c.b, labels: c.labels });
      return q.format === "csv" ? csvResponse("keyness.csv", keynessCsv(table)) : ok(table);
    }
    const table = await wordFrequencies(getDb(), scope);
    return q.format === "csv" ? csvResponse("words.csv", wordCsv(table)) : ok(table);
  });
}
