import { z } from "zod";
import { applyTemplates, CODEBOOK_TEMPLATES, TEMPLATE_KEYS, templateKeySchema } from "@/lib/codebook";
import { getDb } from "@/lib/db/client";
import { handle, ok, parseJson } from "../../../../_shared";
import { requireProject } from "../../../../_auth";
import { zodText } from "@/lib/i18n/text";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

const bodySchema = z.object({ keys: z.array(templateKeySchema).min(1, zodText("choose a template", "请选择模板")) });

/** GET → { templates: { key, labelZh, labelEn, group }[] } */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    await requireProject(req, (await ctx.params).projectId, "read");
    return ok({
      templates: TEMPLATE_KEYS.map((key) => {
        const t = CODEBOOK_TEMPLATES[key];
        return { key, labelZh: t.labelZh, labelEn: t.labelEn, group: t.group };
      }),
    });
  });
}

/** POST { keys: TemplateKey[] } → { created, skipped } (codes already present by short name are skipped) */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "edit-codebook");
    const { keys } = await parseJson(req, bodySchema);
    return ok(await applyTemplates(getDb(), projectId, keys, { actor: actor.name }));
  });
}
