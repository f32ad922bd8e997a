import { getAgreementReport } from "@/lib/agreement/agreement-report";
import { agreementQuerySchema } from "@/lib/agreement/load-agreement-input";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseQuery } from "../../../_shared";
import { requireProject, requireUnblinded } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET ?coders=a,b[,c]&codes=COE-1,CON-1&documents=id,…&limit=N → the agreement report: per code
 * and overall (units, percent agreement, Cohen's κ per pair, Fleiss' κ, Krippendorff's α,
 * character agreement) and the disagreement passages with each coder's codes and decisions.
 */
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    await requireUnblinded(actor, projectId);
    return ok(await getAgreementReport(getDb(), projectId, parseQuery(req, agreementQuerySchema)));
  });
}
