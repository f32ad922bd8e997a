import { z } from "zod";
import { blindCoderOn, createCoding, createCodingSchema, documentCodingsSince } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { created, handle, ok, parseJson } from "../../../_shared";
import { requireResource } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ documentId: string }> };

/** The document comes from the URL and the coder is the signed-in user; `expectQuote` guards a stale view. */
const bodySchema = createCodingSchema
  .omit({ documentId: true, coder: true })
  .extend({ expectQuote: z.string().optional() });

/**
 * GET /api/documents/:documentId/codings[?since=fingerprint] → { fingerprint, unchanged: false, codings: CodingView[] }
 * (text order, code points), or { fingerprint, unchanged: true } when nothing changed since (the reader's live view polls this).
 * A coder of an open blind round on the document gets only their own codings.
 */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { documentId } = await ctx.params;
    const { actor } = await requireResource(req, "document", documentId, "read");
    const since = new URL(req.url).searchParams.get("since") ?? undefined;
    const db = getDb();
    return ok(await documentCodingsSince(db, documentId, since, await blindCoderOn(db, documentId, actor.name)));
  });
}

/**
 * POST /api/documents/:documentId/codings { codeId, start, end, comment?, expectQuote? }
 * → 201 { coding: CodingView } | 400 invalid span | 404 | 409 duplicate or quote mismatch
 */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { documentId } = await ctx.params;
    const { actor } = await requireResource(req, "document", documentId, "code");
    const { expectQuote, ...body } = await parseJson(req, bodySchema);
    return created({ coding: await createCoding(getDb(), { ...body, documentId, coder: actor.name }, { expectQuote }) });
  });
}
