import { deleteCoding, versionQuerySchema, updateCoding, updateCodingSchema } from "@/lib/coding";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson, parseQuery } from "../../_shared";
import { requireResource, type Access } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ codingId: string }> };

/** Coders change their own codings; owners (and the embedded workbench's local user) anyone's. */
const editorOf = ({ actor, role }: Access) => ({ name: actor.name, mayEditOthers: actor.local || can(role, "manage") });

/**
 * PATCH /api/codings/:codingId { version, start?, end?, codeId?, comment?, expectQuote? }
 * → { coding: CodingView } | 409 stale version, duplicate or quote mismatch
 */
export async function PATCH(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { codingId } = await ctx.params;
    const access = await requireResource(req, "coding", codingId, "code");
    const { version, expectQuote, ...patch } = await parseJson(req, updateCodingSchema);
    return ok({ coding: await updateCoding(getDb(), { id: codingId, version, patch, expectQuote, by: editorOf(access) }) });
  });
}

/** DELETE /api/codings/:codingId?version=N → { deleted: CodingView } (what it was, for undo) | 400 no version | 409 stale */
export async function DELETE(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { codingId } = await ctx.params;
    const access = await requireResource(req, "coding", codingId, "code");
    const { version } = parseQuery(req, versionQuerySchema);
    return ok({ deleted: await deleteCoding(getDb(), { id: codingId, version, by: editorOf(access) }) });
  });
}
