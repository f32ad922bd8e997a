import { deleteMemo, versionQuerySchema, updateMemo, updateMemoSchema } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson, parseQuery } from "../../_shared";
import { requireResource } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ memoId: string }> };

/** PATCH /api/memos/:memoId { version, title?, body?, links? } → { memo: MemoView } | 409 stale */
export async function PATCH(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { memoId } = await ctx.params;
    const { actor } = await requireResource(req, "memo", memoId, "code");
    const { version, ...patch } = await parseJson(req, updateMemoSchema);
    return ok({ memo: await updateMemo(getDb(), { id: memoId, version, patch, actor: actor.name }) });
  });
}

/** DELETE /api/memos/:memoId?version=N → { deleted: MemoView } | 400 no version | 409 stale */
export async function DELETE(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { memoId } = await ctx.params;
    const { actor } = await requireResource(req, "memo", memoId, "code");
    const { version } = parseQuery(req, versionQuerySchema);
    return ok({ deleted: await deleteMemo(getDb(), { id: memoId, version, actor: actor.name }) });
  });
}
