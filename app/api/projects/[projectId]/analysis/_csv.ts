/** A CSV download: the body already carries its BOM (lib/analysis/csv.ts). */
export function csvResponse(fileName: string, body: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
    },
  });
}
