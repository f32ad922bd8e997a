import { wordPassageQuerySchema, wordPassages, wordPassagesCsv, wordScopeFromQuery, wordScopeOfSide } from "@/lib/analysis";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseQuery } from "../../../../../_shared";
import { blindScopeFor, requireProject } from "../../../../../_auth";
import { csvResponse } from "../../_csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET ?word=协同&filter=…&code=…&query=…[&compare=…&side=a|b][&context=&limit=&offset=][&format=csv]
 * → { total, passages } — every occurrence behind the word's count, with its place in the text.
 */
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    const blind = await blindScopeFor(actor, projectId);
    const q = parseQuery(req, wordPassageQuerySchema);
    const scope = { ...wordScopeOfSide(wordScopeFromQuery(projectId, q), q.compare, q.side), blind };
    const list = await wordPassages(getDb(), { ...scope, word: q.word, context: q.context, limit: q.limit, offset: q.offset });
    return q.format === "csv" ? csvResponse("word-passages.csv", wordPassagesCsv(list)) : ok(list);
  });
}
