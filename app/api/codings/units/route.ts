import { codeUnits, codeUnitsSchema } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { created, handle, parseJson } from "../../_shared";
import { requireResourceAs, requireUser } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const bodySchema = codeUnitsSchema.omit({ coder: true });

/**
 * POST /api/codings/units { unitIds: string[], codeId } — codes whole sentence units in one
 * transaction → 201 { created: CodingView[], skipped: unitId[] (already coded so by this coder) }
 */
export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireUser(req);
    const body = await parseJson(req, bodySchema);
    // The code decides the project; codeUnits refuses units of any other project.
    await requireResourceAs(actor, "code", body.codeId, "code");
    return created(await codeUnits(getDb(), { ...body, coder: actor.name }));
  });
}
