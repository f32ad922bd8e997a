import { deleteCode, deleteCodeSchema, getCode, updateCode, updateCodeSchema } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson } from "../../_shared";
import { requireResource } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ codeId: string }> };

/** GET → { code: CodeRecord } */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { codeId } = await ctx.params;
    await requireResource(req, "code", codeId, "read");
    return ok({ code: await getCode(getDb(), codeId) });
  });
}

/** PATCH { expectedVersion, shortName?, labelZh?, …, keywords?, pinned? } → { code } | 409 when the version is stale */
export async function PATCH(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { codeId } = await ctx.params;
    const { actor } = await requireResource(req, "code", codeId, "edit-codebook");
    const { expectedVersion, ...patch } = await parseJson(req, updateCodeSchema);
    return ok({ code: await updateCode(getDb(), codeId, expectedVersion, patch, { actor: actor.name }) });
  });
}

/** DELETE { confirm: true } → { deletedCodes, deletedCodings, deletedMemos } (the code, its sub-codes and their codings) */
export async function DELETE(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { codeId } = await ctx.params;
    const { actor } = await requireResource(req, "code", codeId, "edit-codebook");
    const options = await parseJson(req, deleteCodeSchema);
    return ok(await deleteCode(getDb(), codeId, options, { actor: actor.name }));
  });
}
