import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DocumentsView } from "@/components/documents/DocumentsView";
import { DOCUMENT_QUERY_KEYS, type DocumentQuery } from "@/components/documents/types";
import {
  documentFacets,
  documentListQuerySchema,
  IMPORTABLE_EXTENSIONS,
  listDocuments,
  type DocumentListQuery,
} from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { requirePageProject } from "@/app/coder";
import { blindScopeFor } from "@/app/api/_auth";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The URL query as plain strings (first value of each known key). */
function readQuery(sp: SearchParams): DocumentQuery {
  const out: DocumentQuery = {};
  for (const k of DOCUMENT_QUERY_KEYS) {
    const v = sp[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined && s.trim() !== "") out[k] = s;
  }
  return out;
}

/** Drops query values the list cannot use (e.g. year=abc) instead of failing the page. */
function validQuery(q: DocumentQuery): DocumentListQuery {
  const parsed = documentListQuerySchema.safeParse(q);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return documentListQuerySchema.parse(Object.fromEntries(Object.entries(q).filter(([k]) => !bad.has(k))));
}

export default async function DocumentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { projectId } = await params;
  const { actor } = await requirePageProject(projectId, "read");
  const query = readQuery(await searchParams);
  const listQuery = validQuery(query);
  const db = getDb();
  const filtered = ["region", "province", "city", "year", "docType", "level", "q"].some(
    (k) => listQuery[k as keyof DocumentListQuery] !== undefined,
  );
  const blind = await blindScopeFor(actor, projectId);
  const [documents, facets, all] = await Promise.all([
    listDocuments(db, projectId, listQuery, blind),
    documentFacets(db, projectId),
    filtered ? listDocuments(db, projectId) : null,
  ]);
  return (
    <DocumentsView
      projectId={projectId}
      documents={documents}
      facets={facets}
      query={query}
      sort={{ id: listQuery.sort ?? "year", desc: listQuery.dir === "desc" }}
      totalInProject={all ? all.length : documents.length}
      accept={IMPORTABLE_EXTENSIONS.join(",")}
    />
  );
}
