import { currentCoderName } from "@/app/coder";
import { codeUnits, codeUnitsSchema } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { created, handle, parseJson } from "../../_shared";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const bodySchema = codeUnitsSchema.omit({ coder: true });

/**
 * POST /api/codings/units { unitIds: string[], codeId } — codes whole sentence units in one
 * transaction → 201 { created: CodingView[], skipped: unitId[] (already coded so by this coder) }
 */
export async function POST(req: Request) {
  return handle(async () => {
    const body = await parseJson(req, bodySchema);
    const coder = await currentCoderName();
    return created(await codeUnits(getDb(), { ...body, coder }));
  });
}
