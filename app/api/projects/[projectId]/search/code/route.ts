import { getCode } from "@/lib/codebook";
import { codeUnits, codeUnitsSchema } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { handle, ok, parseJson } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST { unitIds, codeId } → { created, skipped, codingIds } — codes the whole sentences of
 * selected search hits with one code, as the current coder, in one transaction.
 */
export async function POST(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "code");
    const { unitIds, codeId } = await parseJson(req, codeUnitsSchema.omit({ coder: true }));
    const db = getDb();
    if ((await getCode(db, codeId)).projectId !== projectId) {
      throw new AppError("invalid_input", { en: "the code belongs to another project", zh: "该编码属于其他项目" });
    }
    const r = await codeUnits(db, { unitIds, codeId, coder: actor.name });
    return ok({ created: r.created.length, skipped: r.skipped.length, codingIds: r.created.map((c) => c.id) });
  });
}
