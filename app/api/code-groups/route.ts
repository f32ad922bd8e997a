import { createCodeGroup, createCodeGroupSchema } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { created, handle, parseJson } from "../_shared";
import { requireProjectAs, requireUser } from "../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST { projectId, name, labelZh? } → 201 { group: CodeGroupInfo } */
export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireUser(req);
    const input = await parseJson(req, createCodeGroupSchema);
    await requireProjectAs(actor, input.projectId, "edit-codebook");
    return created({ group: await createCodeGroup(getDb(), input, { actor: actor.name }) });
  });
}
