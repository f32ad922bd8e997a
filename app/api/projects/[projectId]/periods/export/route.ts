import { getDb } from "@/lib/db/client";
import { exportPeriods, exportQuerySchema, listPeriods, periodsToCsv, periodsToMarkdown } from "@/lib/periods";
import { currentLocale } from "@/app/locale";
import { handle, parseQuery } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

const TYPES = { json: "application/json", csv: "text/csv", md: "text/markdown" } as const;

/** GET ?format=json|csv|md&field&value → the periods as a file (Markdown in the Table 4.1 layout, in the interface language) */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "read");
    const { format, field, value } = parseQuery(req, exportQuerySchema);
    const db = getDb();
    const filter = { field, value };
    const body =
      format === "md"
        ? periodsToMarkdown(await listPeriods(db, projectId, filter), await currentLocale())
        : format === "csv"
          ? periodsToCsv(await exportPeriods(db, projectId, filter))
          : JSON.stringify(await exportPeriods(db, projectId, filter), null, 2);
    const name = `periods${value ? `-${value}` : ""}.${format}`;
    return new Response(body, {
      headers: { "content-type": `${TYPES[format]}; charset=utf-8`, "content-disposition": `attachment; filename="${encodeURIComponent(name)}"` },
    });
  });
}
