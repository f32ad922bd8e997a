import { z } from "zod";
import { setVariableValues } from "@/lib/analysis";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson } from "../../../../../../_shared";
import { requireProject } from "../../../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const bodySchema = z.object({
  values: z
    .array(z.object({ documentId: z.string().min(1), value: z.union([z.string(), z.number(), z.boolean(), z.null()]) }))
    .min(1)
    .max(10_000),
});

/** PUT { values: [{ documentId, value }] } — one document or a selection; null clears. → { updated } */
export async function PUT(req: Request, ctx: { params: Promise<{ projectId: string; name: string }> }) {
  return handle(async () => {
    const { projectId, name } = await ctx.params;
    await requireProject(req, projectId, "import");
    const { values } = await parseJson(req, bodySchema);
    return ok(await setVariableValues(getDb(), { projectId, name: decodeURIComponent(name), values }));
  });
}
