import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageProject } from "@/app/coder";
import { requireUnblinded } from "@/app/api/_auth";
import { AuditLogView, type AuditFilterValues } from "@/components/audit/AuditLogView";
import { auditUserScope, listAuditLog, type AuditPage } from "@/lib/audit";
import { can } from "@/lib/auth/roles";
import { flattenCodebook, getCodebook } from "@/lib/codebook";
import { listDocuments } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

const PAGE_SIZE = 50;
const KEYS = ["user", "document", "code", "kind", "from", "to", "page"] as const;

/** The audit log with its filters in the query string (a plain GET form: links and reloads keep them). Same access as the API route. */
export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  const { actor, role } = await requirePageProject(projectId, "code");
  const sp = await searchParams;
  const values = Object.fromEntries(KEYS.map((k) => [k, typeof sp[k] === "string" ? sp[k].trim() : ""])) as AuditFilterValues;
  const locale = (await getLocale()) === "zh" ? "zh" : "en";
  const seesEveryone = actor.local || can(role, "manage");
  const db = getDb();
  const [documents, codes] = await Promise.all([listDocuments(db, projectId), getCodebook(db, projectId).then(flattenCodebook)]);
  let page: AuditPage | null = null;
  let refused: string | null = null;
  try {
    const user = auditUserScope({ name: actor.name, seesEveryone }, values.user || undefined);
    if (user !== actor.name) await requireUnblinded(actor, projectId);
    page = await listAuditLog(db, projectId, { ...values, user, page: values.page || 1, pageSize: PAGE_SIZE });
  } catch (e) {
    if (!isAppError(e)) throw e;
    refused = e.text[locale];
  }
  return (
    <AuditLogView
      projectId={projectId}
      values={values}
      seesEveryone={seesEveryone}
      page={page}
      refused={refused}
      documents={documents.map((d) => ({ id: d.id, label: d.title }))}
      codes={codes.map((c) => ({ id: c.id, label: c.shortName }))}
    />
  );
}
