import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { AuditEventView, AuditPage } from "@/lib/audit";
import { AUDIT_KINDS } from "@/lib/audit/schemas";

export type AuditFilterValues = Record<"user" | "document" | "code" | "kind" | "from" | "to" | "page", string>;
type Option = { id: string; label: string };

const input = "rounded border border-stone-300 px-2 py-1 text-[13px]";

/** The change of one event in a line: the fields before → after, or what was created or lost. */
function summary(e: AuditEventView): string {
  const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
  const before = e.detail.before as Record<string, unknown> | null | undefined;
  const after = e.detail.after as Record<string, unknown> | null | undefined;
  if (e.action === "changed" || e.action === "moved") {
    const keys = Object.keys({ ...before, ...after });
    return keys.map((k) => `${k}: ${show(before?.[k] ?? "")} → ${show(after?.[k] ?? "")}`).join("; ");
  }
  const snap = after ?? before;
  if (!snap) return JSON.stringify(e.detail);
  if (e.entity === "coding") return `${show(snap.code)} [${show(snap.start)}, ${show(snap.end)}) «${show(snap.quote)}»`;
  if (e.entity === "code") return show(snap.shortName);
  if (e.entity === "memo") return [snap.title, snap.body].filter(Boolean).map(show).join(" — ");
  return Object.entries(snap)
    .filter(([, v]) => typeof v === "string" && v !== "")
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join("; ");
}

/**
 * The audit log page: filters as a plain GET form (so a filtered view is a link), a table of
 * one page of events, paging links and the CSV download of everything the filters match.
 */
export async function AuditLogView(props: {
  projectId: string;
  values: AuditFilterValues;
  seesEveryone: boolean;
  page: AuditPage | null;
  refused: string | null;
  documents: Option[];
  codes: Option[];
}) {
  const { projectId, values, page } = props;
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const base = `/projects/${projectId}/audit`;
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...values, ...extra })) if (v) q.set(k, v);
    return q.toString();
  };
  const docLabel = new Map(props.documents.map((d) => [d.id, d.label]));
  const codeLabel = new Map(props.codes.map((c) => [c.id, c.label]));
  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  return (
    <div className="space-y-3" data-testid="audit-log">
      <div>
        <h2 className="text-[15px] font-semibold">{t("title")}</h2>
        <p className="text-[12px] text-stone-600">{props.seesEveryone ? t("intro") : t("introCoder")}</p>
      </div>
      <form method="get" action={base} className="flex flex-wrap items-end gap-2 text-[12px]">
        {props.seesEveryone && (
          <label className="flex flex-col">
            {t("user")}
            <input name="user" defaultValue={values.user} className={input} />
          </label>
        )}
        <label className="flex flex-col">
          {t("document")}
          <select name="document" defaultValue={values.document} className={input}>
            <option value="">{t("any")}</option>
            {props.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t("code")}
          <select name="code" defaultValue={values.code} className={input}>
            <option value="">{t("any")}</option>
            {props.codes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t("kind")}
          <select name="kind" defaultValue={values.kind} className={input}>
            <option value="">{t("any")}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t("from")}
          <input type="date" name="from" defaultValue={values.from} className={input} />
        </label>
        <label className="flex flex-col">
          {t("to")}
          <input type="date" name="to" defaultValue={values.to} className={input} />
        </label>
        <button type="submit" className="rounded bg-accent-600 px-3 py-1 text-white">
          {t("filter")}
        </button>
        <Link href={base} className="px-2 py-1 text-stone-600 underline">
          {t("reset")}
        </Link>
        <a href={`/api/projects/${projectId}/audit?${query({ page: "", format: "csv" })}`} className="ml-auto px-2 py-1 text-accent-700 underline" download>
          {t("csv")}
        </a>
      </form>
      {props.refused !== null && (
        <p role="alert" className="text-[13px] text-red-700">
          {t("refused", { reason: props.refused })}
        </p>
      )}
      {page && page.events.length === 0 && <p className="text-[13px] text-stone-600">{t("none")}</p>}
      {page && page.events.length > 0 && (
        <>
          <p className="text-[12px] text-stone-600">
            {t("total", { total: page.total })} · {t("page", { page: page.page, pages })}
          </p>
          <table className="w-full border-collapse text-[12px]">
            <thead>
              <tr className="border-b border-stone-300 text-left text-stone-600">
                <th className="py-1 pr-2">{t("at")}</th>
                <th className="py-1 pr-2">{t("user")}</th>
                <th className="py-1 pr-2">{t("kind")}</th>
                <th className="py-1 pr-2">{t("what")}</th>
                <th className="py-1 pr-2">{t("document")}</th>
                <th className="py-1">{t("change")}</th>
              </tr>
            </thead>
            <tbody>
              {page.events.map((e) => (
                <tr key={e.id} className="border-b border-stone-100 align-top" data-testid="audit-row">
                  <td className="whitespace-nowrap py-1 pr-2">{format.dateTime(new Date(e.at), { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td className="py-1 pr-2">{e.user}</td>
                  <td className="py-1 pr-2">
                    {t(`actions.${e.action}`)} · {t(`kinds.${e.kind}`)}
                  </td>
                  <td className="py-1 pr-2">
                    {e.entity}
                    {e.codeId ? ` · ${codeLabel.get(e.codeId) ?? t("gone")}` : ""}
                  </td>
                  <td className="py-1 pr-2">
                    {e.documentId ? (
                      docLabel.has(e.documentId) ? (
                        <Link href={`/projects/${projectId}/documents/${e.documentId}`} className="underline">
                          {docLabel.get(e.documentId)}
                        </Link>
                      ) : (
                        t("gone")
                      )
                    ) : (
                      ""
                    )}
                  </td>
                  <td className="break-all py-1">{summary(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex gap-3 text-[12px]">
            {page.page > 1 && (
              <Link href={`${base}?${query({ page: String(page.page - 1) })}`} className="underline">
                {t("newer")}
              </Link>
            )}
            {page.page < pages && (
              <Link href={`${base}?${query({ page: String(page.page + 1) })}`} className="underline">
                {t("older")}
              </Link>
            )}
          </div>
        </>
      )}
    </div>
  );
}
