import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ProjectSummary } from "@/lib/corpus";
import { DeleteProjectButton } from "./DeleteProjectDialog";
import { formatDate } from "./format";

/** The project list with its corpus and coding counts. */
export async function ProjectTable({ projects }: { projects: ProjectSummary[] }) {
  const [t, format] = await Promise.all([getTranslations("projects"), getFormatter()]);
  const formatCount = (n: number) => format.number(n);
  if (projects.length === 0) {
    return (
      <div className="rounded-md border border-dashed border-stone-300 bg-white px-6 py-10 text-center text-stone-500">
        <p className="text-sm">{t("empty")}</p>
        <p className="mt-1 text-xs">{t("emptyHint")}</p>
      </div>
    );
  }
  const num = "px-3 py-2 text-right tabular-nums";
  return (
    <div className="overflow-x-auto rounded-md border border-stone-200 bg-white">
      <table className="w-full text-[13px]" data-testid="project-table">
        <thead className="border-b border-stone-200 bg-stone-50 text-left text-[11px] text-stone-600">
          <tr>
            <th className="px-3 py-2 font-medium">{t("columns.project")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("columns.documents")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("columns.characters")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("columns.codes")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("columns.codings")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.created")}</th>
            <th className="w-10 px-1 py-2" aria-label={t("columns.actions")} />
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {projects.map((p) => (
            <tr key={p.id} className="hover:bg-stone-50" data-testid="project-row" data-project-id={p.id}>
              <td className="px-3 py-2">
                <Link href={`/projects/${p.id}`} className="font-medium text-accent-700 hover:underline">
                  {p.name}
                </Link>
                {p.description ? <p className="mt-0.5 line-clamp-1 text-xs text-stone-500">{p.description}</p> : null}
              </td>
              <td className={num}>{formatCount(p.documentCount)}</td>
              <td className={num}>{formatCount(p.charCount)}</td>
              <td className={num}>{formatCount(p.codeCount)}</td>
              <td className={num}>{formatCount(p.codingCount)}</td>
              <td className="px-3 py-2 text-stone-500 tabular-nums">{formatDate(p.createdAt)}</td>
              <td className="px-1 py-1 text-right">
                <DeleteProjectButton projectId={p.id} projectName={p.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
