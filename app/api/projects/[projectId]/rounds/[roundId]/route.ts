import { z } from "zod";
import { closeRound, getRound } from "@/lib/coding/rounds";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { zodText } from "@/lib/i18n/text";
import { handle, ok, parseJson } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string; roundId: string }> };

const bodySchema = z.object({
  status: z.literal("closed", { error: zodText("a round can only be closed (status: closed)", "轮次只能被关闭（status: closed）") }),
});

/** PATCH { status: "closed" } → { round } (owners): closes an open round, revealing every coding on its documents; 409 if already closed */
export async function PATCH(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId, roundId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "manage");
    await parseJson(req, bodySchema);
    const db = getDb();
    // A round of another project is as missing as one that does not exist.
    if ((await getRound(db, roundId))?.projectId !== projectId) throw new AppError("not_found", { en: "no such round", zh: "未找到该轮次" });
    return ok({ round: await closeRound(db, { roundId, by: actor.name }) });
  });
}
