import { z } from "zod";
import { createMemo, createMemoSchema, listMemos, memoFilterSchema } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { created, handle, ok, parseJson, parseQuery } from "../_shared";
import { requireProjectAs, requireUser } from "../_auth";
import { zodText } from "@/lib/i18n/text";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const listQuerySchema = memoFilterSchema.extend({
  projectId: z.string({ error: zodText("projectId is required", "缺少项目") }).min(1),
});
const createBodySchema = createMemoSchema.omit({ author: true });

/** GET /api/memos?projectId&kind?&documentId?&codeId?&codingId? → { memos: MemoView[] } (latest edit first) */
export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireUser(req);
    const { projectId, ...filter } = parseQuery(req, listQuerySchema);
    await requireProjectAs(actor, projectId, "read");
    return ok({ memos: await listMemos(getDb(), projectId, filter) });
  });
}

/**
 * POST /api/memos { projectId, kind: project|document|code|coding|matrix-cell, documentId?|codeId?|codingId?|cellKey?, title?, body, links? }
 * → 201 { memo: MemoView } (author = the signed-in user)
 */
export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireUser(req);
    const body = await parseJson(req, createBodySchema);
    await requireProjectAs(actor, body.projectId, "code");
    return created({ memo: await createMemo(getDb(), { ...body, author: actor.name }) });
  });
}
