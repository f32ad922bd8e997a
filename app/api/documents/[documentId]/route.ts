import { z } from "zod";
import { deleteDocument, getDocument, updateDocumentMetadata } from "@/lib/corpus";
import { documentMetadataPatchSchema } from "@/lib/corpus/metadata";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson } from "../../_shared";
import { requireResource } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ documentId: string }> };

/** The editor sends the version it loaded; a stale one is refused with 409. */
const patchBodySchema = documentMetadataPatchSchema.extend({ version: z.number().int().min(1) });

/** GET /api/documents/:documentId → { document: DocumentSummary & { plainText } } */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { documentId } = await ctx.params;
    await requireResource(req, "document", documentId, "read");
    return ok({ document: await getDocument(getDb(), documentId) });
  });
}

/** PATCH /api/documents/:documentId { version, ...metadataPatch } → { document: DocumentSummary } | 409 */
export async function PATCH(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { documentId } = await ctx.params;
    await requireResource(req, "document", documentId, "import");
    const { version, ...patch } = await parseJson(req, patchBodySchema);
    return ok({ document: await updateDocumentMetadata(getDb(), documentId, version, patch) });
  });
}

/** DELETE /api/documents/:documentId → { deleted: documentId } (its units and codings go with it) */
export async function DELETE(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { documentId } = await ctx.params;
    await requireResource(req, "document", documentId, "import");
    await deleteDocument(getDb(), documentId);
    return ok({ deleted: documentId });
  });
}
