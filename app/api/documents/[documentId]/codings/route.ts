import { z } from "zod";
import { currentCoderName } from "@/app/coder";
import { createCoding, createCodingSchema, listDocumentCodings } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { created, handle, ok, parseJson } from "../../../_shared";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ documentId: string }> };

/** The document comes from the URL and the coder from the cookie; `expectQuote` guards a stale view. */
const bodySchema = createCodingSchema
  .omit({ documentId: true, coder: true })
  .extend({ expectQuote: z.string().optional() });

/** GET /api/documents/:documentId/codings → { codings: CodingView[] } (text order, code points) */
export async function GET(_req: Request, ctx: Ctx) {
  return handle(async () => {
    const { documentId } = await ctx.params;
    return ok({ codings: await listDocumentCodings(getDb(), documentId) });
  });
}

/**
 * POST /api/documents/:documentId/codings { codeId, start, end, comment?, expectQuote? }
 * → 201 { coding: CodingView } | 400 invalid span | 404 | 409 duplicate or quote mismatch
 */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { documentId } = await ctx.params;
    const { expectQuote, ...body } = await parseJson(req, bodySchema);
    const coder = await currentCoderName();
    return created({ coding: await createCoding(getDb(), { ...body, documentId, coder }, { expectQuote }) });
  });
}
