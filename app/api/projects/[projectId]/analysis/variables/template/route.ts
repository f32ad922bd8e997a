import { applyVariableTemplate } from "@/lib/analysis";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../../../../_shared";
import { requireProject } from "../../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST → defines the study's variables (role, cityType) where missing; the project's variables. */
export async function POST(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "import");
    return ok(await applyVariableTemplate(getDb(), projectId));
  });
}
