import { z } from "zod";
import { addOwner } from "@/lib/auth/accounts";
import { ensureUser } from "@/lib/coding/ensure-user";
import { getDb } from "@/lib/db/client";
import { importQdpx } from "@/lib/exchange/import-qdpx";
import { zodText } from "@/lib/i18n/text";
import { created, handle, parseQuery, parseUploadForm } from "../../_shared";
import { requireUser } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const querySchema = z.object({
  name: z.string({ error: zodText("name the new project (?name=…)", "请填写新项目的名称") }).trim().min(1, zodText("name the new project (?name=…)", "请填写新项目的名称")).max(200),
  offsets: z.enum(["auto", "codepoints", "utf16"]).default("auto"),
});

/** POST /api/projects/import-qdpx?name=…&offsets=auto|codepoints|utf16, multipart `file` → 201 { report }; the importer owns the new project */
export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireUser(req);
    const q = parseQuery(req, querySchema);
    const { bytes } = await parseUploadForm(req);
    const db = getDb();
    const report = await importQdpx(db, { bytes, projectName: q.name, offsets: q.offsets });
    await addOwner(db, report.projectId, actor.id ?? (await ensureUser(db, actor.name)).id);
    return created({ report });
  });
}
