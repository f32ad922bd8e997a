import { getDb } from "@/lib/db/client";
import { importQdc } from "@/lib/exchange/import-qdc";
import { handle, ok, parseUploadForm } from "../../../_shared";
import { requireProject } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

/** POST multipart `file` (a REFI-QDA .qdc) → 200 { report }: codes and sets added to the project's codebook (owners and coders) */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "edit-codebook");
    const { bytes } = await parseUploadForm(req);
    return ok({ report: await importQdc(getDb(), { bytes, projectId }) });
  });
}
