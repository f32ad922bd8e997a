import { documentListQuerySchema, getProject, importDocument, importReport, listDocuments } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { currentLocale } from "@/app/locale";
import { created, handle, ok, parseQuery, parseUploadForm } from "../../../_shared";
import { blindScopeFor, requireProject } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/projects/:projectId/documents?region&province&city&year&docType&level&q&sort&dir → { documents } */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    const query = parseQuery(req, documentListQuerySchema);
    const db = getDb();
    await getProject(db, projectId); // 404 for an unknown project, not an empty list
    return ok({ documents: await listDocuments(db, projectId, query, await blindScopeFor(actor, projectId)) });
  });
}

/**
 * POST multipart { file, title?, region?, …, encoding? } → 201 { document: ImportReport } — one
 * file per request; its warnings in the request's language, like error messages.
 */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "import");
    const db = getDb();
    await getProject(db, projectId);
    const { fileName, bytes, metadata, encoding } = await parseUploadForm(req);
    const document = await importDocument(db, { projectId, fileName, bytes, metadata, encoding });
    return created({ document: importReport(document, await currentLocale()) });
  });
}
