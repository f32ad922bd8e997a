import { packCodings } from "@/components/reader/wire";
import { blindCoderOn, getReaderCodings } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { handle } from "../../../../_shared";
import { requireResource } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ documentId: string }> };

/**
 * GET /api/documents/:documentId/reader/codings → the reader's codings in their packed form
 * (components/reader/wire.ts PackedCodings, every code used in `extraCodes`): the document's
 * fields and its codings re-anchored against the text, code points; while the caller codes
 * the document in an open blind round, only their own. Never stored by the browser.
 */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { documentId } = await ctx.params;
    const { actor } = await requireResource(req, "document", documentId, "read");
    const db = getDb();
    const codings = await getReaderCodings(db, documentId, { onlyCoderId: await blindCoderOn(db, documentId, actor.name) });
    return Response.json(packCodings(codings, []), { headers: { "cache-control": "private, no-store" } });
  });
}
