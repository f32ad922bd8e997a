import { z } from "zod";
import { importVariableCsv } from "@/lib/analysis";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson } from "../../../../../_shared";
import { requireProject } from "../../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const bodySchema = z.object({ csv: z.string().min(1).max(20_000_000) });

/** POST { csv } (header: document, then variable names) → { documents, values, unmatched }. */
export async function POST(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "import");
    const { csv } = await parseJson(req, bodySchema);
    return ok(await importVariableCsv(getDb(), { projectId, csv }));
  });
}
