import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { importPeriods, listPeriods, parsePeriodsText, scopeFilterSchema } from "@/lib/periods";
import { created, handle, ok, parseJson, parseQuery } from "../../../_shared";
import { requireProject } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET ?field&value → { periods: ScopePeriods[] } (stages by date, junctures with resolved evidence) */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "read");
    const filter = parseQuery(req, scopeFilterSchema);
    return ok({ periods: await listPeriods(getDb(), projectId, filter) });
  });
}

const importSchema = z.object({ text: z.string().min(1).max(5_000_000), replace: z.boolean().default(false) });

/** POST { text: a periods file (JSON or CSV), replace? } → 201 { imported: { groupings, stages, junctures } }; all or nothing */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const access = await requireProject(req, projectId, "code");
    const { text, replace } = await parseJson(req, importSchema);
    const file = parsePeriodsText(text);
    return created({ imported: await importPeriods(getDb(), { projectId, file, replace, actor: access.actor.name }) });
  });
}
