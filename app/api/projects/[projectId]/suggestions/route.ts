import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { decideSuggestions, suggestForCode } from "@/lib/search";
import { handle, ok, parseJson, parseQuery } from "../../../_shared";
import { blindScopeFor, requireProject } from "../../../_auth";
import { zodText } from "@/lib/i18n/text";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

const querySchema = z.object({
  codeId: z.string({ error: zodText("codeId is required", "请选择编码") }).min(1),
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
});

const decideSchema = z.object({
  codeId: z.string().min(1, zodText("codeId is required", "请选择编码")),
  accept: z.array(z.string().min(1)).max(20_000).default([]),
  reject: z.array(z.string().min(1)).max(20_000).default([]),
});

/** GET ?codeId&limit → { code, total, groups: { documentId, title, year, region, sentences }[] } — nothing is coded */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    const { codeId, limit } = parseQuery(req, querySchema);
    return ok(await suggestForCode(getDb(), { projectId, codeId, limit }, { blind: await blindScopeFor(actor, projectId) }));
  });
}

/** POST { codeId, accept: unitIds, reject: unitIds } → { created, skipped, accepted, rejected } (accepted sentences are coded whole) */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "code");
    const body = await parseJson(req, decideSchema);
    const r = await decideSuggestions(getDb(), { ...body, projectId, coder: actor.name });
    return ok({ created: r.created.length, skipped: r.skipped.length, accepted: r.accepted, rejected: r.rejected });
  });
}
