import { z } from "zod";
import { parseInput } from "@/lib/parse-input";
import { auditCsv, auditFilterSchema, auditUserScope, listAuditLog, listWholeAuditLog } from "@/lib/audit";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseQuery } from "../../../_shared";
import { requireProject, requireUnblinded } from "../../../_auth";
import { csvResponse } from "../analysis/_csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The filters are checked by lib/audit (one schema for the web and the CLI); here only their shape.
const querySchema = z
  .object({ format: z.enum(["json", "csv"]).default("json"), user: z.string().trim().optional() })
  .catchall(z.string());

/**
 * GET ?user=&document=&code=&kind=coding|codebook|memo|period&from=&to=&page=&pageSize=[&format=csv]
 * → { total, page, pageSize, events } newest first, or the whole filtered log as CSV (UTF-8 with BOM).
 * Owners see everyone's events, coders only their own (viewers: 403). An owner who is a coder of an
 * open blind round is refused (403) unless asking for their own events: the log shows others' codings.
 */
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor, role } = await requireProject(req, projectId, "code");
    const { format, ...filter } = parseQuery(req, querySchema);
    parseInput(auditFilterSchema, filter); // refuse a bad filter before deciding whose events it may see
    const user = auditUserScope({ name: actor.name, seesEveryone: actor.local || can(role, "manage") }, filter.user);
    if (user !== actor.name) await requireUnblinded(actor, projectId);
    const db = getDb();
    if (format === "csv") return csvResponse("audit.csv", auditCsv(await listWholeAuditLog(db, projectId, { ...filter, user })));
    return ok(await listAuditLog(db, projectId, { ...filter, user }));
  });
}
