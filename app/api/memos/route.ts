import { z } from "zod";
import { currentCoderName } from "@/app/coder";
import { createMemo, createMemoSchema, listMemos, memoFilterSchema } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { created, handle, ok, parseJson, parseQuery } from "../_shared";
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
    const { projectId, ...filter } = parseQuery(req, listQuerySchema);
    return ok({ memos: await listMemos(getDb(), projectId, filter) });
  });
}

/**
 * POST /api/memos { projectId, kind: project|document|code|coding, documentId?|codeId?|codingId?, title?, body, links? }
 * → 201 { memo: MemoView } (author = current coder)
 */
export async function POST(req: Request) {
  return handle(async () => {
    const body = await parseJson(req, createBodySchema);
    const author = await currentCoderName();
    return created({ memo: await createMemo(getDb(), { ...body, author }) });
  });
}
