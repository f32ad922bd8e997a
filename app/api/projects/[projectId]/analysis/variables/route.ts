import { defineVariable, listVariables, variableFieldsSchema } from "@/lib/analysis";
import { getDb } from "@/lib/db/client";
import { created, handle, ok, parseJson } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET → the project's document variables. */
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "read");
    return ok(await listVariables(getDb(), projectId));
  });
}

/** POST { name, kind: text|number|date|boolean|category, categories?, labelZh?, labelEn? } → 201 the variable. */
export async function POST(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "import");
    const body = await parseJson(req, variableFieldsSchema);
    return created(await defineVariable(getDb(), { ...body, projectId }));
  });
}
