import { z } from "zod";
import { deleteCoding, updateCoding, updateCodingSchema } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson, parseQuery } from "../../_shared";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ codingId: string }> };

const deleteQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });

/**
 * PATCH /api/codings/:codingId { version, start?, end?, codeId?, comment?, expectQuote? }
 * → { coding: CodingView } | 409 stale version, duplicate or quote mismatch
 */
export async function PATCH(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { codingId } = await ctx.params;
    const { version, expectQuote, ...patch } = await parseJson(req, updateCodingSchema);
    return ok({ coding: await updateCoding(getDb(), codingId, version, patch, { expectQuote }) });
  });
}

/** DELETE /api/codings/:codingId?version=N → { deleted: CodingView } (what it was, for undo) | 409 stale */
export async function DELETE(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { codingId } = await ctx.params;
    const { version } = parseQuery(req, deleteQuerySchema);
    return ok({ deleted: await deleteCoding(getDb(), codingId, version) });
  });
}
