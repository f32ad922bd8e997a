import { editStopWords, listStopWords, stopWordEditSchema } from "@/lib/analysis";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET → the project's stop words { words, added, removed, builtIn }. */
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "read");
    return ok(await listStopWords(getDb(), projectId));
  });
}

/** POST { add?: string[], remove?: string[] } → the list after the edit (stored per project). */
export async function POST(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "edit-codebook");
    const body = await parseJson(req, stopWordEditSchema);
    return ok(await editStopWords(getDb(), projectId, body));
  });
}
