import { blindCoderOn, getReaderData } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../../_shared";
import { requireResource } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ documentId: string }> };

/**
 * GET /api/documents/:documentId/reader → ReaderData
 * { document, text, paragraphs[{ordinal,start,end}], sentences[{id,ordinal,paragraph,start,end}],
 *   codings[{id,codeId,shortName,labelZh,labelEn,color,start,end,quote,comment,coder,createdAt,updatedAt,version,anchor}],
 *   codeCounts[{codeId,shortName,labelZh,labelEn,color,count}], blind } — offsets in code points; while the
 *   caller codes the document in an open blind round, only their own codings (blind: true).
 */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { documentId } = await ctx.params;
    const { actor } = await requireResource(req, "document", documentId, "read");
    const db = getDb();
    return ok(await getReaderData(db, documentId, { onlyCoderId: await blindCoderOn(db, documentId, actor.name) }));
  });
}
