import { z } from "zod";
import { deleteMemo, updateMemo, updateMemoSchema } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson, parseQuery } from "../../_shared";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ memoId: string }> };

const deleteQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });

/** PATCH /api/memos/:memoId { version, title?, body?, links? } → { memo: MemoView } | 409 stale */
export async function PATCH(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { memoId } = await ctx.params;
    const { version, ...patch } = await parseJson(req, updateMemoSchema);
    return ok({ memo: await updateMemo(getDb(), memoId, version, patch) });
  });
}

/** DELETE /api/memos/:memoId?version=N → { deleted: MemoView } | 409 stale */
export async function DELETE(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { memoId } = await ctx.params;
    const { version } = parseQuery(req, deleteQuerySchema);
    return ok({ deleted: await deleteMemo(getDb(), memoId, version) });
  });
}
