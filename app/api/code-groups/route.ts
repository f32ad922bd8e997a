import { createCodeGroup, createCodeGroupSchema } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { created, handle, parseJson } from "../_shared";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST { projectId, name, labelZh? } → 201 { group: CodeGroupInfo } */
export async function POST(req: Request) {
  return handle(async () => {
    const input = await parseJson(req, createCodeGroupSchema);
    return created({ group: await createCodeGroup(getDb(), input) });
  });
}
