import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { EXPORT_FORMATS, exportProject } from "@/lib/exchange";
import { zodText } from "@/lib/i18n/text";
import { handle, parseQuery } from "../../../_shared";
import { requireProject, requireUnblinded } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

const list = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined));

const querySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: zodText(`format must be one of ${EXPORT_FORMATS.join(", ")}`, `格式必须是 ${EXPORT_FORMATS.join("、")} 之一`) }),
  codes: list,
  documents: list,
  coders: list,
  positions: z.enum(["codepoints", "utf16"]).default("codepoints"),
});

/** Text chunks as a byte stream, pulled one at a time (the CSV exports are written row by row). */
function streamOf(chunks: Iterable<string>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

/** The download's file name: an ASCII fallback and the real (UTF-8) name (RFC 6266). */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** GET ?format=csv|xlsx|json|qdpx|qdc|matrix&codes&documents&coders&positions → the project as a file (read access) */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    const { actor } = await requireProject(req, projectId, "read");
    await requireUnblinded(actor, projectId);
    const q = parseQuery(req, querySchema);
    const file = await exportProject(getDb(), {
      projectId,
      format: q.format,
      filters: { codes: q.codes, documents: q.documents, coders: q.coders },
      positions: q.positions,
    });
    const body = file.body instanceof Uint8Array ? file.body : streamOf(file.body);
    return new Response(body as BodyInit, { headers: { "content-type": file.contentType, "content-disposition": disposition(file.fileName), "cache-control": "no-store" } });
  });
}
